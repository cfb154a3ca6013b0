// sysconfig in `tspyc run` with CPython's Lib: the build-time variables and installation paths of
// the CPython that Lib belongs to, as python3.11 itself reports them (test.support, pydoc and
// zoneinfo read them at import), and sys.prefix found from the Lib as getpath finds it.
import { describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from '../cli/run-cli.js';

const SCRIPT = [
  'import sys, sysconfig',
  'print(sys.prefix == sys.base_prefix == sys.exec_prefix == sys.base_exec_prefix, sys.prefix)',
  'print(sysconfig.get_paths())',
  "for name in ('SOABI', 'TZPATH', 'CFLAGS', 'CONFIG_ARGS', 'EXT_SUFFIX', 'prefix', 'LIBDIR', 'VERSION', 'Py_DEBUG', 'WITH_DOC_STRINGS', 'NO_SUCH_VAR'):",
  '    print(name, repr(sysconfig.get_config_var(name)))',
  "print(len(sysconfig.get_config_vars()) > 500, float.__getformat__('double'), float.__getformat__('float'))",
  'import zoneinfo, pydoc',
  'print(zoneinfo.TZPATH)',
].join('\n');

describe.skipIf(!BUILT || !oracle('3.11'))('tspyc run: sysconfig of the Lib it runs', () => {
  it('answers what python3.11 answers', () => {
    const want = runPython('3.11', ['-c', SCRIPT]);
    const got = tspyc(['run', '-c', SCRIPT]);
    expect(want.status, want.stderr).toBe(0);
    expect(got.stderr).toBe('');
    expect(got.stdout).toBe(want.stdout);
    expect(got.stdout).toContain("'stdlib': '/");
  });
});
