// The sys module (the parts that make sense without an OS). CPython counterpart: Python/sysmodule.c.
import { raise, PyError, newException } from '../errors.js';
import { None, type PyObject } from '../objects/object.js';
import { PyFloat } from '../objects/float.js';
import { defMethod } from '../objects/native.js';
import { callObject } from '../protocols/call.js';
import { repr } from '../protocols/repr.js';
import { structSeq } from './structseq.js';
import { DEFAULT_MAX_STR_DIGITS, getMaxStrDigits, intFromNumber, newInt, PyInt, setMaxStrDigits, STR_DIGITS_CHECK_THRESHOLD } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { False, True } from '../objects/int.js';
import { frameObject } from '../objects/frame-object.js';
import { newNamespace } from '../objects/namespace.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { notImplementedErrorType, PyBaseException, recursionErrorType, systemExitType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { ts } from '../eval/state.js';
import { formatException } from '../eval/pythonrun.js';
import { PyHostInput, PyHostStream } from '../builtins/io.js';
import { builtinModuleNames, sysModules } from './registry.js';
import { displayHook } from '../eval/displayhook.js';
import { isCallable } from '../builtins/introspection.js';
import { getAttr } from '../protocols/getattr.js';
import { PyTraceback } from '../objects/traceback.js';
import { metaPathFinders } from './meta-path.js';

interface SysState {
  stdin: PyHostInput;
  stdout: PyHostStream;
  stderr: PyHostStream;
  argv: PyList;
}
let streams: SysState | null = null;
/** sys.stdin, sys.stdout, sys.stderr and sys.argv (created on first use). */
export function sysState(): SysState {
  return (streams ??= { stdin: new PyHostInput(), stdout: new PyHostStream(1), stderr: new PyHostStream(2), argv: new PyList([]) });
}

/**
 * PyErr_Display: the report goes to the current sys.stderr (a test's captured_stderr sees it),
 * nowhere when that is None; the given traceback stands in for an exception without one.
 */
function errDisplay(sys: PyModule, value: PyObject, tb: PyObject): void {
  if (value instanceof PyBaseException && value.traceback === null && tb instanceof PyTraceback) value.traceback = tb;
  const file = sys.dict.getStr('stderr');
  if (file === undefined) {
    ts.host.writeStderr(formatException(value) + 'lost sys.stderr\n');
    return;
  }
  if (file === None) return;
  callObject(getAttr(file, 'write'), [newStr(formatException(value))], null);
}

