// Acceptance (issue 6, robustness), end to end through `tspyc run`:
// - 8 processes running (and, once it exists, compiling) the same tree at once, twice (cold caches,
//   then after edits), leave every .pyc valid — it parses, it is fresh, python3.11 imports it
//   without rewriting it — and no temp file; every process prints what python3.11 prints.
// - a corrupt or truncated cache is compiled again, rewritten, and the program runs correctly.
// - a read-only tree runs without writing anything and without an error (as root, the run drops
//   to uid 65534: root ignores permission bits).
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPyc, sourceFromCache, targetForVersion } from '@tspyc/bytecode';
import { validatePyc } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';
import { pyCompile } from '../loader/oracle-helpers.js';
import { treeStamps } from './tree-stamps.js';
import { BIN, BUILT, hasCommand, tspyc } from './run-cli.js';
import { CODEGEN, warnIfNoCodegen } from './codegen-ready.js';

const target = targetForVersion('3.11')!;
const WRITE = { PYTHONDONTWRITEBYTECODE: undefined, PYTHONPYCACHEPREFIX: undefined };
const PROCESSES = 8;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    chmodTree(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

warnIfNoCodegen('the robustness tests of tspyc run on stale caches (tests/cli/run-robustness.test.ts)');
const COMPILE = hasCommand('compile');

function chmodTree(dir: string, mode: number): void {
  try {
    chmodSync(dir, mode);
    for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) chmodTree(join(dir, e.name), mode);
  } catch {
    /* gone */
  }
}

/** A package of `n` modules importing one another, and a main.py printing a digest of them. */
function makeProject(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-robust-'));
  dirs.push(dir);
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', '__init__.py'), 'ROOT = "app"\n');
  for (let i = 0; i < n; i++) {
    const dep = i === 0 ? '' : `from .m${i - 1} import value as prev\n`;
    const body = i === 0 ? 'def value():\n    return 1\n' : `def value():\n    return prev() * 3 % 1000003 + ${i}\n`;
    writeFileSync(join(dir, 'app', `m${i}.py`), `${dep}${body}NAME = __name__\n`);
  }
  writeFileSync(join(dir, 'main.py'), `from app.m${n - 1} import value, NAME\nimport app\nprint(app.ROOT, NAME, value())\n`);
  return dir;
}

function pycsUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.pyc')).map((f) => join(dir, f)).sort();
}

function tempFilesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'));
}

/** Every cache parses and is fresh for its source. */
function expectValidCaches(dir: string): number {
  const pycs = pycsUnder(dir);
  for (const pyc of pycs) {
    const data = readFileSync(pyc);
    expect(() => readPyc(data), pyc).not.toThrow();
    const source = sourceFromCache(pyc);
    const st = statSync(source, { bigint: true });
    const verdict = validatePyc(data, { mtimeNs: st.mtimeNs, size: Number(st.size), bytes: () => readFileSync(source) }, target, { cacheMtimeNs: statSync(pyc, { bigint: true }).mtimeNs });
    expect(verdict, pyc).toMatchObject({ fresh: true });
  }
  return pycs.length;
}

