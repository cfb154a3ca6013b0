// The atexit module: functions run, last registered first, when the main program ends
// (interpreter.ts calls runExitFuncs). CPython counterpart: Modules/atexitmodule.c.
import { None, PyObject } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { PyError, raise } from '../errors.js';
import { callObject } from '../protocols/call.js';
import { pyEq } from '../protocols/compare.js';
import { repr } from '../protocols/repr.js';
import { formatException } from '../eval/pythonrun.js';
import { ts } from '../eval/state.js';

interface Callback {
  fn: PyObject;
  args: PyObject[];
  kw: Kwargs | null;
}
let callbacks: Callback[] = [];

/** atexit_callfuncs: every callback, newest first; an exception is reported and ignored. */
export function runExitFuncs(): void {
  const todo = callbacks.reverse();
  callbacks = [];
  for (const c of todo) {
    try {
      callObject(c.fn, c.args, c.kw);
    } catch (err) {
      if (!(err instanceof PyError)) throw err;
      ts.host.writeStderr(`Exception ignored in atexit callback: ${repr(c.fn)}\n${formatException(err.exc)}`);
    }
  }
}

export function makeAtexit(): PyModule {
  const m = new PyModule('atexit');
  const def = (name: string, f: Parameters<typeof builtinFunction>[1]) => m.dict.setStr(name, builtinFunction(name, f));
  def('register', (a, kw) => {
    if (a.length === 0) raise(typeErrorType, 'register() takes at least 1 argument (0 given)');
    if (a[0]!.type.lookup('__call__') === undefined) raise(typeErrorType, 'the first argument must be callable');
    callbacks.push({ fn: a[0]!, args: a.slice(1), kw });
    return a[0]!;
  });
  def('unregister', (a) => {
    callbacks = callbacks.filter((c) => !(c.fn === a[0] || pyEq(c.fn, a[0]!)));
    return None;
  });
  def('_run_exitfuncs', () => {
    runExitFuncs();
    return None;
  });
  def('_clear', () => {
    callbacks = [];
    return None;
  });
  def('_ncallbacks', () => intFromNumber(callbacks.length));
  return m;
}
