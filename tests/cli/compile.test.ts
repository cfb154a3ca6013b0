// `tspyc compile` against `python3.11 -m compileall`, flag by flag, on two copies of
// fixtures/compile/tree: the same stdout (paths as given, so no normalising beyond temp names), and
// — once tspyc has code generation — the same exit code, the same pycs written under the same
// names, byte for byte, and the same hard links.
import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPyc, sourceFromCache, targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';
import { fullCorpus } from '../../tools/corpus.js';
import { oracle } from '../../tools/oracles.js';
import {
  CODEGEN,
  CODEGEN_SKIP_REASON,
  codegenExactness,
  compileall,
  filesUnder,
  makeTwins,
  MTIME,
  normalise,
  tspycCompile,
  listingFirst,
  type RunOptions,
  type Twins,
} from './compile-twins.js';
import { BUILT, type CliResult } from './run-cli.js';

const READY = BUILT && oracle('3.11') !== null;
if (READY && !CODEGEN) console.warn(`\n${CODEGEN_SKIP_REASON}\n`);
const EXACT = READY ? codegenExactness() : { exact: false, report: '' };
if (READY && CODEGEN && !EXACT.exact) console.warn(`\n*** CODEGEN NOT YET BYTE-EXACT: ${EXACT.report}; whole-pyc comparisons with compileall are SKIPPED ***\n`);

interface Case {
  name: string;
  args: string[];
  options?: RunOptions;
  /**
   * -j: compileall's workers print in completion order, and on a pipe even mid-line. tspyc prints
   * every Listing line first (the walk happens before the pool starts, as executor.map does), then
   * each file's lines in the files' order; that is compared with compileall's run without -j.
   */
  parallel?: boolean;
  /** run with CPython in both trees first (e.g. to have up-to-date pycs) */
  seed?: string[];
  /** changes to both trees before the mtimes are fixed */
  setup?: (tree: string) => void;
  /** the output itself depends on compiling (an error met only when the pyc is written) */
  needsCodegen?: boolean;
  /** only in the full (CI) run, to keep the sample run short */
  full?: boolean;
}

/**
 * Symlinks for -e: one to a file inside the tree, one to a file outside it. The outside file gets
 * the trees' fixed mtime itself (makeTwins touches only what is inside a tree): each twin has its own
 * copy, and two writes a second apart would give the pycs different headers.
 */
function withSymlinks(tree: string): void {
  const outside = join(tree, '..', 'outside');
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'ext.py'), 'ext = 1\n');
  utimesSync(join(outside, 'ext.py'), MTIME, MTIME);
  symlinkSync(join(outside, 'ext.py'), join(tree, 'link_out.py'));
  symlinkSync(join(tree, 'same.py'), join(tree, 'link_in.py'));
}

/** Sources nested deeper than CPython's compiler allows, and one just within its limits. */
function deepSources(tree: string): void {
  mkdirSync(join(tree, 'deep'));
  writeFileSync(join(tree, 'deep/unary.py'), 'x = ' + '-'.repeat(5000) + '1\n');
  writeFileSync(join(tree, 'deep/binary.py'), 'x = 1' + ' + 1'.repeat(20000) + '\n');
  writeFileSync(join(tree, 'deep/within.py'), 'x = ' + '['.repeat(150) + ']'.repeat(150) + '\n');
}

/**
 * Four directories of small modules, two of them with a __pycache__ that is a file, so their pycs
 * fail to be written (on the main thread) while the files after them are already compiling: the
 * error lines must still come in the files' order. ro1 also holds a module that warns.
 */
function unwritableAmongMany(tree: string): void {
  for (const d of ['w1', 'ro1', 'w2', 'ro2']) {
    mkdirSync(join(tree, 'many', d), { recursive: true });
    for (let i = 0; i < 12; i++) writeFileSync(join(tree, 'many', d, `m${i}.py`), `x = ${i}\n`);
    if (d.startsWith('ro')) writeFileSync(join(tree, 'many', d, '__pycache__'), '');
  }
  writeFileSync(join(tree, 'many', 'ro1', 'warns.py'), readFileSync(join(tree, 'warns.py')));
}

