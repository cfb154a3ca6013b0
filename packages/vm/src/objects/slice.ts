// slice. CPython counterpart: Objects/sliceobject.c (PySlice_Unpack, PySlice_AdjustIndices).
import { raise } from '../errors.js';
import { builtinType, None, PyObject } from './object.js';
import { typeErrorType, valueErrorType } from './exception-types.js';
import { asIndex } from '../protocols/number.js';
import { PyInt } from './int.js';

export const sliceType = builtinType('slice', undefined, 0);

export class PySlice extends PyObject {
  readonly start: PyObject;
  readonly stop: PyObject;
  readonly step: PyObject;
  constructor(start: PyObject, stop: PyObject, step: PyObject) {
    super(sliceType);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

/** A slice bound as a JS number, clamped to ±2**53 (beyond any sequence's length). */
function clampIdx(o: PyObject): number {
  if (o instanceof PyInt && o.num === o.num) return o.num; // a safe int: no bigint needed
  // _PyEval_SliceIndex's message for bounds that are neither ints, None nor __index__ objects
  if (!(o instanceof PyInt) && o.type.lookup('__index__') === undefined) {
    raise(typeErrorType, 'slice indices must be integers or None or have an __index__ method');
  }
  const v = asIndex(o);
  return v > 1n << 53n ? 2 ** 53 : v < -(1n << 53n) ? -(2 ** 53) : Number(v);
}

/** [start, stop, step, length] of the slice applied to a sequence of `length` items. */
export function sliceIndices(s: PySlice, length: number): [number, number, number, number] {
  let step = 1;
  if (s.step !== None) {
    step = clampIdx(s.step);
    if (step === 0) raise(valueErrorType, 'slice step cannot be zero');
  }
  let start: number;
  let stop: number;
  if (s.start === None) start = step < 0 ? length - 1 : 0;
  else {
    start = clampIdx(s.start);
    if (start < 0) {
      start += length;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= length) start = step < 0 ? length - 1 : length;
  }
  if (s.stop === None) stop = step < 0 ? -1 : length;
  else {
    stop = clampIdx(s.stop);
    if (stop < 0) {
      stop += length;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= length) stop = step < 0 ? length - 1 : length;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  return [start, stop, step, n];
}

/** The items of `items` selected by the slice. */
export function sliceArray<T>(items: readonly T[], s: PySlice): T[] {
  const [start, , step, n] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, start + n);
  const out: T[] = new Array(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = items[j]!;
  return out;
}