export function makeSys(): PyModule {
  const m = new PyModule('sys');
  const { stdin, stdout, stderr, argv } = sysState();
  const d = m.dict;
  const def = (name: string, f: Parameters<typeof builtinFunction>[1]) => d.setStr(name, builtinFunction(name, f));
  d.setStr('argv', argv);
  d.setStr('stdin', stdin);
  d.setStr('__stdin__', stdin);
  d.setStr('stdout', stdout);
  d.setStr('stderr', stderr);
  d.setStr('__stdout__', stdout);
  d.setStr('__stderr__', stderr);
  d.setStr('modules', sysModules());
  def('displayhook', (a) => {
    if (a.length !== 1) raise(typeErrorType, `displayhook() takes exactly one argument (${a.length} given)`);
    displayHook(a[0]!);
    return None;
  });
  d.setStr('__displayhook__', d.getStr('displayhook')!);
  d.setStr('path', new PyList([]));
  d.setStr('maxsize', newInt(9223372036854775807n));
  d.setStr('byteorder', newStr('little'));
  d.setStr('platform', newStr('tspyc'));
  d.setStr('platlibdir', newStr('lib'));
  // CPython 3.11.7's text (site's copyright builtin prints it)
  d.setStr(
    'copyright',
    newStr(
      'Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n' +
        'Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n' +
        'Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.',
    ),
  );
  d.setStr('abiflags', newStr(''));
  d.setStr('version', newStr('3.11.7 (tspyc)'));
  const i = intFromNumber;
  const f = (x: number) => new PyFloat(x);
  d.setStr('version_info', structSeq('sys', 'version_info', 'major minor micro releaselevel serial', [i(3), i(11), i(7), newStr('final'), i(0)]));
  d.setStr(
    'float_info',
    structSeq('sys', 'float_info', 'max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon radix rounds', [
      f(Number.MAX_VALUE), i(1024), i(308), f(2.2250738585072014e-308), i(-1021), i(-307), i(15), i(53), f(Number.EPSILON), i(2), i(1),
    ]),
  );
  d.setStr('int_info', structSeq('sys', 'int_info', 'bits_per_digit sizeof_digit default_max_str_digits str_digits_check_threshold', [i(30), i(4), i(DEFAULT_MAX_STR_DIGITS), i(STR_DIGITS_CHECK_THRESHOLD)]));
  def('get_int_max_str_digits', () => intFromNumber(getMaxStrDigits()));
  def('set_int_max_str_digits', (a, kw) => {
    const v = a[0] ?? kw?.get('maxdigits');
    if (v === undefined) raise(typeErrorType, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
    if (!(v instanceof PyInt)) raise(typeErrorType, `'${v.type.name}' object cannot be interpreted as an integer`);
    const n = v.value;
    if (n !== 0n && n < BigInt(STR_DIGITS_CHECK_THRESHOLD)) raise(valueErrorType, `maxdigits must be 0 or larger than ${STR_DIGITS_CHECK_THRESHOLD}`);
    setMaxStrDigits(Number(n));
    return None;
  });
  d.setStr(
    'hash_info',
    structSeq('sys', 'hash_info', 'width modulus inf nan imag algorithm hash_bits seed_bits cutoff', [
      i(64), newInt(2305843009213693951n), i(314159), i(0), i(1000003), newStr('siphash13'), i(64), i(128), i(0),
    ]),
  );
  d.setStr('hexversion', intFromNumber(0x030b07f0));
  d.setStr(
    'implementation',
    newNamespace([['name', newStr('tspyc')], ['cache_tag', newStr('cpython-311')], ['version', d.getStr('version_info') ?? None], ['hexversion', intFromNumber(0x030b07f0)], ['_multiarch', newStr('')]]),
  );
  d.setStr('builtin_module_names', newTuple(builtinModuleNames().map(newStr)));
  d.setStr('maxunicode', intFromNumber(0x10ffff));
  def('exit', (a) => {
    // PyErr_SetObject(SystemExit, status): None gives no args, a tuple gives its items
    const e = newException(systemExitType, null) as PyBaseException;
    const status = a[0];
    if (status instanceof PyTuple) e.args = status.items.slice();
    else if (status !== undefined && status !== None) e.args = [status];
    throw new PyError(e);
  });
  // The VM delivers no trace or profile events: None (what doctest and pdb save and restore) is the
  // only function it accepts; installing a real one is refused rather than silently ignored.
  for (const what of ['trace', 'profile']) {
    def(`get${what}`, () => None);
    def(`set${what}`, (a) => {
      if (a[0] !== None) raise(notImplementedErrorType, `tspyc: sys.set${what}() with a function: the VM delivers no ${what} events`);
      return None;
    });
  }
  // Audit hooks see the events Python code raises with sys.audit (the VM's own operations raise none).
  const auditHooks: PyObject[] = [];
  def('addaudithook', (a) => {
    auditHooks.push(a[0]!);
    return None;
  });
  def('audit', (a) => {
    if (a.length === 0) raise(typeErrorType, 'audit() missing 1 required positional argument: \'event\'');
    if (!(a[0] instanceof PyStr)) raise(typeErrorType, `expected str for argument 'event', not ${a[0]!.type.name}`);
    const args = newTuple(a.slice(1));
    for (const hook of auditHooks) callObject(hook, [a[0], args], null);
    return None;
  });
  // asyncio's hooks for async generators: kept and reported (the VM does not call them yet, so an
  // event loop's shutdown_asyncgens finds none to close)
  let asyncgenHooks: [PyObject, PyObject] = [None, None];
  def('get_asyncgen_hooks', () => structSeq('sys', 'asyncgen_hooks', 'firstiter finalizer', asyncgenHooks));
  def('set_asyncgen_hooks', (a, kw) => {
    const next: [PyObject, PyObject] = [...asyncgenHooks];
    (['firstiter', 'finalizer'] as const).forEach((name, i) => {
      const v = a[i] ?? kw?.get(name);
      if (v === undefined) return;
      if (v !== None && !isCallable(v)) raise(typeErrorType, `callable ${name} expected, got ${v.type.name}`);
      next[i] = v;
    });
    asyncgenHooks = next;
    return None;
  });
  let originDepth = 0;
  def('get_coroutine_origin_tracking_depth', () => intFromNumber(originDepth));
  def('set_coroutine_origin_tracking_depth', (a, kw) => {
    const depth = Number((a[0] ?? kw?.get('depth') ?? intFromNumber(0)) instanceof PyInt ? ((a[0] ?? kw?.get('depth')) as PyInt).value : 0n);
    if (depth < 0) raise(valueErrorType, 'depth must be >= 0');
    originDepth = depth;
    return None;
  });
  def('is_finalizing', () => False);
  def('getrecursionlimit', () => intFromNumber(ts.recursionLimit));
  def('setrecursionlimit', (a) => {
    const n = a[0];
    if (!(n instanceof PyInt)) raise(typeErrorType, "'float' object cannot be interpreted as an integer");
    if (n.value < 1n) raise(valueErrorType, 'recursion limit must be greater or equal than 1');
    // _Py_SetRecursionLimit's caller refuses a limit the running frames already reach
    if (BigInt(ts.depth) >= n.value) {
      raise(recursionErrorType, `cannot set the recursion limit to ${n.value} at the recursion depth ${ts.depth}: the limit is too low`);
    }
    ts.recursionLimit = Number(n.value);
    return None;
  });
  def('exc_info', () => {
    const h = ts.handled;
    if (h === null) return newTuple([None, None, None]);
    return newTuple([h.type, h, (h as PyBaseException).traceback ?? None]);
  });
  def('exception', () => ts.handled ?? None);
  def('intern', (a) => a[0]!);
  // what CPython's pure-Python modules read from sys at import time
  d.setStr('warnoptions', new PyList([]));
  d.setStr('_xoptions', new PyDict());
  d.setStr('executable', newStr(''));
  const prefix = newStr(installPrefix(ts.host.stdlib ?? null));
  for (const name of ['prefix', 'exec_prefix', 'base_prefix', 'base_exec_prefix']) d.setStr(name, prefix);
  // as the host's imports behave (a host that cannot write caches: as -B)
  const importConfig = ts.host.importConfig ?? { dontWriteBytecode: true, optimization: 0, pycachePrefix: null };
  const dontWriteBytecode = importConfig.dontWriteBytecode ? True : False;
  d.setStr('dont_write_bytecode', dontWriteBytecode);
  d.setStr('pycache_prefix', importConfig.pycachePrefix === null ? None : newStr(importConfig.pycachePrefix));
  d.setStr('meta_path', new PyList(metaPathFinders()));
  d.setStr('path_hooks', new PyList([]));
  d.setStr('path_importer_cache', new PyDict());
  d.setStr(
    'flags',
    structSeq('sys', 'flags', 'debug inspect interactive optimize dont_write_bytecode no_user_site no_site ignore_environment verbose bytes_warning quiet hash_randomization isolated dev_mode utf8_mode warn_default_encoding safe_path int_max_str_digits',
      [i(0), i(0), i(0), i(importConfig.optimization), i(importConfig.dontWriteBytecode ? 1 : 0), i(0), i(0), i(0), i(0), i(0), i(0), i(1), i(0), False, i(0), i(0), False, i(-1)],
    ),
  );
  // sys.excepthook(type, value, traceback): what an uncaught exception prints (the VM's own report)
  const excepthook = builtinFunction('excepthook', (a) => {
    if (a.length !== 3) raise(typeErrorType, `excepthook expected 3 arguments, got ${a.length}`);
    errDisplay(m, a[1]!, a[2]!);
    return None;
  });
  d.setStr('excepthook', excepthook);
  d.setStr('__excepthook__', excepthook);
  def('getdefaultencoding', () => newStr('utf-8'));
  def('getfilesystemencoding', () => newStr('utf-8'));
  def('getfilesystemencodeerrors', () => newStr('surrogateescape'));
  def('_getframe', (a) => {
    let depth = a[0] instanceof PyInt ? Number(a[0].value) : 0;
    let f = ts.frame;
    while (depth > 0 && f !== null) {
      f = f.back;
      depth--;
    }
    if (f === null) raise(valueErrorType, 'call stack is not deep enough');
    return frameObject(f);
  });
  def('getsizeof', () => intFromNumber(64));
  return m;
}

/**
 * sys.prefix: the installation whose Lib/ the VM runs, found as getpath finds it (the Lib is
 * PREFIX/lib/python3.11), so that sysconfig's paths name that installation; '' without one.
 */
function installPrefix(lib: string | null): string {
  const m = lib === null ? null : /^(.*)\/lib\/python3\.11\/*$/.exec(lib);
  return m === null ? '' : m[1] || '/';
}
