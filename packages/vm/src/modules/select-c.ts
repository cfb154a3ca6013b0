// The select module over the VM's only sockets, socketpair ends: select() answers which are ready,
// and when none is, its timeout passes (one thread: nothing else could make one ready); another
// descriptor is an OSError. Enough for selectors (SelectSelector) and asyncio's event loop.
// CPython counterpart: Modules/selectmodule.c.
import { osError } from '../modules/host-files.js';
import { PyError, raise } from '../errors.js';
import { None, type PyObject } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { osErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { asFloatOperand } from '../protocols/number.js';
import { toArray } from '../protocols/iter.js';
import { getAttr } from '../protocols/getattr.js';
import { asJsIndex } from '../protocols/number.js';
import { PyInt } from '../objects/int.js';
import { endpointOf } from './socket-pair.js';
import { sleepMs } from './sleep.js';

export function makeSelectC(): PyModule {
  const m = new PyModule('select');
  m.dict.setStr('error', osErrorType);
  m.dict.setStr(
    'select',
    builtinFunction('select', (a) => {
      if (a.length < 3 || a.length > 4) raise(typeErrorType, `select expected ${a.length < 3 ? 'at least 3' : 'at most 4'} arguments, got ${a.length}`);
      const lists = a.slice(0, 3).map((l) => toArray(l));
      const timeout = a[3] ?? None;
      let seconds = Infinity;
      if (timeout !== None) {
        const t = asFloatOperand(timeout);
        if (t === undefined) raise(typeErrorType, 'timeout must be a float or None');
        if (t < 0) raise(valueErrorType, 'timeout must be non-negative');
        seconds = t;
      }
      // the only descriptors to watch are socketpair ends (socket-pair.ts)
      const endOf = (o: PyObject) => {
        const fd = o instanceof PyInt ? asJsIndex(o) : asJsIndex(callObject(getAttr(o, 'fileno'), [], null));
        const e = endpointOf(fd);
        if (e === undefined) throw osError(38, 'Function not implemented (tspyc can wait only on socketpair ends)');
        return e;
      };
      const readable = lists[0]!.filter((o) => endOf(o).readable());
      const writable = lists[1]!.filter((o) => !endOf(o).closed);
      for (const o of lists[2]!) endOf(o);
      if (readable.length > 0 || writable.length > 0) return newTuple([new PyList(readable), new PyList(writable), new PyList([])]);
      // nothing is ready and, with one thread, nothing can become ready: the timeout passes
      if (seconds === Infinity) raise(valueErrorType, 'tspyc: select() would block forever (nothing can become ready)');
      sleepMs(seconds * 1000);
      return newTuple([new PyList([]), new PyList([]), new PyList([])]);
    }),
  );
  return m;
}
