// Acceptance (issue 6, interop): python3.11 imports a package whose caches tspyc wrote — timestamp
// pycs written by `tspyc run`'s imports, checked-hash pycs written by `tspyc watch` (and both
// modes by `tspyc compile` once it exists) — loading every module from its pyc (`python -v` says
// "code object from") and rewriting none of them (bytes, inode and mtime unchanged). The pycs
// tspyc run and tspyc watch write are also the very bytes python3.11's py_compile writes.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, hasCommand, tspyc } from './run-cli.js';
import { CODEGEN, warnIfNoCodegen } from './codegen-ready.js';
import { treeStamps } from './tree-stamps.js';
import { WatchProcess } from './watch-process.js';
import { pyCompile, type InvalidationModeName } from '../loader/oracle-helpers.js';

const PROJECT = join(import.meta.dirname, '..', '..', 'fixtures', 'run', 'project');
const WRITE = { PYTHONDONTWRITEBYTECODE: undefined, PYTHONPYCACHEPREFIX: undefined };
const MODULES = ['os_free_helper', 'pkg', 'pkg.util', 'pkg.sub', 'pkg.sub.deep'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

warnIfNoCodegen('CPython importing tspyc-written caches (tests/cli/cpython-takes-tspyc-caches.test.ts)');

function copy(): string {
  const parent = mkdtempSync(join(tmpdir(), 'tspyc-interop-'));
  dirs.push(parent);
  const dir = join(parent, 'project'); // main.py prints whether sys.path[0] ends with 'project'
  cpSync(PROJECT, dir, { recursive: true });
  return dir;
}

/** python3.11 runs main.py with writing allowed: its output, and the modules it loaded from a pyc. */
function cpythonRuns(dir: string): { stdout: string; fromCache: string[] } {
  const r = runPython('3.11', ['-v', 'main.py', 'x'], { cwd: dir, env: WRITE });
  expect(r.status, r.stderr.slice(-2000)).toBe(0);
  const fromCache = [...r.stderr.matchAll(/^# code object from '?(.*?\.pyc)'?$/gm)].map((m) => m[1]!).filter((p) => p.startsWith(dir));
  return { stdout: r.stdout, fromCache };
}

/**
 * The pycs under `dir` that are not byte-identical to what `python3.11 -m py_compile` writes for
 * their source in `mode` (same source, same mtime, so the same header); with their count.
 */
function notAsCPythonWrites(dir: string, mode: InvalidationModeName): { compared: number; differing: string[] } {
  const pycs = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.cpython-311.pyc')).sort();
  const refDir = mkdtempSync(join(tmpdir(), 'tspyc-interop-ref-'));
  dirs.push(refDir);
  const jobs = pycs.map((rel, i) => ({ rel, source: join(dir, rel.replace(/__pycache__\/([^/]+)\.cpython-311\.pyc$/, '$1.py')), cfile: join(refDir, `${i}.pyc`), mode }));
  pyCompile(jobs.map(({ source, cfile, mode }) => ({ source, cfile, mode })));
  const differing = jobs.filter((j) => Buffer.compare(readFileSync(join(dir, j.rel)), readFileSync(j.cfile)) !== 0).map((j) => j.rel);
  return { compared: jobs.length, differing };
}

describe.skipIf(!BUILT || !oracle('3.11') || !CODEGEN)('python3.11 takes the caches tspyc writes', () => {
  const expected = () => runPython('3.11', ['-B', 'main.py', 'x'], { cwd: PROJECT }).stdout;

  it('timestamp pycs written by tspyc run', () => {
    const dir = copy();
    expect(tspyc(['run', 'main.py', 'x'], undefined, { cwd: dir, env: WRITE }).stdout).toBe(expected());
    const before = treeStamps(dir);
    expect(Object.keys(before).filter((f) => f.endsWith('.pyc'))).toHaveLength(MODULES.length);
    expect(notAsCPythonWrites(dir, 'timestamp')).toEqual({ compared: MODULES.length, differing: [] });
    const got = cpythonRuns(dir);
    expect(got.stdout).toBe(expected());
    expect(got.fromCache).toHaveLength(MODULES.length);
    expect(treeStamps(dir)).toEqual(before);
  });

  it('checked-hash pycs written by tspyc watch', async () => {
    const dir = copy();
    const w = new WatchProcess([dir]);
    await w.waitFor(/^watching /, 30_000, 0);
    expect(await w.stop()).toBe(0);
    const before = treeStamps(dir);
    const written = notAsCPythonWrites(dir, 'checked-hash');
    expect(written.differing).toEqual([]);
    const sources = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.py'));
    expect(written.compared).toBe(sources.length); // every source, main.py's too
    const got = cpythonRuns(dir);
    expect(got.stdout).toBe(expected());
    expect(got.fromCache).toHaveLength(MODULES.length); // main.py's cache is never read: it is the script
    expect(treeStamps(dir)).toEqual(before);
  }, 60_000);

  it.skipIf(!hasCommand('compile'))('timestamp and checked-hash pycs written by tspyc compile', () => {
    for (const mode of ['timestamp', 'checked-hash']) {
      const dir = copy();
      expect(tspyc(['compile', '-q', '--invalidation-mode', mode, dir]).status).toBe(0);
      const before = treeStamps(dir);
      const got = cpythonRuns(dir);
      expect(got.stdout).toBe(expected());
      expect(got.fromCache, mode).toHaveLength(MODULES.length);
      expect(treeStamps(dir)).toEqual(before);
    }
  });
});