const CASES: Case[] = [
  { name: 'a directory, no flags', args: ['.'] },
  { full: true, name: 'a directory given with a trailing slash', args: ['pkg/'] },
  { name: '-l', args: ['-l', '.'] },
  { full: true, name: '-r 0', args: ['-r', '0', '.'] },
  { name: '-r 1', args: ['-r', '1', '.'] },
  { full: true, name: '-l -r 2 (-r wins)', args: ['-l', '-r', '2', '.'] },
  { name: '-q', args: ['-q', '.'] },
  { name: '-qq', args: ['-qq', '.'] },
  { full: true, name: '-q -q', args: ['-q', '-q', '.'] },
  { name: '-b', args: ['-b', '.'] },
  { name: '-d DESTDIR on a directory', args: ['-d', '/installed/site', 'pkg'] },
  { name: '-d DESTDIR on files', args: ['-d', '/installed', 'top.py', 'pkg/mod.py'] },
  { name: '-s STRIPDIR -p PREPENDDIR', args: ['-s', 'pkg', '-p', '/usr/lib', 'pkg'] },
  { full: true, name: '-p alone', args: ['-p', '/prefix', 'pkg'] },
  { full: true, name: '-s alone', args: ['-s', 'pkg/sub', 'pkg'] },
  { name: '-x REGEX', args: ['-x', 'test_|broken', '.'] },
  { full: true, name: '-x with a Python-only spelling', args: ['-x', '(?P<name>sub2)', '.'] },
  { name: '-i LIST', args: ['-i', 'list.txt'], setup: (t) => writeFileSync(join(t, 'list.txt'), 'top.py\n  pkg/sub  \nsame.py\n') },
  { name: '-i - (stdin) plus a path', args: ['-i', '-', 'same.py'], options: { input: 'top.py\npkg/sub/deep.py\n' } },
  { name: '-j 2', args: ['-j', '2', '.'], parallel: true },
  { full: true, name: '-j 0', args: ['-j', '0', '-q', '.'], parallel: true },
  { name: '-o 1', args: ['-o', '1', '.'] },
  { name: '-o 0 -o 1 -o 2', args: ['-o', '0', '-o', '1', '-o', '2', 'top.py', 'same.py'] },
  { full: true, name: '-o 2 -o 1 -o 2 (sorted, deduplicated)', args: ['-o', '2', '-o', '1', '-o', '2', 'pkg'] },
  { name: '-o 3 (compile() rejects it)', args: ['-o', '3', 'same.py'] },
  { name: '--hardlink-dupes', args: ['-o', '0', '-o', '1', '-o', '2', '--hardlink-dupes', '.'] },
  { name: '-e DIR with symlinks in and out', args: ['-e', '.', '.'], setup: withSymlinks },
  { full: true, name: 'symlinks without -e', args: ['.'], setup: withSymlinks },
  { name: '--invalidation-mode checked-hash', args: ['--invalidation-mode', 'checked-hash', '.'] },
  { name: '--invalidation-mode unchecked-hash', args: ['--invalidation-mode', 'unchecked-hash', 'pkg'] },
  { full: true, name: '--invalidation-mode timestamp', args: ['--invalidation-mode', 'timestamp', 'pkg'] },
  { name: 'SOURCE_DATE_EPOCH makes checked-hash the default', args: ['pkg'], options: { env: { SOURCE_DATE_EPOCH: '1' } } },
  // (without the wait for a started file's pycs, the second spelling usually, not always, races the first's write and compiles again)
  { name: 'one file under several spellings among others (files start together): compiled once, as compileall', args: ['same.py', './same.py', 'top.py', './top.py', 'pkg/../top.py', 'pkg/mod.py', 'pkg/../pkg/mod.py', 'pkg', 'pkg/mod.py'] },
  { name: 'single files, a non-Python file, a bad file', args: ['top.py', 'notes.txt', 'broken_syntax.py', "it's.py", 'ünï.py'] },
  { name: 'up-to-date pycs are skipped', args: ['.'], seed: ['-q', '.'] },
  { name: '-f recompiles up-to-date pycs', args: ['-f', '.'], seed: ['-q', '.'] },
  { full: true, name: 'up-to-date -b pycs are skipped', args: ['-b', 'pkg'], seed: ['-q', '-b', 'pkg'] },
  { name: 'up-to-date at every -o level are skipped', args: ['-o', '1', '-o', '2', 'pkg'], seed: ['-q', '-o', '1', '-o', '2', 'pkg'] },
  { full: true, name: 'a missing -o level is compiled', args: ['-o', '1', '-o', '2', 'pkg'], seed: ['-q', '-o', '1', 'pkg'] },
  { name: 'deeply nested sources: the compiler\'s RecursionError (not the JS stack\'s)', args: ['deep'], setup: deepSources },
  { name: 'deeply nested sources with -j 2', args: ['-j', '2', 'deep'], setup: deepSources, parallel: true },
  { name: '__pycache__ that is a file', args: ['pkg/sub'], setup: (t) => writeFileSync(join(t, 'pkg/sub/__pycache__'), ''), needsCodegen: true },
  { name: 'unwritable __pycache__ directories among many files in flight', args: ['many'], setup: unwritableAmongMany, needsCodegen: true },
  { name: 'unwritable __pycache__ directories among many files in flight, -j 2', args: ['-j', '2', 'many'], setup: unwritableAmongMany, parallel: true, needsCodegen: true },
  { name: 'a write that fails at the first of two levels: the second is never compiled (nor its warnings shown)', args: ['-o', '0', '-o', '1', 'many/ro1/warns.py', 'many/w1'], setup: unwritableAmongMany, needsCodegen: true },
  { name: 'a pyc path that is a directory', args: ['same.py'], setup: (t) => mkdirSync(join(t, '__pycache__/same.cpython-311.pyc'), { recursive: true }) },
  { full: true, name: 'a pyc path that is a symlink', args: ['same.py'], setup: (t) => (mkdirSync(join(t, '__pycache__')), symlinkSync('../top.py', join(t, '__pycache__/same.cpython-311.pyc'))) },
];

