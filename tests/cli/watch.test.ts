// `tspyc watch`: the first pass compiles what is not fresh in the requested mode (checked-hash by
// default) and skips the rest; then each save is compiled (in place, temp-then-rename, a burst of
// writes, delete-and-recreate, a new file), the caches of a deleted source are removed, a syntax
// error is one line and watching goes on, Ctrl-C exits 0. A reader polling a cache during a
// burst of saves never sees a torn file, and python3.11 imports what watch wrote without
// rewriting it and runs the last edit.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFromSource, readPyc, targetForVersion } from '@tspyc/bytecode';
import { validatePyc } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';
import { pyCompile } from '../loader/oracle-helpers.js';
import { treeStamps } from './tree-stamps.js';
import { BUILT, tspyc } from './run-cli.js';
import { CODEGEN, warnIfNoCodegen } from './codegen-ready.js';
import { WatchProcess } from './watch-process.js';

const target = targetForVersion('3.11')!;
const dirs: string[] = [];
const watchers: WatchProcess[] = [];
afterAll(() => {
  for (const w of watchers) w.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

warnIfNoCodegen('compiling saved sources in tspyc watch (tests/cli/watch.test.ts)');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-watch-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function start(args: string[]): WatchProcess {
  const w = new WatchProcess(args);
  watchers.push(w);
  return w;
}

const cacheOf = (source: string, optimization: '' | 1 | 2 = '') => cacheFromSource(source, { target, optimization });

/** The cache's kind when it is a valid pyc fresh for the source now, else a reason. */
function cacheState(source: string, optimization: '' | 1 | 2 = ''): string {
  const cache = cacheOf(source, optimization);
  if (!existsSync(cache)) return 'missing';
  const data = readFileSync(cache);
  readPyc(data);
  const st = statSync(source, { bigint: true });
  const v = validatePyc(data, { mtimeNs: st.mtimeNs, size: Number(st.size), bytes: () => readFileSync(source) }, target, { checkHashBasedPycs: 'always' });
  return v.fresh ? v.kind : `stale (${v.reason})`;
}

describe.skipIf(!BUILT || !oracle('3.11'))('tspyc watch', () => {
  it('skips fresh checked-hash caches, reports a syntax error in one line, removes the caches of a deleted source, exits 0 on Ctrl-C', async () => {
    const dir = tree({ 'pkg/__init__.py': '', 'pkg/a.py': 'A = 1\n', 'pkg/gone.py': 'G = 1\n', 'pkg/bad.py': 'x = (\n', 'notes.txt': 'not python\n' });
    pyCompile(['pkg/__init__.py', 'pkg/a.py', 'pkg/gone.py'].map((f) => ({ source: join(dir, f), mode: 'checked-hash' as const })));
    const before = treeStamps(dir);
    const w = start([dir]);
    const error = await w.waitFor(/^error /, 20_000, 0);
    expect(error.text).toBe(`error ${join(dir, 'pkg/bad.py')}, line 1: SyntaxError: '(' was never closed`);
    const ready = await w.waitFor(/^watching /, 20_000, 0);
    expect(ready.text).toMatch(/^watching 4 sources in .* \(0 compiled, 3 up to date, 1 failed\); Ctrl-C to stop$/);
    expect(treeStamps(dir)).toEqual(before);

    writeFileSync(join(dir, 'pkg/bad.py'), 'x = [\n');
    expect((await w.waitFor(/^error /)).text).toBe(`error ${join(dir, 'pkg/bad.py')}, line 1: SyntaxError: '[' was never closed`);
    writeFileSync(join(dir, 'pkg/other.py'), 'def f(:\n');
    expect((await w.waitFor(/^error /)).text).toBe(`error ${join(dir, 'pkg/other.py')}, line 1: SyntaxError: invalid syntax`);

    const gone = cacheOf(join(dir, 'pkg/gone.py'));
    expect(existsSync(gone)).toBe(true);
    unlinkSync(join(dir, 'pkg/gone.py'));
    expect((await w.waitFor(/^removed /)).text).toBe(`removed ${gone}`);
    expect(existsSync(gone)).toBe(false);
    await new Promise((r) => setTimeout(r, 150)); // past the second look after each compile
    const reported = (name: string) => w.lines.filter((l) => l.text.startsWith(`error ${join(dir, name)},`)).length;
    expect([reported('pkg/bad.py'), reported('pkg/other.py')]).toEqual([2, 1]); // once per save, whatever events come
    expect(await w.stop()).toBe(0);
    expect(w.stderr).toBe('');
    expect(w.lines.every((l) => l.text.length > 0 && !l.text.includes('\n'))).toBe(true);
  }, 60_000);

  it('-x REGEX: matching sources are neither compiled nor reported', async () => {
    const dir = tree({ 'bad.py': 'x = (\n', 'skip_bad.py': 'y = (\n', 'vendor/bad.py': 'z = (\n' });
    const w = start(['-x', '(^|/)(skip_|vendor/)', dir]);
    const ready = await w.waitFor(/^watching /, 20_000, 0);
    expect(ready.text).toMatch(/^watching 1 sources .*\(0 compiled, 0 up to date, 1 failed\)/);
    writeFileSync(join(dir, 'skip_bad.py'), 'y = [\n');
    writeFileSync(join(dir, 'bad.py'), 'x = [\n');
    await w.waitFor(/^error .*bad\.py, line 1: SyntaxError: '\[' was never closed$/);
    expect(await w.stop()).toBe(0);
    expect(w.lines.filter((l) => l.text.includes('skip_') || l.text.includes('vendor'))).toEqual([]);
  }, 60_000);

  it('a path that does not exist: one line, exit 1; a bad flag: exit 2', () => {
    const r = tspyc(['watch', join(tmpdir(), 'no-such-dir-for-tspyc')]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(tspyc(['watch', '--invalidation-mode', 'sometimes', tmpdir()]).status).toBe(2);
    expect(tspyc(['watch', '-o', '3', tmpdir()]).status).toBe(2);
  });

  describe.skipIf(!CODEGEN)('with code generation', () => {
    it('compiles every save pattern; caches are checked-hash, never torn, and python3.11 takes them as they are', async () => {
      const dir = tree({ 'app/__init__.py': '', 'app/m.py': 'V = 0\n', 'main.py': 'from app import m\nprint(m.V)\n' });
      const m = join(dir, 'app/m.py');
      const w = start([dir]);
      await w.waitFor(/^watching 3 sources .*\(3 compiled, 0 up to date, 0 failed\)/, 30_000, 0);
      expect(cacheState(m)).toBe('checked-hash');

      // A reader polling the cache during all the saves below: every read is a whole pyc.
      let reads = 0;
      let torn = 0;
      const poll = setInterval(() => {
        try {
          readPyc(readFileSync(cacheOf(m)));
          reads++;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') torn++;
        }
      }, 1);

      const saved = async (text: string, save: () => void) => {
        const from = w.lines.length;
        save();
        await w.waitFor(new RegExp(`^compiled ${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `), 20_000, from);
        // a burst may compile more than once: wait until the cache matches the last write
        for (let i = 0; i < 200 && cacheState(m) !== 'checked-hash'; i++) await new Promise((r) => setTimeout(r, 10));
        expect(cacheState(m), text).toBe('checked-hash');
        expect(runPython('3.11', ['-B', '-c', 'import sys; sys.path.insert(0, sys.argv[1]); from app import m; print(m.V)', dir]).stdout).toBe(text.slice(4));
      };
      await saved('V = 1\n', () => writeFileSync(m, 'V = 1\n')); // in place
      await saved('V = 2\n', () => {
        writeFileSync(`${m}.tmp~`, 'V = 2\n'); // temp then rename
        renameSync(`${m}.tmp~`, m);
      });
      await saved('V = 13\n', () => {
        for (let i = 3; i <= 13; i++) writeFileSync(m, `V = ${i}\n`); // a burst
      });
      await saved('V = 14\n', () => {
        unlinkSync(m); // delete and recreate
        writeFileSync(m, 'V = 14\n');
      });
      clearInterval(poll);
      expect(torn).toBe(0);
      expect(reads).toBeGreaterThan(0);

      const added = join(dir, 'app/new.py');
      writeFileSync(added, 'N = 1\n');
      await w.waitFor(/^compiled .*new\.py /);
      expect(cacheState(added)).toBe('checked-hash');
      expect(await w.stop()).toBe(0);

      // CPython imports everything watch wrote without rewriting any of it.
      const before = treeStamps(dir);
      const r = runPython('3.11', ['main.py'], { cwd: dir, env: { PYTHONDONTWRITEBYTECODE: undefined } });
      expect(r).toMatchObject({ status: 0, stdout: '14\n' });
      expect(treeStamps(dir)).toEqual(before);

      // A second watch finds everything fresh and rewrites nothing.
      const again = start([dir]);
      await again.waitFor(/^watching 4 sources .*\(0 compiled, 4 up to date, 0 failed\)/, 30_000, 0);
      expect(await again.stop()).toBe(0);
      expect(treeStamps(dir)).toEqual(before);
    }, 120_000);

    it('--invalidation-mode timestamp, -o levels and -q: the caches CPython would write, no line per compile', async () => {
      const dir = tree({ 'a.py': 'assert True\n"""doc"""\nX = 1\n' });
      const a = join(dir, 'a.py');
      pyCompile([{ source: a, mode: 'checked-hash' }]);
      const w = start(['-q', '--invalidation-mode', 'timestamp', '-o', '0', '-o', '2', dir]);
      // the checked-hash cache is in the wrong mode: compiled again (-q: no line for it)
      await w.waitFor(/^watching 1 sources .*\(1 compiled, 0 up to date, 0 failed\)/, 30_000, 0);
      expect(await w.stop()).toBe(0);
      expect(w.lines.map((l) => l.text.split(' ')[0])).toEqual(['watching']);
      expect(cacheState(a)).toBe('timestamp');
      expect(cacheState(a, 2)).toBe('timestamp');
      const before = treeStamps(dir);
      const r = runPython('3.11', ['-OO', '-c', 'import sys; sys.path.insert(0, sys.argv[1]); import a; print(a.X, a.__doc__)', dir], { env: { PYTHONDONTWRITEBYTECODE: undefined } });
      expect(r.stdout).toBe('1 None\n');
      expect(treeStamps(dir)).toEqual(before);
    }, 60_000);
  });
});
