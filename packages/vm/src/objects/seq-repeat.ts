// seq * n for list and tuple: the count through __index__, and a result too big to hold refused
// up front (CPython's failed allocation) rather than after pushing items for minutes.
// CPython counterpart: Objects/listobject.c (list_repeat, list_inplace_repeat),
// Objects/tupleobject.c (tuple_repeat), Objects/abstract.c (sequence_repeat).
import { raise } from '../errors.js';
import type { PyObject } from './object.js';
import { PyInt } from './int.js';
import { memoryErrorType, overflowErrorType } from './exception-types.js';
import { asIndex } from '../protocols/number.js';

/** the longest array JS can make */
const MAX_ITEMS = 2 ** 32 - 1;
const SSIZE_MAX = 0x7fffffffffffffffn;

/** PyNumber_AsSsize_t(n, OverflowError) for a repeat count, or null when `n` is no integer (NotImplemented). */
export function repeatCount(n: PyObject): number | null {
  if (!(n instanceof PyInt) && n.type.lookup('__index__') === undefined) return null;
  const v = asIndex(n);
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) raise(overflowErrorType, "cannot fit 'int' into an index-sized integer");
  return v < 0n ? 0 : Number(v);
}

/** `items` repeated `n` times; MemoryError when the result could not be allocated. */
export function repeatItems(items: readonly PyObject[], n: number): PyObject[] {
  if (items.length === 0 || n === 0) return [];
  if (items.length * n > MAX_ITEMS) raise(memoryErrorType, null);
  const out = new Array<PyObject>(items.length * n);
  for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < items.length; j++) out[k++] = items[j]!;
  return out;
}
