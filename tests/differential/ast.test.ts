// Acceptance (issue 3, ast): our parser + ast.dump give exactly what python3.11's ast module gives
// — the `python -m ast -a` text (compared by digest) for every file CPython parses, the same
// exception type, message, line and offsets for every file it rejects — over the stdlib (a sample in
// `npm test`, all 1,790 files in CI), and `tspyc ast` prints what `python3.11 -m ast` prints.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dump, parse, PySyntaxError } from '@tspyc/compiler';
import { astOracle, type AstOracleRecord } from '../../tools/ast-corpus.js';
import { corpusSelection, stdlibFiles } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { tspyc } from '../cli/run-cli.js';

function ours(path: string): Omit<AstOracleRecord, 'path'> {
  try {
    const tree = parse(readFileSync(path), { filename: path, typeComments: true });
    const text = dump(tree, { includeAttributes: true, indent: 3 }) + '\n';
    return { sha256: createHash('sha256').update(text).digest('hex') };
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return { error: [e.type, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset] };
  }
}

describe.skipIf(!oracle('3.11'))('ast parity with python3.11', () => {
  it('stdlib: python -m ast -a', () => {
    const files = corpusSelection(stdlibFiles('3.11'), 150);
    const records = astOracle(files);
    expect(records.length).toBe(files.length);
    let same = 0;
    let rejected = 0;
    const diffs: string[] = [];
    for (const r of records) {
      const mine = ours(r.path);
      const ok = r.error ? JSON.stringify(mine.error) === JSON.stringify(r.error) : mine.sha256 === r.sha256;
      if (ok) {
        same++;
        if (r.error) rejected++;
      } else diffs.push(`${r.path}: ${JSON.stringify(mine.error ?? 'dump differs')} vs ${JSON.stringify(r.error ?? 'a tree')}`);
    }
    console.log(`ast parity: ${same}/${files.length} files identical (${rejected} of them rejected with the same error)`);
    expect(diffs).toEqual([]);
  }, 900_000);

  it('tspyc ast prints what python3.11 -m ast prints, flags included', () => {
    const files = stdlibFiles('3.11');
    const picks = [files.find((f) => f.endsWith('/string.py'))!, files.find((f) => f.endsWith('/test/test_patma.py'))!];
    for (const file of picks) {
      for (const flags of [[], ['-a'], ['-i', '0'], ['--no-type-comments', '-a', '-i', '1']]) {
        const expected = runPython('3.11', ['-m', 'ast', ...flags, file]);
        const got = tspyc(['ast', ...flags, file]);
        expect(got.stdout, `${flags.join(' ')} ${file}`).toBe(expected.stdout);
        expect(got.status).toBe(0);
      }
    }
    const expr = tspyc(['ast', '-m', 'eval', '-a', '-'], 'x[1:2, ...] if y else f(*a, **k)\n');
    expect(expr.stdout).toBe(runPython('3.11', ['-m', 'ast', '-m', 'eval', '-a', '-'], { input: 'x[1:2, ...] if y else f(*a, **k)\n' }).stdout);
  }, 120_000);

  it('the other modes: single, eval, func_type', () => {
    const cases: [string, string][] = [
      ['single', 'def f():\n    pass\n'],
      ['single', 'x = 1; y = 2\n'],
      ['single', 'if x:\n    y\nelse:\n    z\n'],
      ['single', 'class C:\n    def m(self):\n        return 1\n'],
      ['single', '\n'],
      ['eval', 'lambda x, *y, z=1, **k: (x, y)[z]\n'],
      ['eval', '\n\n  a if b else c\n\n'],
      ['func_type', '(int, *str, **bytes) -> List[int]\n'],
      ['func_type', '() -> None'],
    ];
    for (const [mode, src] of cases) {
      const expected = runPython('3.11', ['-m', 'ast', '-a', '-m', mode, '-'], { input: src });
      const got = tspyc(['ast', '-a', '-m', mode, '-'], src);
      expect(got.stdout + got.stderr.split('\n').at(-2), `${mode}: ${JSON.stringify(src)}`).toBe(expected.stdout + expected.stderr.split('\n').at(-2));
      expect(got.status).toBe(expected.status);
    }
  }, 120_000);

  it('tspyc ast reports a syntax error as CPython ends its traceback, exit 1', () => {
    const src = 'def f(:\n    pass\n';
    const expected = runPython('3.11', ['-m', 'ast', '-'], { input: src });
    const got = tspyc(['ast', '-'], src);
    expect(got.status).toBe(1);
    expect(expected.status).toBe(1);
    expect(expected.stderr.endsWith(got.stderr)).toBe(true);
    expect(got.stderr).toContain('SyntaxError: invalid syntax');
  });
});
