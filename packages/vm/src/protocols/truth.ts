// Truth testing. CPython counterpart: Objects/object.c (PyObject_IsTrue).
import { raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { PyInt, True, False } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { PyTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { typeErrorType } from '../objects/exception-types.js';
import { callSpecial } from './call.js';
import { len } from './sequence.js';

export function isTrue(o: PyObject): boolean {
  if (o === True) return true;
  if (o === False || o === None) return false;
  const t = o.type;
  if (t.solid === t) {
    if (o instanceof PyInt) return o.num !== 0;
    if (o instanceof PyStr) return o.value.length !== 0;
    if (o instanceof PyList || o instanceof PyTuple) return o.items.length !== 0;
    if (o instanceof PyDict) return o.size !== 0;
    if (o instanceof PyFloat) return o.value !== 0;
  }
  const b = t.lookup('__bool__');
  if (b !== undefined) {
    const r = callSpecial(b, o, []);
    if (r === True) return true;
    if (r === False) return false;
    raise(typeErrorType, `__bool__ should return bool, returned ${r.type.name}`);
  }
  const l = t.lookup('__len__');
  if (l !== undefined) {
    return len(o) !== 0;
  }
  return true;
}
