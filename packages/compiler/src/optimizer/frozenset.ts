// PyFrozenSet_New over the items of a constant tuple: equal items collapse onto the first one
// (1, 1.0 and True are equal), and the survivors iterate in CPython's hash-table order, computed
// with hash randomisation off (PYTHONHASHSEED=0), the only order that can be reproduced.
import { Kind, PyFrozenSet, setIterationOrder, strCodePoints, targetForVersion, type PyValue } from '@tspyc/bytecode';
import { intValue, isInt } from './number-protocol.js';

const TARGET = targetForVersion('3.11')!;

/** the value of a real number (a complex one with no imaginary part too); null for anything else */
function realOf(v: PyValue): number | bigint | null {
  if (isInt(v)) return intValue(v);
  if (v.kind === Kind.Float) return v.value;
  if (v.kind === Kind.Complex) return v.imag === 0 ? v.real : null;
  return null;
}

function realEquals(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === typeof b) return a === b;
  const f = typeof a === 'number' ? a : (b as number);
  const i = typeof a === 'number' ? (b as bigint) : a;
  return Number.isInteger(f) && BigInt(f) === i; // exact, as float_richcompare compares with an int
}

/** a == b for constants (the identity shortcut of PyObject_RichCompare included) */
export function constantEquals(a: PyValue, b: PyValue): boolean {
  if (a === b) return true;
  const ra = realOf(a);
  const rb = realOf(b);
  if (a.kind === Kind.Complex && b.kind === Kind.Complex) return a.real === b.real && a.imag === b.imag;
  if (ra !== null && rb !== null) return realEquals(ra, rb);
  if (a.kind === Kind.Str && b.kind === Kind.Str) {
    // the same UTF-16 may be one astral character or a split surrogate pair (two code points)
    if (a.utf8 === null && b.utf8 === null) return a.value === b.value;
    const x = strCodePoints(a);
    const y = strCodePoints(b);
    return x.length === y.length && x.every((c, i) => c === y[i]);
  }
  if (a.kind === Kind.Bytes && b.kind === Kind.Bytes) return a.value.length === b.value.length && a.value.every((x, i) => x === b.value[i]);
  if (a.kind === Kind.Tuple && b.kind === Kind.Tuple) return a.items.length === b.items.length && a.items.every((x, i) => constantEquals(x, b.items[i]!));
  return false;
}

export function makeFrozenSet(items: readonly PyValue[]): PyFrozenSet {
  const unique: PyValue[] = [];
  for (const item of items) if (!unique.some((u) => constantEquals(u, item))) unique.push(item);
  // hash(None) is an address in 3.11: no reproducible order, keep the source order then
  return new PyFrozenSet(setIterationOrder(unique, TARGET) ?? unique);
}