/** Both runs of a case, done once and shared by its tests. */
function runCase(c: Case): () => { twins: Twins; py: CliResult; ts: CliResult } {
  let memo: { twins: Twins; py: CliResult; ts: CliResult } | null = null;
  return () => {
    if (memo) return memo;
    const twins = makeTwins(c.setup, c.seed);
    const pyArgs = c.parallel ? c.args.filter((a, i) => a !== '-j' && c.args[i - 1] !== '-j') : c.args;
    memo = { twins, py: compileall(twins.py, pyArgs, c.options), ts: tspycCompile(twins.ts, c.args, c.options) };
    return memo;
  };
}

describe.skipIf(!READY)('tspyc compile = python3.11 -m compileall', () => {
  for (const c of CASES.filter((c) => fullCorpus() || !c.full)) {
    describe(c.name, () => {
      const run = runCase(c);
      it.skipIf(c.needsCodegen && !CODEGEN)('prints the same', () => {
        const { twins, py, ts } = run();
        expect(normalise(ts.stdout, twins)).toBe(normalise(c.parallel ? listingFirst(py.stdout) : py.stdout, twins));
        // Until codegen lands, a valid file fails with "not implemented" on stderr and nothing else.
        if (!CODEGEN) for (const line of ts.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/not implemented yet/);
      });
      it.skipIf(!CODEGEN)('exits the same, warns the same, writes pycs of the same names, headers and links, each holding what tspyc\'s compiler gives', () => {
        const { twins, py, ts } = run();
        // compile-time SyntaxWarnings, as the warnings module prints them
        const lines = (s: string) => (c.parallel ? normalise(s, twins).split(/(?<=\n)/).sort().join('') : normalise(s, twins));
        expect(lines(ts.stderr)).toBe(lines(py.stderr));
        expect(ts.status).toBe(py.status);
        const pyFiles = filesUnder(twins.py);
        const tsFiles = filesUnder(twins.ts);
        expect([...tsFiles.keys()]).toEqual([...pyFiles.keys()]);
        for (const [rel, facts] of pyFiles) {
          const mine = tsFiles.get(rel)!;
          expect(mine.nlink, `${rel} link count`).toBe(facts.nlink);
          if (!rel.endsWith('.pyc') || facts.bytes.equals(mine.bytes)) continue;
          expect(mine.bytes.subarray(0, 16).equals(facts.bytes.subarray(0, 16)), `${rel} header`).toBe(true);
          // the body: tspyc's compiler on the source, under the name and level CPython compiled it with
          const source = rel.includes('__pycache__/') ? sourceFromCache(rel) : rel.slice(0, -1);
          const level = Number(/\.opt-(\d)\.pyc$/.exec(rel)?.[1] ?? 0) as 0 | 1 | 2;
          const code = compileSource(readFileSync(join(twins.ts, source)), readPyc(facts.bytes).code.coFilename, { optimize: level });
          const body = writePyc({ target: targetForVersion('3.11')!, header: timestampHeader(0, 0), code }).subarray(16);
          expect(Buffer.from(body).equals(mine.bytes.subarray(16)), `${rel} body`).toBe(true);
        }
      });
      it.skipIf(!EXACT.exact)('writes pycs byte-identical to compileall\'s', () => {
        const { twins } = run();
        const pyFiles = filesUnder(twins.py);
        const tsFiles = filesUnder(twins.ts);
        for (const [rel, facts] of pyFiles) expect(tsFiles.get(rel)?.bytes.equals(facts.bytes), `${rel} differs`).toBe(true);
      });
    });
  }
});
