// `tspyc run FILE.py | -c CODE | -m MODULE` beside `python3.11` on the same files: stdout, stderr
// and exit code equal (sys.argv, sys.path[0], __name__, __file__, packages, relative imports,
// tracebacks, SyntaxErrors of the main file and of an imported one, runpy's messages, compile-time
// warnings), and the same cache files left behind (the main script is never cached; -B,
// PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX honoured). What needs no code generation runs on
// caches py_compile wrote; the rest runs as soon as compileSource works.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { fullCorpus } from '../../tools/corpus.js';
import { pyCompile } from '../loader/oracle-helpers.js';
import { BUILT, tspyc, type CliResult } from './run-cli.js';
import { CODEGEN, warnIfNoCodegen } from './codegen-ready.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'run');
const WARNINGS = join(FIXTURES, 'warnings');
const WRITE = { PYTHONDONTWRITEBYTECODE: undefined, PYTHONPYCACHEPREFIX: undefined };

warnIfNoCodegen('tspyc run of .py files and -c (tests/cli/run-source.test.ts)');

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** runpy and the interpreter name the program in their one-line errors: python's path, `tspyc` for us. */
const asTspyc = (r: CliResult): CliResult => ({ ...r, stderr: r.stderr.replace(/^\S*python3\.11: /gm, 'tspyc: ') });

