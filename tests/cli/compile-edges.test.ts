// `tspyc compile` where it deliberately differs from `python3.11 -m compileall` (a missing path is
// an error; hash-based and other-mode pycs are judged properly), and its usage errors: one line,
// a non-zero exit, nothing written.
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { oracle } from '../../tools/oracles.js';
import { CODEGEN, codegenExactness, compileall, filesUnder, makeTwins, MTIME, pycsUnder, tspycCompile, type RunOptions, type Twins } from './compile-twins.js';
import { BUILT } from './run-cli.js';

const READY = BUILT && oracle('3.11') !== null;
const EXACT = READY ? codegenExactness() : { exact: false, report: '' };

describe.skipIf(!READY)('tspyc compile where it deliberately differs from compileall', () => {
  it('a missing path: the same lines, then one line on stderr and exit 1 (compileall exits 0)', () => {
    const twins = makeTwins();
    const py = compileall(twins.py, ['nope', 'same.py']);
    const ts = tspycCompile(twins.ts, ['-q', 'nope']);
    expect(py.stdout.startsWith("Listing 'nope'...\nCan't list 'nope'\n")).toBe(true);
    expect(py.status).toBe(0);
    expect(ts.stdout).toBe("Can't list 'nope'\n");
    expect(ts.stderr).toBe("tspyc: can't list 'nope': No such file or directory\n");
    expect(ts.status).toBe(1);
  });

  it('hash-based pycs that match their source are skipped (compileall recompiles them: cpython #121577)', () => {
    for (const mode of ['checked-hash', 'unchecked-hash']) {
      const twins = makeTwins(undefined, ['-q', '--invalidation-mode', mode, '.']);
      const py = compileall(twins.py, ['--invalidation-mode', mode, '.']);
      const ts = tspycCompile(twins.ts, ['--invalidation-mode', mode, '.']);
      // compileall's lines, minus "Compiling" for each source whose pyc is already there
      const hasPyc = (src: string) => existsSync(join(twins.py, src.replace(/([^/]+)\.py$/, '__pycache__/$1.cpython-311.pyc')));
      const expected = py.stdout
        .split(/(?<=\n)/)
        .filter((l) => {
          const m = /^Compiling (['"])(.*)\1\.\.\.\n$/.exec(l);
          return !(m && hasPyc(m[2]!));
        })
        .join('');
      expect(py.stdout).toMatch(/Compiling '\.\/same\.py'/); // compileall did recompile
      expect(ts.stdout).toBe(expected);
      expect(ts.stdout).not.toMatch(/Compiling '\.\/same\.py'/);
    }
  });

  it('a pyc in another invalidation mode than asked for is rewritten (compileall keeps it: cpython #117204)', () => {
    const cases: [string[], RunOptions][] = [
      [['--invalidation-mode', 'checked-hash'], {}],
      [['--invalidation-mode', 'unchecked-hash'], {}],
      [[], { env: { SOURCE_DATE_EPOCH: '1' } }],
    ];
    for (const [flags, options] of cases) {
      const twins = makeTwins(undefined, ['-q', 'pkg']); // timestamp pycs
      const skipped = compileall(twins.py, [...flags, 'pkg'], options);
      expect(skipped.stdout).not.toMatch(/Compiling 'pkg\/mod\.py'/); // compileall kept the timestamp pyc
      const forced = compileall(twins.py, ['-f', ...flags, 'pkg'], options);
      const ts = tspycCompile(twins.ts, [...flags, 'pkg'], options);
      expect(ts.stdout).toBe(forced.stdout);
      if (CODEGEN) {
        // the header now says the requested mode (and the hash), as compileall -f writes it
        const pyc = 'pkg/__pycache__/mod.cpython-311.pyc';
        const mine = filesUnder(twins.ts).get(pyc)!.bytes;
        const theirs = filesUnder(twins.py).get(pyc)!.bytes;
        expect(mine.subarray(0, 16)).toEqual(theirs.subarray(0, 16));
        if (EXACT.exact) expect(mine).toEqual(theirs);
      }
    }
  });

  it('a timestamp pyc whose size is not the source\'s is recompiled (compileall compares the mtime only)', () => {
    const twins = makeTwins();
    for (const dir of [twins.py, twins.ts]) {
      compileall(dir, ['-q', '.']);
      writeFileSync(join(dir, 'same.py'), '# longer now\n' + 'x = 1\n');
      utimesSync(join(dir, 'same.py'), MTIME, MTIME);
    }
    const py = compileall(twins.py, ['.']);
    const ts = tspycCompile(twins.ts, ['.']);
    expect(py.stdout).not.toMatch(/Compiling '\.\/same\.py'/);
    expect(ts.stdout).toMatch(/Compiling '\.\/same\.py'/);
  });

  it('PYTHONDONTWRITEBYTECODE does not stop an explicit compile', () => {
    if (!CODEGEN) return; // nothing is written before codegen
    const twins = makeTwins();
    const ts = tspycCompile(twins.ts, ['-q', 'same.py'], { env: { PYTHONDONTWRITEBYTECODE: '1' } });
    expect(ts.status).toBe(0);
    expect(pycsUnder(twins.ts)).toEqual(['__pycache__/same.cpython-311.pyc']);
  });
});

describe.skipIf(!READY)('tspyc compile: bad flags are one line and a non-zero exit, as compileall\'s usage errors', () => {
  const usage: [string, string[]][] = [
    ['an unknown flag', ['-z', '.']],
    ['-r without a number', ['-r', 'x', '.']],
    ['-j without a number', ['-j', 'many', '.']],
    ['-o without a number', ['-o', 'high', '.']],
    ['an unknown --invalidation-mode', ['--invalidation-mode', 'never', '.']],
    ['-d with -s', ['-d', '/x', '-s', 'pkg', '.']],
    ['-d with -p', ['-d', '/x', '-p', '/y', '.']],
    ['--hardlink-dupes with one level', ['--hardlink-dupes', '.']],
    ['--hardlink-dupes with one level given twice', ['-o', '1', '-o', '1', '--hardlink-dupes', '.']],
  ];
  let twins: Twins;
  beforeAll(() => {
    twins = makeTwins();
  });
  for (const [name, args] of usage) {
    it(name, () => {
      const py = compileall(twins.py, args);
      const ts = tspycCompile(twins.ts, args);
      expect(py.status).not.toBe(0);
      expect(ts.status).toBe(2);
      expect(ts.stdout).toBe('');
      expect(ts.stderr.trim().split('\n')).toHaveLength(1);
      expect(ts.stderr).not.toMatch(/\n\s+at /);
      expect(pycsUnder(twins.ts)).toEqual([]);
    });
  }

  it('-j -1: compileall dies with a traceback; tspyc says why in one line', () => {
    const ts = tspycCompile(twins.ts, ['-j', '-1', '.']);
    expect(ts.status).toBe(2);
    expect(ts.stderr).toBe('tspyc: -j: workers must be greater or equal to 0\n');
  });

  it('no path at all (compileall would compile sys.path)', () => {
    const ts = tspycCompile(twins.ts, []);
    expect(ts.status).toBe(2);
    expect(ts.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unreadable -i list: the same line and exit 1', () => {
    const py = compileall(twins.py, ['-i', 'no-such-list']);
    const ts = tspycCompile(twins.ts, ['-i', 'no-such-list']);
    expect(ts.stdout).toBe(py.stdout);
    expect(ts.status).toBe(py.status);
  });
});
