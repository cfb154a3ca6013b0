// Iteration. CPython counterpart: Objects/abstract.c (PyObject_GetIter, PyIter_Next).
import { raise, PyError } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { PyList, listType } from '../objects/list.js';
import { PyTuple, tupleType } from '../objects/tuple.js';
import { PyRange } from '../objects/range.js';
import { PyStr } from '../objects/str.js';
import { PyDict } from '../objects/dict.js';
import { PySet } from '../objects/set.js';
import { PyGenerator } from '../objects/generator.js';
import { PyFunction } from '../objects/function.js';
import {
  listIteratorType,
  longRangeIteratorType,
  PyArrayIter,
  PyNativeIter,
  PyRangeIter,
  seqIteratorType,
  tupleIteratorType,
} from '../objects/iterators.js';
import { indexErrorType, stopIterationType, typeErrorType, PyBaseException } from '../objects/exception-types.js';
import { callSpecial } from './call.js';
import { intFromNumber, newInt } from '../objects/int.js';
import { genResume } from '../eval/ceval.js';

const TWO_53 = 2n ** 53n;
/** an exhausted list/tuple iterator's index: past any array, and a small integer (a Smi) for V8 */
export const EXHAUSTED_INDEX = 0x3fffffff;

/** PyObject_GetIter */
export function getIter(o: PyObject): PyObject {
  const t = o.type;
  if (t === listType) return new PyArrayIter(o as PyList, listIteratorType);
  if (t === tupleType) return new PyArrayIter(o as PyTuple, tupleIteratorType);
  if (o instanceof PyRange && o.length <= TWO_53 && o.start >= -TWO_53 && o.stop <= TWO_53) {
    return new PyRangeIter(Number(o.start), Number(o.step), Number(o.length));
  }
  if (o instanceof PyRange) {
    // beyond the fast iterator's range: CPython's longrange_iterator, on bigints
    let i = 0n;
    return new PyNativeIter(longRangeIteratorType, () => (i < o.length ? newInt(o.item(i++)) : null));
  }
  const m = t.lookup('__iter__');
  if (m !== undefined && m !== None) {
    const it = callSpecial(m, o, []);
    if (t.solid !== t && it.type.lookup('__next__') === undefined) {
      raise(typeErrorType, `iter() returned non-iterator of type '${it.type.name}'`);
    }
    return it;
  }
  const gi = m === undefined ? t.lookup('__getitem__') : undefined;
  if (gi !== undefined) {
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => {
      try {
        return callSpecial(gi, o, [intFromNumber(i++)]);
      } catch (e) {
        if (e instanceof PyError && (e.exc.type.isSubtype(indexErrorType) || e.exc.type.isSubtype(stopIterationType))) return null;
        throw e;
      }
    });
  }
  raise(typeErrorType, `'${t.name}' object is not iterable`);
}

/** PyIter_Next: the next item, or null when the iterator is exhausted. */
export function iterNext(it: PyObject): PyObject | null {
  if (it instanceof PyArrayIter) {
    const items = it.owner.items;
    if (it.index < items.length) return items[it.index++]!;
    it.index = EXHAUSTED_INDEX;
    return null;
  }
  if (it instanceof PyRangeIter) {
    if (it.remaining <= 0) return null;
    it.remaining--;
    const v = it.next;
    it.next += it.step;
    return intFromNumber(v);
  }
  if (it instanceof PyNativeIter) return it.step();
  if (it instanceof PyGenerator) {
    const v = genResume(it, None, null);
    return it.finished ? null : v;
  }
  const m = it.type.lookup('__next__');
  if (m === undefined) raise(typeErrorType, `'${it.type.name}' object is not an iterator`);
  try {
    return callSpecial(m, it, []);
  } catch (e) {
    if (e instanceof PyError && e.exc.type.isSubtype(stopIterationType)) return null;
    throw e;
  }
}

/** Every item of an iterable, as an array. */
export function toArray(o: PyObject): PyObject[] {
  if (o.type === listType || o.type === tupleType) return (o as PyList).items.slice();
  if (o instanceof PyDict && o.type.solid === o.type) return o.keyList();
  if (o instanceof PySet && o.type.solid === o.type) return o.items();
  const it = getIter(o);
  if (it instanceof PyRangeIter && it.remaining <= 0x1000000) {
    // a range of safe ints (set.update(range(...)), list(range(...))): no per-item dispatch
    const out = new Array<PyObject>(it.remaining);
    let v = it.next;
    for (let i = 0; i < out.length; i++) {
      out[i] = intFromNumber(v);
      v += it.step;
    }
    it.next = v;
    it.remaining = 0;
    return out;
  }
  const out: PyObject[] = [];
  for (let v = iterNext(it); v !== null; v = iterNext(it)) out.push(v);
  return out;
}

/**
 * list(o) / list.extend(o) / sorted(o): toArray, with CPython's PyObject_LengthHint after the
 * iterator is made — a Python-level __len__ is called (its value only presizes the list).
 */
export function toArrayWithHint(o: PyObject): PyObject[] {
  if (o.type === listType || o.type === tupleType) return (o as PyList).items.slice();
  const lenFn = o.type.lookup('__len__');
  if (!(lenFn instanceof PyFunction)) return toArray(o);
  const it = getIter(o);
  try {
    callSpecial(lenFn, o, []);
  } catch (e) {
    if (!(e instanceof PyError && e.exc.type.isSubtype(typeErrorType))) throw e;
  }
  const out: PyObject[] = [];
  for (let v = iterNext(it); v !== null; v = iterNext(it)) out.push(v);
  return out;
}

/** The value a StopIteration carries (its first argument, or None). */
export function stopIterationValue(e: PyBaseException): PyObject {
  return e.args.length > 0 ? e.args[0]! : None;
}

export function isStr(o: PyObject): o is PyStr {
  return o instanceof PyStr;
}
