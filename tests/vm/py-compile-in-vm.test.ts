// Programs that byte-compile from inside `tspyc run`: py_compile and compileall from CPython's
// Lib, run in the VM, write the pycs a fresh `python3.11 -m py_compile` writes; and the two things
// they needed: a submodule its package's __init__ already imported is not executed a second time
// (importlib's own package does this), and sys says what the run's imports do with caches
// (dont_write_bytecode, pycache_prefix, flags.optimize) as python3.11 says it — and an import
// writes its cache or not as sys.dont_write_bytecode is at that import, as importlib decides.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from '../cli/run-cli.js';

const python = oracle('3.11');

describe.skipIf(!BUILT || !python)('byte-compiling from inside tspyc run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-pycompile-vm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lib = runPython('3.11', ['-S', '-c', 'import os; print(os.path.dirname(os.__file__))']).stdout.trim();
  // both sides read and write caches as a user's run would
  const env = { PYTHONDONTWRITEBYTECODE: undefined, PYTHONPYCACHEPREFIX: undefined, PYTHONOPTIMIZE: undefined };

  it('a submodule the package imported itself runs once, as importlib runs it', () => {
    mkdirSync(join(dir, 'pk'));
    writeFileSync(join(dir, 'pk', '__init__.py'), "print('pk start')\ntry:\n    import _no_such_zz as _b\nexcept ImportError:\n    from . import _b\n    _b.x = 1\nprint('pk end')\n");
    writeFileSync(join(dir, 'pk', '_b.py'), "print('_b runs')\nx = None\n");
    writeFileSync(join(dir, 'side.py'), 'import pk._b\nimport pk\nimport sys\nprint(pk._b.x, sys.modules["pk._b"] is pk._b)\n');
    const expected = runPython('3.11', ['-B', 'side.py'], { cwd: dir });
    const got = tspyc(['run', '-B', '--stdlib', 'none', 'side.py'], undefined, { cwd: dir });
    expect(expected.stdout).toBe('pk start\n_b runs\npk end\n1 True\n');
    expect(got).toEqual({ status: 0, stdout: expected.stdout, stderr: '' });
  });

  it.each([[[]], [['-B']], [['-O']], [['-X', 'pycache_prefix=/tmp/tspyc-prefix']]])('sys under %j says what python3.11 says', (flags) => {
    writeFileSync(join(dir, 'flags.py'), 'import sys\nprint(sys.dont_write_bytecode, sys.pycache_prefix, sys.flags.optimize, sys.flags.dont_write_bytecode)\n');
    const expected = runPython('3.11', [...flags, 'flags.py'], { cwd: dir, env });
    const got = tspyc(['run', ...flags, '--stdlib', 'none', 'flags.py'], undefined, { cwd: dir, env });
    expect(expected.status).toBe(0);
    expect(got).toEqual({ status: 0, stdout: expected.stdout, stderr: '' });
  });

  it.each([[[]], [['-B']]])('under %j, each import writes its cache as sys.dont_write_bytecode is then', (flags) => {
    const tree = join(dir, `dwb${flags.length}`);
    mkdirSync(tree);
    writeFileSync(join(tree, 'first.py'), 'X = 1\n');
    writeFileSync(join(tree, 'second.py'), 'Y = 2\n');
    writeFileSync(
      join(tree, 'main.py'),
      [
        'import posix, sys',
        'print(sys.dont_write_bytecode)',
        'sys.dont_write_bytecode = True',
        'import first',
        'sys.dont_write_bytecode = False',
        'import second',
        "print(sorted(posix.listdir('__pycache__')))",
        '',
      ].join('\n'),
    );
    const expected = runPython('3.11', [...flags, 'main.py'], { cwd: tree, env });
    rmSync(join(tree, '__pycache__'), { recursive: true, force: true });
    const got = tspyc(['run', ...flags, '--stdlib', 'none', 'main.py'], undefined, { cwd: tree, env });
    expect(expected.stdout).toBe(`${flags.length > 0 ? 'True' : 'False'}\n['second.cpython-311.pyc']\n`);
    expect(got).toEqual({ status: 0, stdout: expected.stdout, stderr: '' });
  });

  it.skipIf(!lib)('py_compile and compileall in the VM write python3.11 -m py_compile\'s bytes', () => {
    const names = ['json/decoder.py', 'argparse.py', 'dataclasses.py'];
    for (const n of names) writeFileSync(join(dir, n.replace('/', '_')), readFileSync(join(lib, n)));
    const sources = names.map((n) => n.replace('/', '_'));
    writeFileSync(
      join(dir, 'byte_compile.py'),
      [
        'import compileall, py_compile, sys',
        'for f in sys.argv[1:]:',
        "    print(py_compile.compile(f, cfile=f + 'c.tspyc', doraise=True))",
        "print(compileall.compile_file(sys.argv[1], force=True, quiet=1))",
        '',
      ].join('\n'),
    );
    const got = tspyc(['run', '--stdlib', lib, 'byte_compile.py', ...sources], undefined, { cwd: dir, env });
    expect(got.stderr).toBe('');
    expect(got.stdout).toBe(sources.map((s) => `${s}c.tspyc\n`).join('') + 'True\n');
    const ours = sources.map((s) => readFileSync(join(dir, `${s}c.tspyc`)));
    const ourCompileall = readFileSync(join(dir, '__pycache__', `${sources[0]!.slice(0, -3)}.cpython-311.pyc`));
    const made = runPython('3.11', ['-m', 'py_compile', ...sources], { cwd: dir, env });
    expect(made.status).toBe(0);
    sources.forEach((s, i) => {
      const reference = readFileSync(join(dir, '__pycache__', `${s.slice(0, -3)}.cpython-311.pyc`));
      expect(Buffer.compare(ours[i]!, reference), s).toBe(0);
    });
    expect(Buffer.compare(ourCompileall, readFileSync(join(dir, '__pycache__', `${sources[0]!.slice(0, -3)}.cpython-311.pyc`)))).toBe(0);
  });
});
