// A minimal _thread for a VM with one thread: locks that never contend, get_ident, and an error
// for starting threads. CPython counterpart: Modules/_threadmodule.c.
import { raise } from '../errors.js';
import { builtinType, None, PyObject, type PyType } from '../objects/object.js';
import { False, intFromNumber, pyBool, True } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { runtimeErrorType } from '../objects/exception-types.js';
import { isTrue } from '../protocols/truth.js';

const lockType = builtinType('lock', undefined, 0);
const rlockType = builtinType('RLock');
lockType.module = '_thread';
rlockType.module = '_thread';

class PyLock extends PyObject {
  /** held count (a plain lock: 0 or 1) */
  count = 0;
  constructor(type: PyType) {
    super(type);
  }
}

function initLocks(): void {
  for (const t of [lockType, rlockType]) {
    const reentrant = t === rlockType;
    const acquire = (a: PyObject[]) => {
      const l = a[0] as PyLock;
      if (l.count > 0 && !reentrant) {
        // one thread: a blocking acquire of a held lock would wait forever
        if (a[1] !== undefined && !isTrue(a[1])) return False;
        raise(runtimeErrorType, 'deadlock: acquiring a lock this thread holds (tspyc runs one thread)');
      }
      l.count++;
      return True;
    };
    defMethod(t, 'acquire', acquire);
    defMethod(t, '__enter__', acquire);
    const release = (a: PyObject[]) => {
      const l = a[0] as PyLock;
      if (l.count === 0) raise(runtimeErrorType, reentrant ? 'cannot release un-acquired lock' : 'release unlocked lock');
      l.count--;
      return None;
    };
    defMethod(t, 'release', release);
    defMethod(t, '__exit__', release);
    defMethod(t, 'locked', (a) => pyBool((a[0] as PyLock).count > 0));
    defMethod(t, '_is_owned', (a) => pyBool((a[0] as PyLock).count > 0));
  }
  defMethod(rlockType, '__new__', (a) => new PyLock(a[0] as PyType));
}

export function makeThread(): PyModule {
  initLocks();
  const m = new PyModule('_thread');
  const d = m.dict;
  const def = (name: string, f: Parameters<typeof builtinFunction>[1]) => d.setStr(name, builtinFunction(name, f));
  d.setStr('LockType', lockType);
  d.setStr('RLock', rlockType);
  d.setStr('error', runtimeErrorType);
  d.setStr('TIMEOUT_MAX', new PyFloat(9223372036.0));
  def('allocate_lock', () => new PyLock(lockType));
  // the lock threading's main thread holds while it runs
  def('_set_sentinel', () => new PyLock(lockType));
  def('get_ident', () => intFromNumber(1));
  def('get_native_id', () => intFromNumber(1));
  def('_count', () => intFromNumber(0));
  def('stack_size', () => intFromNumber(0));
  def('start_new_thread', () => raise(runtimeErrorType, "can't start new thread: tspyc runs one thread"));
  return m;
}
