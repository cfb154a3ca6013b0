// __iter__/__next__ of the native iterators, and the iterator types the builtins module exposes
// (enumerate, zip, map, filter, reversed). CPython counterpart: Objects/enumobject.c,
// Python/bltinmodule.c (map_new, filter_new, zip_new), Objects/iterobject.c.
import { raise, PyError, newException } from '../errors.js';
import { None, NotImplemented, PyObject, PyType } from './object.js';
import { PyDict } from './dict.js';
import { PyInt, newInt, False } from './int.js';
import { newTuple } from './tuple.js';
import { defMethod, type Kwargs } from './native.js';
import {
  PyNativeIter,
  enumerateType,
  zipType,
  mapType,
  filterType,
  reversedType,
  listIteratorType,
  tupleIteratorType,
  rangeIteratorType,
  longRangeIteratorType,
  strIteratorType,
  dictKeyIteratorType,
  dictValueIteratorType,
  dictItemIteratorType,
  setIteratorType,
  seqIteratorType,
  callableIteratorType,
  listReverseIteratorType,
  PyArrayIter,
  PyRangeIter,
} from './iterators.js';
import { stopIterationType, typeErrorType, valueErrorType } from './exception-types.js';
import { getIter, iterNext } from '../protocols/iter.js';
import { callObject, callSpecial } from '../protocols/call.js';
import { isTrue } from '../protocols/truth.js';
import { asIndex } from '../protocols/number.js';
import { len } from '../protocols/sequence.js';
import { lookupSpecial } from '../protocols/getattr.js';
import { intFromNumber } from './int.js';
import { PyReversedIter } from './reversed-iter.js';

function next(it: PyObject): PyObject {
  const v = iterNext(it);
  if (v === null) throw new PyError(newException(stopIterationType, null));
  return v;
}

function iterable(o: PyObject, what: string): PyObject {
  if (o.type.lookup('__iter__') === undefined && o.type.lookup('__getitem__') === undefined) {
    raise(typeErrorType, `'${o.type.name}' object is not iterable`);
  }
  void what;
  return getIter(o);
}

/** __iter__ and __next__ for a type whose instances are PyNativeIters (the native modules' iterators). */
export function defIteratorMethods(t: PyType): void {
  defMethod(t, '__iter__', (a) => a[0]!);
  defMethod(t, '__next__', (a) => next(a[0]!));
}

export function initIterators(): void {
  for (const t of [
    listIteratorType, tupleIteratorType, rangeIteratorType, longRangeIteratorType, strIteratorType, dictKeyIteratorType,
    dictValueIteratorType, dictItemIteratorType, setIteratorType, seqIteratorType, callableIteratorType,
    enumerateType, zipType, mapType, filterType, reversedType, listReverseIteratorType,
  ]) {
    defIteratorMethods(t);
  }
  for (const t of [listIteratorType, tupleIteratorType, rangeIteratorType, longRangeIteratorType, listReverseIteratorType, reversedType]) {
    defMethod(t, '__length_hint__', (a) => {
      const it = a[0]!;
      if (it instanceof PyArrayIter) return intFromNumber(Math.max(0, it.owner.items.length - it.index));
      if (it instanceof PyRangeIter) return intFromNumber(Math.max(0, it.remaining));
      if (it instanceof PyNativeIter && it.hint) return intFromNumber(it.hint());
      return NotImplemented;
    });
  }
  defMethod(longRangeIteratorType, '__iter__', (a) => a[0]!);
  defMethod(longRangeIteratorType, '__next__', (a) => next(a[0]!));
  defMethod(enumerateType, '__new__', (a: PyObject[], kw: Kwargs | null) => {
    const src = a[1] ?? kw?.get('iterable');
    if (src === undefined) raise(typeErrorType, "enumerate() missing required argument 'iterable'");
    const it = iterable(src, 'enumerate');
    const startArg = a[2] ?? kw?.get('start');
    let i = startArg === undefined ? 0n : asIndex(startArg);
    return new PyNativeIter(a[0] as PyType, () => {
      const v = iterNext(it);
      if (v === null) return null;
      return newTuple([newInt(i++), v]);
    });
  });
  defMethod(zipType, '__new__', (a, kw) => {
    const its = a.slice(1).map((o) => getIter(o));
    const strict = kw?.get('strict');
    const isStrict = strict !== undefined && isTrue(strict);
    let done = false;
    return new PyNativeIter(a[0] as PyType, () => {
      if (done || its.length === 0) return null;
      const out: PyObject[] = [];
      for (let i = 0; i < its.length; i++) {
        const v = iterNext(its[i]!);
        if (v === null) {
          done = true;
          if (isStrict) {
            if (i > 0) raise(valueErrorType, `zip() argument ${i + 1} is shorter than argument${i > 1 ? 's' : ''} 1${i > 1 ? `-${i}` : ''}`);
            for (let j = 1; j < its.length; j++) {
              if (iterNext(its[j]!) !== null) raise(valueErrorType, `zip() argument ${j + 1} is longer than argument${j > 1 ? 's' : ''} 1${j > 1 ? `-${j}` : ''}`);
            }
          }
          return null;
        }
        out.push(v);
      }
      return newTuple(out);
    });
  });
  defMethod(mapType, '__new__', (a) => {
    if (a.length < 3) raise(typeErrorType, 'map() must have at least two arguments.');
    const f = a[1]!;
    const its = a.slice(2).map((o) => iterable(o, 'map'));
    return new PyNativeIter(a[0] as PyType, () => {
      const args: PyObject[] = [];
      for (const it of its) {
        const v = iterNext(it);
        if (v === null) return null;
        args.push(v);
      }
      return callObject(f, args, null);
    });
  });
  defMethod(filterType, '__new__', (a, kw) => {
    if (kw && kw.size > 0 && (a[0] as PyType).lookup('__init__') === filterType.lookup('__init__')) raise(typeErrorType, 'filter() takes no keyword arguments');
    if (a.length !== 3) raise(typeErrorType, `filter expected 2 arguments, got ${a.length - 1}`);
    const f = a[1]!;
    const it = iterable(a[2]!, 'filter');
    return new PyNativeIter(a[0] as PyType, () => {
      for (;;) {
        const v = iterNext(it);
        if (v === null) return null;
        const keep = f === None ? isTrue(v) : isTrue(callObject(f, [v], null));
        if (keep) return v;
      }
    });
  });
  defMethod(reversedType, '__new__', (a, kw) => {
    if (kw && kw.size > 0) raise(typeErrorType, 'reversed() takes no keyword arguments');
    if (a.length !== 2) raise(typeErrorType, `reversed expected 1 argument, got ${a.length - 1}`);
    const seq = a[1]!;
    const rev = lookupSpecial(seq, '__reversed__');
    if (rev === None) raise(typeErrorType, `'${seq.type.name}' object is not reversible`);
    if (rev !== undefined) return callObject(rev, [], null);
    // PySequence_Check, then PySequence_Size (whose own error names a missing __len__)
    if (seq.type.lookup('__getitem__') === undefined || seq instanceof PyDict) {
      raise(typeErrorType, `'${seq.type.name}' object is not reversible`);
    }
    return new PyReversedIter(a[0] as PyType, seq, len(seq) - 1);
  });
  void PyInt;
  void False;
  void callSpecial;
}
