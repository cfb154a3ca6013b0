// Importing modules from sys.path in `tspyc run`: modules, packages, submodules, `from pkg import
// sub` and relative imports, found by @tspyc/loader's path-based finder and loaded from the fresh caches CPython wrote in
// __pycache__ — the program prints what python3.11 prints for the same tree. A stale cache is
// compiled again (once tspyc's code generation exists).
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from '../cli/run-cli.js';
import { CODEGEN, warnIfNoCodegen } from '../cli/codegen-ready.js';

warnIfNoCodegen('recompiling a stale import in tests/vm/imports.test.ts');

const FILES: Record<string, string> = {
  'helper.py': "print('helper loading', __name__, __file__.endswith('helper.py'), __cached__.endswith('helper.cpython-311.pyc'))\ndef greet(n):\n    return f'hello {n}'\n",
  'pkg/__init__.py': 'X = 1\nfrom .inner import deep\n',
  'pkg/sub.py': 'from .sub2 import Y as Y2\nfrom . import sub2\ndef twice(x):\n    return 2 * x\n',
  'pkg/inner/__init__.py': 'from .. import sub2 as up\nfrom .deep import VALUE as deep\n',
  'pkg/inner/deep.py': 'from ..sub2 import Y\nVALUE = Y + 1\n',
  'pkg/sub2.py': 'Y = 42\n',
  'main.py': [
    'import helper',
    'import pkg.sub',
    'from pkg import sub2',
    'from pkg.sub import twice',
    "print(helper.greet('world'), pkg.sub.twice(21), sub2.Y, twice(4), pkg.X)",
    'print(pkg.deep, pkg.inner.up.Y, pkg.sub.Y2, pkg.sub.sub2 is sub2)',
    'try:',
    '    from . import helper',
    'except ImportError as e:',
    "    print('error:', e)",
    'import sys',
    "print(sorted(k for k in sys.modules if k.startswith(('pkg', 'helper'))))",
    'import helper as again',
    'print(again is helper)',
    'for name in ("nosuchmodule", "pkg.nosuch", "helper.sub"):',
    '    try:',
    '        __import__(name)',
    '    except ModuleNotFoundError as e:',
    "        print('error:', e)",
    'try:',
    '    from pkg import nothing',
    'except ImportError as e:',
    "    print('error:', str(e).split(' (')[0])",
    '',
  ].join('\n'),
};

describe.skipIf(!BUILT || !oracle('3.11'))('tspyc run: imports through the loader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-imports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'pkg', 'inner'), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  const compiled = runPython('3.11', ['-c', 'import compileall, py_compile, sys; compileall.compile_dir(sys.argv[1], quiet=1); py_compile.compile(sys.argv[1] + "/main.py", cfile=sys.argv[1] + "/main.pyc", doraise=True)', dir]);

  it('modules and packages from fresh __pycache__ caches, as python3.11 runs them', () => {
    expect(compiled.status).toBe(0);
    const expected = runPython('3.11', [join(dir, 'main.pyc')], { cwd: dir });
    const got = tspyc(['run', join(dir, 'main.pyc')]);
    expect(expected.status).toBe(0);
    expect(got.stdout).toBe(expected.stdout);
    expect(got.stderr).toBe(expected.stderr);
    expect(got.status).toBe(0);
    expect(got.stdout).toContain('hello world 42 42 8 1');
  });

  it.skipIf(!CODEGEN)('a stale cache is compiled again and the program runs as CPython runs it', () => {
    appendFileSync(join(dir, 'helper.py'), '# edited\n');
    const expected = runPython('3.11', ['-B', join(dir, 'main.pyc')], { cwd: dir });
    const got = tspyc(['run', join(dir, 'main.pyc')]);
    expect(got).toEqual({ status: expected.status, stdout: expected.stdout, stderr: expected.stderr });
  });
});
