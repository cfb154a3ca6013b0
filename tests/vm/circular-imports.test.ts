// Modules that import each other while they are still running, and modules with their own
// __getattr__ (PEP 562): `tspyc run` prints what python3.11 prints. importlib marks a module's spec
// `_initializing` while its body runs, and the errors met then say "partially initialized ... (most
// likely due to a circular import)"; `from . import x` of a submodule still running finds it in
// sys.modules (bpo-17636); a module's __getattr__ answers the names its dict lacks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from '../cli/run-cli.js';

const FILES: Record<string, string> = {
  'cyc/__init__.py': "from . import a\nprint('cyc done', a.VALUE, a.b.SEEN)\n",
  'cyc/a.py': 'from . import b\nVALUE = 1\n',
  'cyc/b.py': [
    '# cyc.a is running (it imports this module first): not yet an attribute of cyc, but in sys.modules',
    'from . import a',
    "print('b sees', a.__name__)",
    'try:',
    '    a.VALUE',
    'except AttributeError as e:',
    "    print('AttributeError:', e, e.name)",
    'try:',
    '    from .a import VALUE',
    'except ImportError as e:',
    "    print('ImportError:', str(e).replace(e.path, '<path>'), e.name, e.path.endswith('a.py'))",
    'import sys',
    "print('initializing:', sys.modules['cyc.a'].__spec__._initializing, sys.modules['cyc.b'].__spec__._initializing)",
    'SEEN = a.__name__',
    '',
  ].join('\n'),
  'lazy.py': [
    'import sys',
    'def __getattr__(name):',
    "    if name.startswith('x'):",
    '        return len(name)',
    "    raise AttributeError(f'lazy has no {name!r}')",
    '',
  ].join('\n'),
  'main.py': [
    'import sys',
    'import cyc',
    "print('after:', sys.modules['cyc.a'].__spec__._initializing, cyc.a.__spec__._initializing)",
    'import lazy',
    "print(lazy.xyz, getattr(lazy, 'xx'), getattr(lazy, 'nope', 'default'), hasattr(lazy, 'nope'), hasattr(lazy, 'x1'))",
    'from lazy import xabc',
    'print(xabc)',
    'try:',
    '    lazy.nope',
    'except AttributeError as e:',
    "    print('AttributeError:', e)",
    'try:',
    '    from lazy import nope',
    'except ImportError as e:',
    "    print('ImportError:', str(e).replace(e.path, '<path>'), e.name)",
    "m = type(sys)('made')",
    "m.__name__ = 'renamed'",
    'for name in ("q", "__getattr__"):',
    '    try:',
    '        getattr(m, name)',
    '    except AttributeError as e:',
    "        print('AttributeError:', e)",
    'del m.__name__',
    'try:',
    '    m.q',
    'except AttributeError as e:',
    "    print('AttributeError:', e)",
    'try:',
    '    from sys import nothing_here',
    'except ImportError as e:',
    "    print('ImportError:', e, e.name, e.path)",
    'try:',
    '    from cyc import nothing_here',
    'except ImportError as e:',
    "    print('ImportError:', str(e).replace(e.path, '<path>'), e.name)",
    '',
  ].join('\n'),
};

describe.skipIf(!BUILT || !oracle('3.11'))('tspyc run: circular imports and module __getattr__', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-circular-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'cyc'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);

  it('prints what python3.11 prints', () => {
    const expected = runPython('3.11', ['-B', join(dir, 'main.py')], { cwd: dir });
    const got = tspyc(['run', '-B', join(dir, 'main.py')], undefined, { cwd: dir });
    expect(expected.status, expected.stderr).toBe(0);
    expect(got.stderr).toBe(expected.stderr);
    expect(got.stdout).toBe(expected.stdout);
    expect(got.status).toBe(0);
    // the cases are reached: both the circular import's fallback and the hook ran
    expect(got.stdout).toContain('b sees cyc.a');
    expect(got.stdout).toContain('partially initialized module');
    expect(got.stdout).toContain('3 2 default False True');
  });
});
