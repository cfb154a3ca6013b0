// importlib's attributes in `tspyc run`: each imported module's __spec__ (ModuleSpec: name, origin,
// cached, parent, submodule_search_locations, has_location, equality) and __loader__
// (SourceFileLoader / SourcelessFileLoader / NamespaceLoader: name, path, get_filename, is_package
// with _check_name's ImportError, get_source, __mro__, equality and hash), namespace packages'
// __file__ None, and __main__'s as `python FILE.py`, `python FILE.pyc`, `-c` and `-m` set them —
// the same text as python3.11 prints (addresses masked).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from '../cli/run-cli.js';

const REPORT = [
  'import sys',
  'def short(p):',
  "    return p.replace(sys.path[0] or '.', '<dir>') if isinstance(p, str) else p",
  'def report(m):',
  '    s = m.__spec__',
  '    print(m.__name__, type(s).__name__, s.name, short(s.origin), short(s.cached), s.parent, s.submodule_search_locations and [short(p) for p in s.submodule_search_locations], s.has_location)',
  '    L = m.__loader__',
  '    print(" ", type(L).__module__, type(L).__qualname__, s.loader is L, short(getattr(L, "path", None)), getattr(L, "name", None))',
  "    print(' ', short(getattr(m, '__file__', 'no __file__')), short(getattr(m, '__cached__', 'no __cached__')), m.__package__, sys.modules[m.__name__] is m, s == s, L == L)",
].join('\n');

const FILES: Record<string, string> = {
  'pkg/__init__.py': 'X = 1\n',
  'pkg/mod.py': 'Y = 2\n',
  'pkg/__main__.py': `${REPORT}\nprint('main:', __name__, __spec__.name, __spec__.parent, type(__loader__).__name__, short(__loader__.path), short(__file__))\n`,
  'nsp/sub/leaf.py': 'Z = 3\n',
  'compiled_only.py': 'W = 4\n',
  'main.py': [
    REPORT,
    'import pkg, pkg.mod, nsp.sub.leaf, compiled_only',
    'for m in (pkg, pkg.mod, nsp, nsp.sub, nsp.sub.leaf, compiled_only):',
    '    report(m)',
    'print(type(pkg.__loader__).__mro__)',
    'print(hash(pkg.__loader__) == hash(type(pkg.__loader__)(pkg.__loader__.name, pkg.__loader__.path)) if callable(type(pkg.__loader__)) else None)',
    "print(pkg.__loader__.is_package('pkg'), pkg.mod.__loader__.is_package('pkg.mod'), nsp.__loader__.is_package('nsp'))",
    "print(short(pkg.mod.__loader__.get_filename()), short(pkg.mod.__loader__.get_filename('pkg.mod')), pkg.mod.__loader__.get_source('pkg.mod'), compiled_only.__loader__.get_source('compiled_only'))",
    "for call in (lambda: pkg.mod.__loader__.is_package('other'), lambda: pkg.mod.__loader__.get_filename('x.y')):",
    '    try:',
    '        call()',
    '    except ImportError as e:',
    "        print('ImportError:', e)",
    "print(sorted(vars(pkg.__spec__)), type(type(pkg.__spec__).parent).__name__)",
    "print(repr(pkg.__spec__).split(' object at ')[0], repr(pkg.__spec__).split('>, ')[1].replace(sys.path[0], '<dir>'))",
    "print('main:', __name__, __spec__, type(__loader__).__name__, short(__loader__.path), short(__file__))",
    '',
  ].join('\n'),
};

const python = oracle('3.11');

describe.skipIf(!BUILT || !python)('tspyc run: __spec__ and __loader__ as importlib sets them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-module-spec-'));
  afterAll(() => (process.env.KEEP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  // compiled_only: a sourceless module (its legacy .pyc beside main.py, the source removed)
  const compiled = runPython('3.11', ['-c', 'import py_compile, os, sys; d = sys.argv[1]; [py_compile.compile(f"{d}/{n}.py", cfile=f"{d}/{n}.pyc", doraise=True) for n in ("main", "compiled_only")]; os.remove(f"{d}/compiled_only.py")', dir]);
  const env = { PYTHONDONTWRITEBYTECODE: '1' };
  const mask = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, ' at 0x?');
  const both = (args: string[]) => {
    const theirs = runPython('3.11', args, { cwd: dir, env });
    const ours = tspyc(['run', ...args], undefined, { cwd: dir, env });
    return { theirs: { stdout: mask(theirs.stdout), stderr: theirs.stderr, status: theirs.status }, ours: { stdout: mask(ours.stdout), stderr: ours.stderr, status: ours.status } };
  };

  it('modules, packages, namespace packages and a sourceless module; __main__ from a source file', () => {
    expect(compiled.status).toBe(0);
    const { theirs, ours } = both(['main.py']);
    expect(theirs.status).toBe(0);
    expect(theirs.stdout).toContain('NamespaceLoader');
    expect(ours).toEqual(theirs);
  });

  it('__main__ from a pyc, from -c and from -m (a package run through its __main__)', () => {
    for (const args of [['main.pyc'], ['-c', "print(__loader__, __spec__, __name__)"], ['-m', 'pkg']]) {
      const { theirs, ours } = both(args);
      expect(theirs.status).toBe(0);
      expect(ours, args.join(' ')).toEqual(theirs);
    }
  });
});
