// range. CPython counterpart: Objects/rangeobject.c.
import { builtinType, TPFLAGS_SEQUENCE, PyObject } from './object.js';

export const rangeType = builtinType('range', undefined, TPFLAGS_SEQUENCE);

export class PyRange extends PyObject {
  readonly start: bigint;
  readonly stop: bigint;
  readonly step: bigint;
  readonly length: bigint;
  constructor(start: bigint, stop: bigint, step: bigint, length?: bigint) {
    super(rangeType);
    this.start = start;
    this.stop = stop;
    this.step = step;
    if (length !== undefined) {
      this.length = length;
      return;
    }
    let n = 0n;
    if (step > 0n && start < stop) n = (stop - start - 1n) / step + 1n;
    else if (step < 0n && start > stop) n = (start - stop - 1n) / -step + 1n;
    this.length = n;
  }
  item(i: bigint): bigint {
    return this.start + i * this.step;
  }
}

const TWO_52 = 2 ** 52;

/**
 * range(start, stop, step) for ints held as JS numbers (step not 0), its length computed on
 * numbers; null when an argument is beyond 2**52 (then differences might not be exact).
 */
export function rangeFromNumbers(start: number, stop: number, step: number): PyRange | null {
  if (!(start >= -TWO_52 && start <= TWO_52 && stop >= -TWO_52 && stop <= TWO_52 && step >= -TWO_52 && step <= TWO_52)) return null;
  let n = 0;
  if (step > 0 && start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  else if (step < 0 && start > stop) n = Math.floor((start - stop - 1) / -step) + 1;
  return new PyRange(BigInt(start), BigInt(stop), BigInt(step), BigInt(n));
}
