// range's and slice's methods. CPython counterpart: Objects/rangeobject.c, Objects/sliceobject.c.
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject } from './object.js';
import { PyInt, newInt, pyBool, intFromNumber } from './int.js';
import { newStr } from './str.js';
import { newTuple } from './tuple.js';
import { PyRange, rangeFromNumbers, rangeType } from './range.js';
import { PySlice, sliceIndices, sliceType } from './slice.js';
import { checkArity, defMethod } from './native.js';
import { defGetSet, defReadonlyMember } from './descr.js';
import { PyNativeIter, longRangeIteratorType, rangeIteratorType } from './iterators.js';
import { indexErrorType, overflowErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { asIndex } from '../protocols/number.js';
import { repr } from '../protocols/repr.js';
import { pyEq, richCompareBool, CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE } from '../protocols/compare.js';
import { getIter } from '../protocols/iter.js';
import { tupleHash } from '../protocols/hash.js';

function rangeArg(o: PyObject): bigint {
  if (o instanceof PyInt) return o.value;
  if (o.type.lookup('__index__') === undefined) raise(typeErrorType, `'${o.type.name}' object cannot be interpreted as an integer`);
  return asIndex(o);
}

function rangeContains(r: PyRange, v: bigint): boolean {
  if (r.step > 0n ? v < r.start || v >= r.stop : v > r.start || v <= r.stop) return false;
  return (v - r.start) % r.step === 0n;
}

/** range_vectorcall's common case: one to three ints held as numbers, no keywords. */
function rangeVectorcall(args: PyObject[], kw: ReadonlyMap<string, PyObject> | null): PyObject | null {
  if (kw !== null && kw.size > 0) return null;
  const n = args.length;
  if (n < 1 || n > 3) return null;
  for (let i = 0; i < n; i++) if (!(args[i] instanceof PyInt)) return null;
  if (n === 1) return rangeFromNumbers(0, (args[0] as PyInt).num, 1);
  const step = n === 3 ? (args[2] as PyInt).num : 1;
  if (step === 0) return null;
  return rangeFromNumbers((args[0] as PyInt).num, (args[1] as PyInt).num, step);
}

export function initRange(): void {
  const t = rangeType;
  t.vectorcall = rangeVectorcall;
  defMethod(t, '__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) raise(typeErrorType, 'range() takes no keyword arguments');
    const args = a.slice(1);
    if (args.length === 0) raise(typeErrorType, 'range expected at least 1 argument, got 0');
    if (args.length > 3) raise(typeErrorType, `range expected at most 3 arguments, got ${args.length}`);
    if (args.length === 1) return new PyRange(0n, rangeArg(args[0]!), 1n);
    const step = args.length === 3 ? rangeArg(args[2]!) : 1n;
    if (step === 0n) raise(valueErrorType, 'range() arg 3 must not be zero');
    return new PyRange(rangeArg(args[0]!), rangeArg(args[1]!), step);
  });
  defMethod(t, '__repr__', (a) => {
    const r = a[0] as PyRange;
    return newStr(r.step === 1n ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`);
  });
  // range_length: PyLong_AsSsize_t of the length, so a huge range has no len()
  defMethod(t, '__len__', (a) => {
    const n = (a[0] as PyRange).length;
    if (n > 0x7fffffffffffffffn) raise(overflowErrorType, 'Python int too large to convert to C ssize_t');
    return newInt(n);
  });
  defMethod(t, '__bool__', (a) => pyBool((a[0] as PyRange).length > 0n));
  defMethod(t, '__iter__', (a) => {
    const r = a[0] as PyRange;
    if (r.length <= 2n ** 53n && r.start >= -(2n ** 53n) && r.stop <= 2n ** 53n) return getIter(r);
    let i = 0n;
    return new PyNativeIter(longRangeIteratorType, () => (i < r.length ? newInt(r.item(i++)) : null), () => Number(r.length - i));
  });
  defMethod(t, '__reversed__', (a) => {
    const r = a[0] as PyRange;
    let i = r.length - 1n;
    return new PyNativeIter(rangeIteratorType, () => (i >= 0n ? newInt(r.item(i--)) : null));
  });
  defMethod(t, '__contains__', (a) => {
    const r = a[0] as PyRange;
    const v = a[1]!;
    if (v instanceof PyInt && v.type.solid === v.type) return pyBool(rangeContains(r, v.value));
    for (let i = 0n; i < r.length; i++) if (pyEq(newInt(r.item(i)), v)) return pyBool(true);
    return pyBool(false);
  });
  defMethod(t, '__getitem__', (a) => {
    const r = a[0] as PyRange;
    const k = a[1]!;
    if (k instanceof PySlice) {
      // compute_slice: the slice's indices mapped through the range
      const [start, stop, step] = sliceIndices(k, Number(r.length));
      return new PyRange(r.start + BigInt(start) * r.step, r.start + BigInt(stop) * r.step, r.step * BigInt(step));
    }
    if (!(k instanceof PyInt) && k.type.lookup('__index__') === undefined) {
      raise(typeErrorType, `range indices must be integers or slices, not ${k.type.name}`);
    }
    let i = asIndex(k);
    if (i < 0n) i += r.length;
    if (i < 0n || i >= r.length) raise(indexErrorType, 'range object index out of range');
    return newInt(r.item(i));
  });
  defMethod(t, '__eq__', (a) => {
    const x = a[0] as PyRange;
    const y = a[1]!;
    if (!(y instanceof PyRange)) return NotImplemented;
    if (x.length !== y.length) return pyBool(false);
    if (x.length === 0n) return pyBool(true);
    if (x.start !== y.start) return pyBool(false);
    return pyBool(x.length === 1n || x.step === y.step);
  });
  defMethod(t, '__hash__', (a) => {
    const r = a[0] as PyRange;
    const items = r.length === 0n ? [newInt(0n), None, None] : r.length === 1n ? [newInt(1n), newInt(r.start), None] : [newInt(r.length), newInt(r.start), newInt(r.step)];
    return new PyInt(tupleHash(items));
  });
  defMethod(t, 'count', (a) => {
    checkArity('range', 'count', a.length - 1, 1, 1);
    const v = a[1]!;
    return intFromNumber(v instanceof PyInt && rangeContains(a[0] as PyRange, v.value) ? 1 : 0);
  });
  defMethod(t, 'index', (a) => {
    checkArity('range', 'index', a.length - 1, 1, 1);
    const r = a[0] as PyRange;
    const v = a[1]!;
    if (v instanceof PyInt && rangeContains(r, v.value)) return newInt((v.value - r.start) / r.step);
    raise(valueErrorType, `${repr(v)} is not in range`);
  });
  defGetSet(t, 'start', (o) => newInt((o as PyRange).start));
  defGetSet(t, 'stop', (o) => newInt((o as PyRange).stop));
  defGetSet(t, 'step', (o) => newInt((o as PyRange).step));

  const s = sliceType;
  defMethod(s, '__new__', (a, kw) => {
    const args = a.slice(1);
    if (kw && kw.size > 0) raise(typeErrorType, 'slice() takes no keyword arguments');
    if (args.length === 0) raise(typeErrorType, 'slice expected at least 1 argument, got 0');
    if (args.length > 3) raise(typeErrorType, `slice expected at most 3 arguments, got ${args.length}`);
    if (args.length === 1) return new PySlice(None, args[0]!, None);
    return new PySlice(args[0]!, args[1]!, args[2] ?? None);
  });
  defMethod(s, '__repr__', (a) => {
    const x = a[0] as PySlice;
    return newStr(`slice(${repr(x.start)}, ${repr(x.stop)}, ${repr(x.step)})`);
  });
  defMethod(s, '__eq__', (a) => {
    const x = a[0] as PySlice;
    const y = a[1]!;
    if (!(y instanceof PySlice)) return NotImplemented;
    return pyBool(richCompareBool(newTuple([x.start, x.stop, x.step]), newTuple([y.start, y.stop, y.step]), CMP_EQ));
  });
  const sliceCompare = (op: number) => (a: PyObject[]) => {
    const x = a[0] as PySlice;
    const y = a[1]!;
    if (!(y instanceof PySlice)) return NotImplemented;
    return pyBool(richCompareBool(newTuple([x.start, x.stop, x.step]), newTuple([y.start, y.stop, y.step]), op));
  };
  defMethod(s, '__ne__', sliceCompare(CMP_NE));
  defMethod(s, '__lt__', sliceCompare(CMP_LT));
  defMethod(s, '__le__', sliceCompare(CMP_LE));
  defMethod(s, '__gt__', sliceCompare(CMP_GT));
  defMethod(s, '__ge__', sliceCompare(CMP_GE));
  defMethod(s, 'indices', (a) => {
    const n = asIndex(a[1]!);
    if (n < 0n) raise(valueErrorType, 'length should not be negative');
    const [start, stop, step] = sliceIndices(a[0] as PySlice, Number(n));
    return newTuple([intFromNumber(start), intFromNumber(stop), intFromNumber(step)]);
  });
  s.attrs.set('__hash__', None);
  defReadonlyMember(s, 'start', (o) => (o as PySlice).start);
  defReadonlyMember(s, 'stop', (o) => (o as PySlice).stop);
  defReadonlyMember(s, 'step', (o) => (o as PySlice).step);
}
