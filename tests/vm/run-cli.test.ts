// `tspyc run`: arguments, exit codes, and one-line errors for inputs it cannot run.
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from '../cli/run-cli.js';
import { CODEGEN } from '../cli/codegen-ready.js';

const py311 = oracle('3.11');
const py312 = oracle('3.12');

function compileWith(version: string, dir: string, name: string, source: string): string {
  const src = join(dir, `${name}.py`);
  writeFileSync(src, source);
  const pyc = join(dir, `${name}.${version}.pyc`);
  const r = runPython(version, ['-c', `import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)`, src, pyc]);
  if (r.status !== 0) throw new Error(r.stderr);
  rmSync(src);
  return pyc;
}

describe.skipIf(!BUILT || !py311)('tspyc run', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tspyc-run-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes arguments through sys.argv and exits with SystemExit codes', () => {
    const pyc = compileWith('3.11', dir, 'args', 'import sys\nprint(sys.argv[1:])\nsys.exit(len(sys.argv))\n');
    const r = tspyc(['run', pyc, 'a', '-x', '--flag']);
    const want = runPython('3.11', [pyc, 'a', '-x', '--flag']);
    expect(r).toEqual({ status: want.status, stdout: want.stdout, stderr: want.stderr });
    expect(r.status).toBe(4);
  });

  it('gives every word after -c CODE or -m MODULE to the program, options included, as python does', () => {
    writeFileSync(join(dir, 'argvmod.py'), 'import sys\nprint(sys.argv[1:])\n');
    const code = 'import sys; print(sys.argv)';
    const lines: string[][] = [
      ['-c', code, '-v', 'x'],
      ['-B', '-c', code, '-v', '--', '-x', '-m', 'y'],
      ['-m', 'argvmod', '-v', '--help', '-c', 'z'],
      ['-B', '-margvmod', '-O', '-B'],
      [`-c${code}`, '--stdlib', 'none'],
    ];
    for (const line of lines) {
      const r = tspyc(['run', ...line], undefined, { cwd: dir });
      const want = runPython('3.11', line, { cwd: dir });
      expect(want.status, want.stderr).toBe(0);
      expect(r, line.join(' ')).toEqual({ status: 0, stdout: want.stdout, stderr: '' });
    }
  });

  it('reads standard input through input() and sys.stdin as CPython does', () => {
    const src = 'import sys\nname = input("name? ")\nprint("hi", name)\nprint([l for l in sys.stdin])\ntry:\n    input()\nexcept EOFError as e:\n    print("EOF", e)\n';
    const pyc = compileWith('3.11', dir, 'stdin', src);
    const input = 'Ann\nline two\nlast';
    const r = tspyc(['run', pyc], input);
    const want = runPython('3.11', [pyc], { input });
    expect(r).toEqual({ status: want.status, stdout: want.stdout, stderr: want.stderr });
  });

  it('ends a program that exhausts the heap with a one-line MemoryError and exit code 1, not an abort', () => {
    // a small heap (NODE_OPTIONS reaches tspyc's own node process), so the test is quick
    const r = tspyc(['run', '-c', 'x = list(range(2**40))'], undefined, { env: { NODE_OPTIONS: '--max-old-space-size=200' } });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^MemoryError: tspyc's VM ran out of memory \(a heap of \d+ MB\)\n$/);
    expect(r.status).toBe(1);
  }, 60_000);

  it('reports a missing file in one line', () => {
    const r = tspyc(['run', join(dir, 'nope.pyc')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('No such file or directory');
  });

  it.skipIf(!CODEGEN)('runs a source file as python3.11 does (more in tests/cli/run-source.test.ts)', () => {
    writeFileSync(join(dir, 'src.py'), 'import sys\nprint(1, sys.argv[1:])\n');
    const r = tspyc(['run', join(dir, 'src.py'), 'x']);
    expect(r).toEqual({ status: 0, stdout: "1 ['x']\n", stderr: '' });
  });

  it('refuses a corrupt pyc in one line', () => {
    writeFileSync(join(dir, 'bad.pyc'), Buffer.from([1, 2, 3]));
    const r = tspyc(['run', join(dir, 'bad.pyc')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^tspyc: /);
  });

  it.skipIf(!py312)('refuses a pyc of another CPython version in one line', () => {
    const pyc = compileWith('3.12', dir, 'v312', 'print(1)\n');
    const r = tspyc(['run', pyc]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('3.12');
  });

  it('leaves no files behind in the pyc directory', () => {
    const before = readdirSync(dir).length;
    const pyc = compileWith('3.11', dir, 'quiet', 'x = 1\n');
    tspyc(['run', pyc]);
    expect(readdirSync(dir).length).toBe(before + 1);
  });
});
