// Subscription, len() and `in`. CPython counterpart: Objects/abstract.c (PyObject_GetItem,
// PyObject_SetItem, PyObject_DelItem, PyObject_Size, PySequence_Contains).
import { raise } from '../errors.js';
import { None, PyObject, PyType } from '../objects/object.js';
import { PyList, listType } from '../objects/list.js';
import { listAssSlice } from '../objects/list-methods.js';
import { PySlice, sliceArray } from '../objects/slice.js';
import { PyTuple, tupleType } from '../objects/tuple.js';
import { PyDict, dictType } from '../objects/dict.js';
import { PyStr, strType } from '../objects/str.js';
import { PySet } from '../objects/set.js';
import { PyInt, intFromNumber, intNumber, intType } from '../objects/int.js';
import { indexErrorType, keyErrorType, overflowErrorType, typeErrorType, valueErrorType, PyBaseException } from '../objects/exception-types.js';
import { isTrue } from './truth.js';
import { PyError } from '../errors.js';
import { callSpecial, callObject } from './call.js';
import { getIter, iterNext } from './iter.js';
import { pyEq } from './compare.js';
import { descrGet } from './getattr.js';
import { asIndex } from './number.js';
import { PyBuiltin } from '../objects/native.js';
import { newException } from '../errors.js';

export function keyError(key: PyObject): never {
  const e = newException(keyErrorType, null) as PyBaseException;
  e.args = [key];
  throw new PyError(e);
}

/** PyObject_GetItem */
export function getItem(o: PyObject, key: PyObject): PyObject {
  const t = o.type;
  if (t === listType && key instanceof PyInt) {
    const items = (o as PyList).items;
    let i = intNumber(key);
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) raise(indexErrorType, 'list index out of range');
    return items[i]!;
  }
  if (t === listType && key instanceof PySlice) return new PyList(sliceArray((o as PyList).items, key));
  if (t === tupleType && key instanceof PyInt) {
    const items = (o as PyTuple).items;
    let i = intNumber(key);
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) raise(indexErrorType, 'tuple index out of range');
    return items[i]!;
  }
  if (t === dictType) {
    const v = (o as PyDict).get(key);
    if (v === undefined) keyError(key);
    return v;
  }
  const m = t.lookup('__getitem__');
  if (m !== undefined) return callSpecial(m, o, [key]);
  if (o instanceof PyType) {
    const cg = o.lookup('__class_getitem__');
    if (cg !== undefined) return callObject(descrGet(cg, null, o), [key], null);
    raise(typeErrorType, `type '${o.name}' is not subscriptable`);
  }
  raise(typeErrorType, `'${t.name}' object is not subscriptable`);
}

export function setItem(o: PyObject, key: PyObject, value: PyObject): void {
  const t = o.type;
  if (t === listType && key instanceof PyInt) {
    const items = (o as PyList).items;
    let i = intNumber(key);
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) raise(indexErrorType, 'list assignment index out of range');
    items[i] = value;
    return;
  }
  if (t === listType && key instanceof PySlice) {
    listAssSlice(o as PyList, key, value);
    return;
  }
  if (t === dictType) {
    (o as PyDict).set(key, value);
    return;
  }
  const m = t.lookup('__setitem__');
  if (m === undefined) raise(typeErrorType, `'${t.name}' object does not support item assignment`);
  callSpecial(m, o, [key, value]);
}

export function delItem(o: PyObject, key: PyObject): void {
  if (o.type === listType && key.type === intType) {
    // del a[i] on an exact list (a negative or out-of-range index too)
    const items = (o as PyList).items;
    let i = (key as PyInt).num;
    if (i < 0) i += items.length;
    if (i >= 0 && i < items.length) {
      // shift the tail down by one and drop the last slot (splice would build a result array)
      for (let j = i + 1; j < items.length; j++) items[j - 1] = items[j]!;
      items.pop();
      return;
    }
    if (i === i) raise(indexErrorType, 'list assignment index out of range');
  }
  const m = o.type.lookup('__delitem__');
  if (m === undefined) raise(typeErrorType, `'${o.type.name}' object doesn't support item deletion`);
  callSpecial(m, o, [key]);
}

/** len() as a JS number. */
export function len(o: PyObject): number {
  const t = o.type;
  if (t.solid === t) {
    if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
    if (o instanceof PyStr) return o.length;
    if (o instanceof PyDict) return o.size;
    if (o instanceof PySet) return o.size;
  }
  const m = t.lookup('__len__');
  if (m === undefined) raise(typeErrorType, `object of type '${t.name}' has no len()`);
  // slot_sq_length: PyNumber_Index of the result, then the sign and ssize_t checks
  const v = asIndex(callSpecial(m, o, []));
  if (v < 0n) raise(valueErrorType, '__len__() should return >= 0');
  if (v > 0x7fffffffffffffffn) {
    // a native sq_length (range) overflows in PyLong_AsSsize_t; a Python __len__ in slot_sq_length
    raise(overflowErrorType, m instanceof PyBuiltin ? 'Python int too large to convert to C ssize_t' : "cannot fit 'int' into an index-sized integer");
  }
  return Number(v);
}


export function lenObj(o: PyObject): PyObject {
  return intFromNumber(len(o));
}

/** PySequence_Contains: `item in container`. */
export function contains(container: PyObject, item: PyObject): boolean {
  const t = container.type;
  if (t === dictType) return (container as PyDict).find(item) >= 0;
  if (t === strType && item instanceof PyStr) return (container as PyStr).value.includes(item.value);
  if (t === listType || t === tupleType) {
    const items = (container as PyList).items;
    for (let i = 0; i < items.length; i++) if (items[i] === item || pyEq(items[i]!, item)) return true;
    return false;
  }
  const m = t.lookup('__contains__');
  if (m !== undefined) {
    if (m === None) raise(typeErrorType, `'${t.name}' object is not a container`);
    const r = callSpecial(m, container, [item]);
    return r instanceof PyInt ? r.value !== 0n : isTrue(r);
  }
  if (t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined) {
    raise(typeErrorType, `argument of type '${t.name}' is not iterable`);
  }
  const it = getIter(container);
  for (let v = iterNext(it); v !== null; v = iterNext(it)) if (v === item || pyEq(v, item)) return true;
  return false;
}

