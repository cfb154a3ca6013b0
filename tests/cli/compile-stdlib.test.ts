// `tspyc compile -q` against `python3.11 -m compileall -q` on the 3.11 stdlib (all of it in CI, on
// -j0; locally a sample plus the directories holding its deliberately invalid files): the same
// error reports, the same SyntaxWarnings, the same pyc names and headers, and (99.5% at least, the
// code generator's own bar) the same bytes. Sources tspyc's compiler does not handle yet (it says
// so: "tspyc cannot compile …", "… not supported yet") are counted and left out; they are the code
// generator's to finish, not the command's.
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSelection, fullCorpus, stdlibDir, stdlibFiles } from '../../tools/corpus.js';
import { oracle } from '../../tools/oracles.js';
import { CODEGEN, compileall, INVALID_HOMES, MTIME, tspycCompile } from './compile-twins.js';
import { BUILT } from './run-cli.js';

/** What tspyc's compiler says about what it cannot do yet. */
const LIMITATION = /tspyc cannot compile|not supported yet/;

/** compileall -q's report per file: "*** Error compiling 'f'..." and what follows, by file. */
function reports(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of stdout.split(/^(?=\*\*\* Error compiling )/m)) {
    const m = /^\*\*\* Error compiling (['"])(.*)\1\.\.\.\n/.exec(block);
    if (m) out.set(m[2]!, block);
  }
  return out;
}

function pycsIn(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, r)).isDirectory()) out.push(...pycsIn(dir, r));
    else if (name.endsWith('.pyc')) out.push(r);
  }
  return out.sort();
}

describe.skipIf(!BUILT || !oracle('3.11') || !CODEGEN)('tspyc compile on the 3.11 stdlib = python3.11 -m compileall', () => {
  it('reports, warnings, pyc names and headers', () => {
    const root = stdlibDir('3.11');
    const all = stdlibFiles('3.11');
    const files = fullCorpus() ? all : [...new Set([...corpusSelection(all, 40), ...all.filter((f) => INVALID_HOMES.some((h) => relative(root, f).startsWith(h + '/')))])];
    const base = mkdtempSync(join(tmpdir(), 'tspyc-compile-stdlib-'));
    for (const side of ['py', 'ts']) {
      for (const f of files) {
        const dest = join(base, side, relative(root, f));
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, readFileSync(f));
        utimesSync(dest, MTIME, MTIME);
      }
    }
    const jobs = fullCorpus() ? ['-j', '0'] : [];
    // compileall's reports do not depend on -j, but with -j0 its worker processes' buffered stdout
    // can interleave one report's lines with another's: the reference runs in one process.
    const py = compileall(join(base, 'py'), ['-q', '.']);
    const ts = tspycCompile(join(base, 'ts'), ['-q', ...jobs, '.']);

    // Sources the compiler cannot handle yet: an error report of its own, or a line on stderr.
    const pyReports = reports(py.stdout);
    const tsReports = reports(ts.stdout);
    const unsupported = new Set<string>();
    for (const [file, text] of tsReports) if (LIMITATION.test(text) && !pyReports.has(file)) unsupported.add(file);
    const stderrLines = ts.stderr.split(/(?<=\n)/);
    for (const line of stderrLines) {
      const m = /^tspyc: cannot compile (['"])(.*)\1: /.exec(line);
      if (m) {
        expect(line).toMatch(LIMITATION);
        unsupported.add(m[2]!);
      }
    }

    // Every report of compileall's, word for word (the future statement's errors included: their
    // line is read back from the source, as CPython reads it from the file).
    let same = 0;
    for (const [file, text] of pyReports) {
      const mine = tsReports.get(file);
      expect(mine, file).toBe(text);
      same++;
    }
    for (const file of tsReports.keys()) if (!pyReports.has(file)) expect(unsupported.has(file), `extra report for ${file}`).toBe(true);

    // The same SyntaxWarnings (-j0: in another order).
    const warnings = (s: string[]) => s.filter((l) => !l.startsWith('tspyc: ')).sort().join('');
    expect(warnings(stderrLines)).toBe(warnings(py.stderr.split(/(?<=\n)/)));

    // The same pycs, less the unsupported sources', with the same headers.
    const expected = pycsIn(join(base, 'py')).filter((p) => ![...unsupported].some((u) => p.startsWith(u.replace(/^\.\//, '').replace(/([^/]+)\.py$/, '__pycache__/$1.'))));
    const written = pycsIn(join(base, 'ts'));
    expect(written).toEqual(expected);
    let identical = 0;
    const differing: string[] = [];
    for (const p of written) {
      const mine = readFileSync(join(base, 'ts', p));
      const theirs = readFileSync(join(base, 'py', p));
      expect(mine.subarray(0, 16).equals(theirs.subarray(0, 16)), `${p} header`).toBe(true);
      if (mine.equals(theirs)) identical++;
      else differing.push(p);
    }
    // The code in them is the compiler's (its own byte-identity test holds it to a fresh py_compile;
    // compileall's single process may intern differently): the same bar here.
    expect(identical / written.length).toBeGreaterThanOrEqual(0.995);
    expect(ts.status).toBe(1);
    expect(py.status).toBe(1);
    console.log(
      `tspyc compile on ${files.length} stdlib files: ${written.length} pycs with CPython's names and headers, ${identical} byte-identical to compileall's` +
        `${differing.length ? ` (differing: ${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''})` : ''}; ${same} of ${pyReports.size} error reports identical` +
        `; ${unsupported.size} sources the compiler does not handle yet`,
    );
  }, 600_000);
});
