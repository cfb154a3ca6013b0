// Every program in fixtures/vm/ runs under python3.11 (from a pyc CPython wrote) and under
// `tspyc run` (the same pyc; the built CLI, which runs the VM in a worker thread with a stack deep
// enough for Python's recursion limit): stdout, stderr and the exit code must be identical.
//
// The sources are compiled in one CPython process (tools/oracle/compile_files.py) from a copy in a
// temporary directory, and the copy is deleted before either side runs, so neither CPython nor
// tspyc can show source lines in tracebacks: the comparison covers the traceback's frames and
// exception lines, not the source-line rendering (which tspyc does not do yet).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracle, oracleEnv, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from '../cli/run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'vm');
const COMPILE = join(ROOT, 'tools', 'oracle', 'compile_files.py');
const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.py')).sort();

interface Outcome {
  stdout: string;
  stderr: string;
  status: number | null;
}

const python = oracle('3.11');

describe.skipIf(!python || !BUILT)('fixtures/vm: tspyc run == python3.11 (from the same pyc)', () => {
  let dir = '';
  const pycs = new Map<string, string>();
  const expected = new Map<string, Outcome>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tspyc-vm-'));
    const src = join(dir, 'src');
    const out = join(dir, 'pyc');
    mkdirSync(src);
    for (const n of names) copyFileSync(join(FIXTURES, n), join(src, n));
    const list = names.map((n) => join(src, n)).join('\n') + '\n';
    const lines = execFileSync(python!, ['-W', 'ignore', COMPILE, src, out], { input: list, env: oracleEnv(), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    for (const line of lines.split('\n').filter(Boolean)) {
      const rec = JSON.parse(line) as { src: string; pyc?: string; error?: string };
      if (rec.error) throw new Error(`python3.11 could not compile ${rec.src}: ${rec.error}`);
      pycs.set(rec.src.slice(src.length + 1), rec.pyc!);
    }
    rmSync(src, { recursive: true });
    for (const n of names) {
      const r = runPython('3.11', [pycs.get(n)!], { cwd: dir, timeoutMs: 60_000 });
      expected.set(n, r);
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    it(name, () => {
      const got = tspyc(['run', pycs.get(name)!]);
      const want = expected.get(name)!;
      expect({ stdout: got.stdout, stderr: got.stderr, status: got.status }).toEqual({
        stdout: want.stdout,
        stderr: want.stderr,
        status: want.status,
      });
    });
  }
});
