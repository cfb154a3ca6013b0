// The sys module (the parts that make sense without an OS). CPython counterpart: Python/sysmodule.c.
import { raise, PyError, newException } from '../errors.js';
import { None } from '../objects/object.js';
import { intFromNumber, newInt, PyInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { PyBaseException, systemExitType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { ts } from '../eval/state.js';
import { PyHostInput, PyHostStream } from '../builtins/io.js';
import { builtinModuleNames, sysModules } from './registry.js';

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
  d.setStr('path', new PyList([]));
  d.setStr('maxsize', newInt(9223372036854775807n));
  d.setStr('byteorder', newStr('little'));
  d.setStr('platform', newStr('tspyc'));
  d.setStr('implementation', None);
  d.setStr('version', newStr('3.11.7 (tspyc)'));
  d.setStr('version_info', newTuple([intFromNumber(3), intFromNumber(11), intFromNumber(7), newStr('final'), intFromNumber(0)]));
  d.setStr('hexversion', intFromNumber(0x030b07f0));
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
  def('getrecursionlimit', () => intFromNumber(ts.recursionLimit));
  def('setrecursionlimit', (a) => {
    const n = a[0];
    if (!(n instanceof PyInt)) raise(typeErrorType, "'float' object cannot be interpreted as an integer");
    if (n.value < 1n) raise(valueErrorType, 'recursion limit must be greater or equal than 1');
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
  def('getsizeof', () => intFromNumber(64));
  return m;
}
