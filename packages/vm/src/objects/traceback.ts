// Traceback entries. CPython counterpart: Python/traceback.c (PyTraceBack_Here, tb_printinternal).
import { builtinType, PyObject } from './object.js';
import type { Frame } from '../eval/frame.js';

export const tracebackType = builtinType('traceback', undefined, 0);

export class PyTraceback extends PyObject {
  readonly next: PyTraceback | null;
  readonly frame: Frame;
  readonly lasti: number;
  constructor(next: PyTraceback | null, frame: Frame, lasti: number) {
    super(tracebackType);
    this.next = next;
    this.frame = frame;
    this.lasti = lasti;
  }
  get lineno(): number | null {
    return this.frame.code.lineOf(this.lasti);
  }
}