describe.skipIf(!BUILT || !oracle('3.11'))('tspyc run on sources', () => {
  let work = '';
  const copy = (name: string) => {
    const dir = join(work, `${name}-${Math.random().toString(36).slice(2, 8)}`);
    cpSync(join(FIXTURES, 'project'), dir, { recursive: true });
    return dir;
  };
  const both = (args: string[], cwd: string, env: Record<string, string | undefined> = {}) => {
    const want = asTspyc(runPython('3.11', args, { cwd, env: { ...WRITE, ...env } }));
    const got = tspyc(['run', ...args], undefined, { cwd, env: { ...WRITE, ...env } });
    return { want, got };
  };
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tspyc-run-src-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints a SyntaxError in the main file as CPython does, exit 1 (7 files in CI, 3 in sample mode; and -c)', () => {
    // One process pair per file; the display itself is checked in-process over 250 programs
    // (tests/vm/syntax-error-display.test.ts).
    const names = readdirSync(join(FIXTURES, 'syntax-errors')).sort();
    expect(names.length).toBe(7);
    for (const name of fullCorpus() ? names : names.filter((_, i) => i % 3 === 0)) {
      const { want, got } = both([join('..', 'syntax-errors', name)], join(FIXTURES, 'project'), { PYTHONDONTWRITEBYTECODE: '1' });
      expect(want.status).toBe(1);
      expect(got, name).toEqual(want);
    }
    const { want, got } = both(['-c', 'x = (1,\n  2'], work);
    expect(got).toEqual(want);
  });

  it("a file that does not exist: CPython's one line, exit 2", () => {
    const { want, got } = both(['nothere.py', 'a'], work);
    expect(want.status).toBe(2);
    expect(got).toEqual(want);
  });

  it('-m on fresh caches: a package runs its __main__, a submodule runs as __main__, parents imported first', () => {
    const dir = copy('m');
    pyCompile(files(dir).filter((f) => f.endsWith('.py')).map((f) => ({ source: join(dir, f) })));
    const before = files(dir);
    for (const args of [['-m', 'pkg', 'x', '-y'], ['-m', 'pkg.sub.deep', 'z']]) {
      const { want, got } = both(args, dir);
      expect(want.status).toBe(0);
      expect(got, args.join(' ')).toEqual(want);
    }
    expect(files(dir)).toEqual(before);
  });

  it("-m failures: runpy's messages, exit 1", () => {
    const dir = copy('mfail');
    pyCompile(files(dir).filter((f) => f.endsWith('.py')).map((f) => ({ source: join(dir, f) })));
    const mods = ['nope', 'nope.x', 'pkg.nope', 'pkg.sub', 'os_free_helper.py', 'pkg.util.py', '.rel'];
    for (const mod of fullCorpus() ? mods : mods.filter((_, i) => i % 2 === 0)) {
      const { want, got } = both(['-m', mod], dir);
      expect(want.status, mod).toBe(1);
      expect(got, mod).toEqual(want);
    }
  });

  it('an imported module with a SyntaxError: the traceback CPython prints', () => {
    const dir = copy('impbad');
    writeFileSync(join(dir, 'broken.py'), 'def f():\n    return (1,\n\nx = 1\n');
    writeFileSync(join(dir, 'use_broken.py'), 'print("before")\nimport broken\n');
    pyCompile([{ source: join(dir, 'use_broken.py'), cfile: join(dir, 'use_broken.pyc') }]);
    const { want, got } = both([join(dir, 'use_broken.pyc')], dir);
    expect(want.stderr).toContain('SyntaxError');
    expect(got).toEqual(want);
  });

  describe.skipIf(!CODEGEN)('with code generation', () => {
    it('FILE.py with arguments, an exit code, and a traceback; the same caches written, the main script not cached', () => {
      const ours = copy('file-ours');
      const theirs = copy('file-theirs');
      for (const args of [['main.py', 'a', '3'], ['main.py', 'fail']]) {
        const want = runPython('3.11', args, { cwd: theirs, env: WRITE });
        const got = tspyc(['run', ...args], undefined, { cwd: ours, env: WRITE });
        expect(got.stdout).toBe(want.stdout);
        expect(got.stderr.replaceAll(ours, theirs)).toBe(want.stderr);
        expect(got.status).toBe(want.status);
      }
      expect(files(ours)).toEqual(files(theirs));
      expect(files(ours).filter((f) => f.includes('main.cpython'))).toEqual([]);
    });

    it('compile-time warnings of the main file, a module imported from source and compile()/exec(): shown, recorded and raised as SyntaxErrors as python3.11 does', () => {
      const [ours, theirs] = ['warn-ours', 'warn-theirs'].map((name) => {
        const dir = join(work, name);
        cpSync(WARNINGS, dir, { recursive: true });
        return dir;
      });
      const want = runPython('3.11', ['warn_main.py'], { cwd: theirs, env: WRITE });
      const got = tspyc(['run', 'warn_main.py'], undefined, { cwd: ours, env: WRITE });
      expect(want.stderr).toContain('warn_mod.py:4: SyntaxWarning: invalid decimal literal');
      expect(want.stdout).toContain('SyntaxError invalid escape sequence');
      expect(got.stdout).toBe(want.stdout);
      expect(got.stderr.replaceAll(ours, theirs)).toBe(want.stderr);
      expect(got.status).toBe(want.status);
    });

    it('-c CODE with arguments; sys.path[0] is the empty string', () => {
      const dir = copy('c');
      const { want, got } = both(['-c', 'import sys, pkg\nprint(sys.argv, repr(sys.path[0]), __name__)\nraise SystemExit(4)', 'p', '-q'], dir);
      expect(want.status).toBe(4);
      expect(got).toEqual(want);
    });

    it('-m compiles and caches the modules it runs, as runpy does', () => {
      const ours = copy('m-ours');
      const theirs = copy('m-theirs');
      const want = runPython('3.11', ['-m', 'pkg', 'q'], { cwd: theirs, env: WRITE });
      const got = tspyc(['run', '-m', 'pkg', 'q'], undefined, { cwd: ours, env: WRITE });
      expect(got).toEqual(want);
      expect(files(ours)).toEqual(files(theirs));
    });

    it('-O and -OO: asserts and docstrings dropped, caches named .opt-N.pyc, as python3.11 -O does; -X pycache_prefix', () => {
      const ours = copy('opt-ours');
      const theirs = copy('opt-theirs');
      writeFileSync(join(ours, 'opt.py'), '"""doc"""\nimport pkg\ntry:\n    assert False, "kept"\nexcept AssertionError as e:\n    print(e)\nprint(__debug__, __doc__)\n');
      writeFileSync(join(theirs, 'opt.py'), readFileSync(join(ours, 'opt.py')));
      for (const flags of [['-O'], ['-OO'], ['-O', '-O']]) {
        const want = runPython('3.11', [...flags, 'opt.py'], { cwd: theirs, env: WRITE });
        const got = tspyc(['run', ...flags, 'opt.py'], undefined, { cwd: ours, env: WRITE });
        expect(got, flags.join(' ')).toEqual(want);
      }
      expect(files(ours)).toEqual(files(theirs));
      expect(files(ours).filter((f) => f.includes('.opt-'))).toHaveLength(4); // pkg and pkg.util, at levels 1 and 2
      const prefixOurs = join(work, 'x-prefix-ours');
      const prefixTheirs = join(work, 'x-prefix-theirs');
      expect(tspyc(['run', '-X', `pycache_prefix=${prefixOurs}`, 'opt.py'], undefined, { cwd: ours, env: WRITE }).status).toBe(0);
      expect(runPython('3.11', ['-X', `pycache_prefix=${prefixTheirs}`, 'opt.py'], { cwd: theirs, env: WRITE }).status).toBe(0);
      const mine = (dir: string, root: string) => files(dir).filter((f) => f.startsWith(`${root.slice(1)}/`)).map((f) => f.slice(root.length));
      expect(mine(prefixOurs, ours)).toEqual(mine(prefixTheirs, theirs));
      expect(mine(prefixOurs, ours).length).toBe(2);
    });

    it('-B and PYTHONDONTWRITEBYTECODE write nothing; PYTHONPYCACHEPREFIX puts the caches where CPython does', () => {
      const dir = copy('nowrite');
      const before = files(dir);
      expect(tspyc(['run', '-B', 'main.py'], undefined, { cwd: dir, env: WRITE }).status).toBe(0);
      expect(tspyc(['run', 'main.py'], undefined, { cwd: dir, env: { ...WRITE, PYTHONDONTWRITEBYTECODE: '1' } }).status).toBe(0);
      expect(files(dir)).toEqual(before);
      const ourPrefix = join(work, 'prefix-ours');
      const theirPrefix = join(work, 'prefix-theirs');
      expect(tspyc(['run', 'main.py'], undefined, { cwd: dir, env: { ...WRITE, PYTHONPYCACHEPREFIX: ourPrefix } }).status).toBe(0);
      expect(runPython('3.11', ['main.py'], { cwd: dir, env: { ...WRITE, PYTHONPYCACHEPREFIX: theirPrefix } }).status).toBe(0);
      expect(files(dir)).toEqual(before);
      // python also caches the stdlib modules it imports at start-up there: compare the project's
      const mirror = dir.slice(1);
      expect(files(ourPrefix)).toEqual(files(theirPrefix).filter((f) => f.startsWith(`${mirror}/`)));
      expect(files(ourPrefix).length).toBe(5);
    });
  });
});