function spawnTspyc(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.PYTHONDONTWRITEBYTECODE;
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(!BUILT || !oracle('3.11'))('tspyc run, robustness', () => {
  it.skipIf(!CODEGEN)(`${PROCESSES} processes running${COMPILE ? ' and compiling' : ''} one tree at once leave every pyc valid`, async () => {
    const dir = makeProject(40);
    const noCaches = mkdtempSync(join(tmpdir(), 'tspyc-robust-nocache-'));
    dirs.push(noCaches);
    for (const round of [1, 2]) {
      if (round === 2) {
        // Stale caches: change a third of the sources (same size and not), then race again.
        for (let i = 0; i < 40; i += 3) writeFileSync(join(dir, 'app', `m${i}.py`), readFileSync(join(dir, 'app', `m${i}.py`), 'utf8').replace(`+ ${i}\n`, `+ ${i + 1}\n`));
      }
      // From the sources alone: python3.11 would trust round 1's caches for the edits made in the
      // same second at the same size (the stale window tspyc closes, cpython #75953), so a prefix
      // with no caches in it keeps __pycache__ out of the reference.
      const want = runPython('3.11', ['-B', 'main.py'], { cwd: dir, env: { PYTHONPYCACHEPREFIX: noCaches } });
      const jobs = Array.from({ length: PROCESSES }, (_, i) =>
        COMPILE && i % 4 === 3 ? spawnTspyc(['compile', '-q', dir], dir) : spawnTspyc(['run', 'main.py'], dir),
      );
      const results = await Promise.all(jobs);
      results.forEach((r, i) => {
        expect(r.stderr, `process ${i}`).toBe(COMPILE && i % 4 === 3 ? '' : want.stderr);
        if (!(COMPILE && i % 4 === 3)) expect(r.stdout).toBe(want.stdout);
        expect(r.status).toBe(0);
      });
      expect(tempFilesUnder(dir)).toEqual([]);
      expect(expectValidCaches(dir)).toBe(COMPILE ? 42 : 41); // compile also caches main.py
      // CPython takes every one of them as it is.
      const before = treeStamps(dir);
      expect(runPython('3.11', ['main.py'], { cwd: dir, env: WRITE }).stdout).toBe(want.stdout);
      expect(treeStamps(dir)).toEqual(before);
    }
  }, 180_000);

  it.skipIf(!CODEGEN)('a corrupt or truncated cache is compiled again and the program runs', () => {
    const dir = makeProject(3);
    pyCompile(['__init__', 'm0', 'm1', 'm2'].map((m) => ({ source: join(dir, 'app', `${m}.py`) })));
    const want = runPython('3.11', ['-B', 'main.py'], { cwd: dir });
    const cache = (m: string) => join(dir, 'app', '__pycache__', `${m}.cpython-311.pyc`);
    truncateSync(cache('m0'), 20); // header intact, body cut
    const body = readFileSync(cache('m1'));
    body.fill(0xff, 16, 40); // header intact, body garbage
    writeFileSync(cache('m1'), body);
    writeFileSync(cache('m2'), Buffer.from([0xa7, 0x0d])); // shorter than a header
    const got = tspyc(['run', 'main.py'], undefined, { cwd: dir, env: WRITE });
    expect(got).toEqual({ status: 0, stdout: want.stdout, stderr: '' });
    expect(expectValidCaches(dir)).toBe(4);
  });

  const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  it('a read-only tree with fresh caches runs without writing', () => {
    const dir = makeProject(5);
    // The main program as a pyc too (the main script is never cached, so it would need compiling).
    pyCompile([
      { source: join(dir, 'main.py'), cfile: join(dir, 'main.pyc') },
      ...readdirSync(join(dir, 'app')).filter((f) => f.endsWith('.py')).map((f) => ({ source: join(dir, 'app', f) })),
    ]);
    const want = runPython('3.11', ['-B', 'main.pyc'], { cwd: dir });
    chmodTree(dir, 0o555);
    const before = treeStamps(dir);
    const got = tspyc(['run', 'main.pyc'], undefined, { cwd: dir, env: WRITE, ...asUnprivileged });
    expect(got).toEqual({ status: 0, stdout: want.stdout, stderr: '' });
    expect(treeStamps(dir)).toEqual(before);
  });

  it.skipIf(!CODEGEN)('a read-only tree with stale and missing caches runs, compiling in memory, writing nothing', () => {
    const dir = makeProject(5);
    pyCompile(['m0', 'm1'].map((m) => ({ source: join(dir, 'app', `${m}.py`) })));
    writeFileSync(join(dir, 'app', 'm0.py'), readFileSync(join(dir, 'app', 'm0.py'), 'utf8') + '# edited\n');
    const want = runPython('3.11', ['-B', 'main.py'], { cwd: dir });
    chmodTree(dir, 0o555);
    const before = treeStamps(dir);
    const got = tspyc(['run', 'main.py'], undefined, { cwd: dir, env: WRITE, ...asUnprivileged });
    expect(got).toEqual({ status: 0, stdout: want.stdout, stderr: '' });
    expect(treeStamps(dir)).toEqual(before);
  });
});
