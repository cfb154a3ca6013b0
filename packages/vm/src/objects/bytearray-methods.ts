// bytearray's own methods: construction, repr, and the mutating ones. CPython counterpart:
// Objects/bytearrayobject.c.
import { PyStr } from './str.js';
import { raise } from '../errors.js';
import { None, PyObject, PyType } from './object.js';
import { PyInt, intFromNumber } from './int.js';
import { newStr } from './str.js';
import { PyByteArray, byteArrayType, bytesLike } from './bytes.js';
import { PySlice, sliceIndices } from './slice.js';
import { checkArity, defMethod } from './native.js';
import { indexErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { bytesArgs, bytesFromObject, byteValue } from './bytes-methods.js';
import { bytesRepr } from '@tspyc/bytecode';
import { asIndex, asJsIndex, indexOrTypeError } from '../protocols/number.js';

function ba(o: PyObject): number[] {
  if (!(o instanceof PyByteArray)) raise(typeErrorType, `descriptor requires a 'bytearray' object but received a '${o.type.name}'`);
  return o.data;
}

function normIndex(i: number, n: number, what: string): number {
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(indexErrorType, what);
  return i;
}

export function initByteArray(): void {
  const t = byteArrayType;
  defMethod(t, '__new__', (a) => new PyByteArray([], a[0] as PyType));
  defMethod(t, '__init__', (a, kw) => {
    ba(a[0]!).splice(0, Infinity, ...bytesArgs(a, kw, 'bytearray'));
    return None;
  });
  defMethod(t, '__repr__', (a) => {
    const name = a[0]!.type.name;
    return newStr(`${name}(${bytesRepr(bytesLike(a[0]!)!)})`);
  });
  defMethod(t, '__str__', (a) => newStr(`bytearray(${bytesRepr(bytesLike(a[0]!)!)})`));
  t.setAttr('__hash__', None);
  defMethod(t, '__setitem__', (a) => {
    const d = ba(a[0]!);
    if (a[1] instanceof PySlice) {
      const src = a[2]!;
      const vals = src instanceof PyInt || src instanceof PyStr ? raise(typeErrorType, 'can assign only bytes, buffers, or iterables of ints in range(0, 256)') : bytesFromObject(src, 'bytearray');
      const [start, stop, step, n] = sliceIndices(a[1], d.length);
      if (step === 1) d.splice(start, Math.max(0, stop - start), ...vals);
      else {
        if (vals.length !== n) raise(valueErrorType, `attempt to assign bytes of size ${vals.length} to extended slice of size ${n}`);
        for (let i = 0, j = start; i < n; i++, j += step) d[j] = vals[i]!;
      }
      return None;
    }
    const i = normIndex(indexOrTypeError(a[1]!, 'bytearray'), d.length, 'bytearray index out of range');
    d[i] = byteValue(a[2]!);
    return None;
  });
  defMethod(t, '__delitem__', (a) => {
    const d = ba(a[0]!);
    if (a[1] instanceof PySlice) {
      const [start, , step, n] = sliceIndices(a[1], d.length);
      const drop = new Set<number>();
      for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
      const keep = d.filter((_, i) => !drop.has(i));
      d.splice(0, Infinity, ...keep);
      return None;
    }
    d.splice(normIndex(indexOrTypeError(a[1]!, 'bytearray'), d.length, 'bytearray index out of range'), 1);
    return None;
  });
  defMethod(t, '__iadd__', (a) => {
    const y = bytesLike(a[1]!);
    if (y === null) raise(typeErrorType, `can't concat ${a[1]!.type.name} to bytearray`);
    ba(a[0]!).push(...y);
    return a[0]!;
  });
  defMethod(t, '__imul__', (a) => {
    const d = ba(a[0]!);
    const n = Number(asIndex(a[1]!));
    const copy = d.slice();
    d.length = 0;
    for (let i = 0; i < n; i++) d.push(...copy);
    return a[0]!;
  });
  defMethod(t, 'append', (a) => {
    checkArity('bytearray', 'append', a.length - 1, 1, 1);
    ba(a[0]!).push(byteValue(a[1]!));
    return None;
  });
  defMethod(t, 'extend', (a) => {
    checkArity('bytearray', 'extend', a.length - 1, 1, 1);
    const src = a[1]!;
    if (src instanceof PyInt) raise(typeErrorType, `can't extend bytearray with int`);
    ba(a[0]!).push(...bytesFromObject(src, 'bytearray'));
    return None;
  });
  defMethod(t, 'insert', (a) => {
    checkArity('bytearray', 'insert', a.length - 1, 2, 2);
    const d = ba(a[0]!);
    let i = asJsIndex(a[1]!);
    if (i < 0) i = Math.max(0, i + d.length);
    d.splice(Math.min(i, d.length), 0, byteValue(a[2]!));
    return None;
  });
  defMethod(t, 'pop', (a) => {
    const d = ba(a[0]!);
    if (d.length === 0) raise(indexErrorType, 'pop from empty bytearray');
    const i = normIndex(a[1] === undefined ? -1 : asJsIndex(a[1]), d.length, 'pop index out of range');
    return intFromNumber(d.splice(i, 1)[0]!);
  });
  defMethod(t, 'remove', (a) => {
    checkArity('bytearray', 'remove', a.length - 1, 1, 1);
    const d = ba(a[0]!);
    const i = d.indexOf(byteValue(a[1]!));
    if (i < 0) raise(valueErrorType, 'value not found in bytearray');
    d.splice(i, 1);
    return None;
  });
  defMethod(t, 'clear', (a) => {
    ba(a[0]!).length = 0;
    return None;
  });
  defMethod(t, 'copy', (a) => new PyByteArray(ba(a[0]!).slice()));
  defMethod(t, 'reverse', (a) => {
    ba(a[0]!).reverse();
    return None;
  });
  defMethod(t, '__alloc__', (a) => intFromNumber(ba(a[0]!).length + 1));
}
