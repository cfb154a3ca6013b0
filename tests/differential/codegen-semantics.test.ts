// Acceptance (issue 4, semantics): programs compiled by tspyc run under python3.11 exactly as
// python3.11 runs them from source. Each program of fixtures/vm/ (and fixtures/codegen/) is copied
// into a temporary directory, compiled by compileSource into a pyc beside it (co_filename = the
// copy, so tracebacks show the same source lines), and `python3.11 prog.pyc` must print the same
// stdout and stderr and exit with the same status as `python3.11 prog.py`.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';
import { oracle, oracleEnv } from '../../tools/oracles.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIRS = [join(ROOT, 'fixtures', 'vm'), join(ROOT, 'fixtures', 'codegen')];
const TARGET = targetForVersion('3.11')!;

interface Outcome {
  stdout: string;
  stderr: string;
  status: number | null;
}

function run(exe: string, file: string, cwd: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // compile-time warnings come only from the source run: silence them in both
    const child = spawn(exe, ['-W', 'ignore::SyntaxWarning', file], { cwd, env: oracleEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status });
    });
  });
}

const exe = oracle('3.11');
const programs: string[] = [];
for (const dir of DIRS) {
  try {
    for (const n of readdirSync(dir).sort()) if (n.endsWith('.py')) programs.push(join(dir, n));
  } catch {
    // a fixture directory that does not exist yet
  }
}
const work = mkdtempSync(join(tmpdir(), 'tspyc-codegen-sem-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!exe)('programs compiled by tspyc behave under python3.11 as their sources do', () => {
  it.each(programs.map((p) => [p.slice(ROOT.length + 1), p]))('%s', async (_name, path) => {
    const dir = mkdtempSync(join(work, 'p-'));
    const src = join(dir, 'prog.py');
    copyFileSync(path, src);
    const code = compileSource(readFileSync(src), src);
    const pyc = join(dir, 'prog.pyc');
    writeFileSync(pyc, writePyc({ target: TARGET, header: timestampHeader(0, 0), code }));
    const [fromSource, fromPyc] = await Promise.all([run(exe!, src, dir), run(exe!, pyc, dir)]);
    const norm = (o: Outcome) => ({ ...o, stderr: o.stderr.replaceAll(pyc, src) });
    expect(norm(fromPyc)).toEqual(norm(fromSource));
  }, 120_000);
});
