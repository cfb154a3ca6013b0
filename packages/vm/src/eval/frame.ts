// An executing (or suspended) Python frame. CPython counterpart: Include/internal/pycore_frame.h
// (_PyInterpreterFrame) and Objects/frameobject.c.
import { PyObject } from '../objects/object.js';
import type { PyDict } from '../objects/dict.js';
import type { PyFunction } from '../objects/function.js';
import type { PyGenerator } from '../objects/generator.js';
import type { Code } from './code.js';

export const FRAME_CREATED = 0;
export const FRAME_SUSPENDED = 1;
export const FRAME_EXECUTING = 2;
export const FRAME_COMPLETED = 3;

export class Frame {
  readonly code: Code;
  readonly func: PyFunction | null;
  readonly globals: PyDict;
  readonly builtins: PyDict;
  /** f_locals for module and class bodies (CO_NEWLOCALS clear), else null: a dict or any mapping */
  readonly locals: PyObject | null;
  /** localsplus: locals, then cells, then free variables (indices 0 .. nlocalsplus - 1) */
  readonly fast: (PyObject | null)[];
  /** the value stack: the same array as `fast`, from index nlocalsplus up (one allocation per frame) */
  readonly stack: (PyObject | null)[];
  /** stack top (an index into `stack`, nlocalsplus when empty) while suspended */
  sp: number;
  /** next instruction (code unit) while suspended */
  ip: number;
  /** the instruction running or last run (code unit), -1 before the first */
  lasti: number;
  back: Frame | null;
  generator: PyGenerator | null;
  state: number;

  constructor(code: Code, func: PyFunction | null, globals: PyDict, builtins: PyDict, locals: PyObject | null) {
    this.code = code;
    this.func = func;
    this.globals = globals;
    this.builtins = builtins;
    this.locals = locals;
    // exactly sized (growing by push would over-allocate every frame)
    const nfast = code.nlocalsplus;
    const n = nfast + code.stacksize + 1;
    const fast = new Array<PyObject | null>(n);
    // locals start unbound (null); stack slots are written before they are read
    for (let i = 0; i < nfast; i++) fast[i] = null;
    this.fast = fast;
    this.stack = fast;
    this.sp = nfast;
    this.ip = 0;
    this.lasti = -1;
    this.back = null;
    this.generator = null;
    this.state = FRAME_CREATED;
  }

  /** f_lineno */
  get lineno(): number | null {
    return this.code.lineOf(this.lasti < 0 ? 0 : this.lasti);
  }
}
