// range. CPython counterpart: Objects/rangeobject.c.
import { builtinType, TPFLAGS_SEQUENCE, PyObject } from './object.js';

export const rangeType = builtinType('range', undefined, TPFLAGS_SEQUENCE);

export class PyRange extends PyObject {
  readonly start: bigint;
  readonly stop: bigint;
  readonly step: bigint;
  readonly length: bigint;
  constructor(start: bigint, stop: bigint, step: bigint) {
    super(rangeType);
    this.start = start;
    this.stop = stop;
    this.step = step;
    let n = 0n;
    if (step > 0n && start < stop) n = (stop - start - 1n) / step + 1n;
    else if (step < 0n && start > stop) n = (start - stop - 1n) / -step + 1n;
    this.length = n;
  }
  item(i: bigint): bigint {
    return this.start + i * this.step;
  }
}
