// Generator objects: a suspended frame. CPython counterpart: Objects/genobject.c.
import { builtinType, PyObject } from './object.js';
import type { Frame } from '../eval/frame.js';

export const generatorType = builtinType('generator', undefined, 0);

export class PyGenerator extends PyObject {
  readonly frame: Frame;
  name: string;
  qualname: string;
  running: boolean;
  /** true once the frame returned or raised */
  finished: boolean;
  /** gi_exc_state: the exception being handled inside the generator while it is suspended */
  handled: PyObject | null;
  constructor(frame: Frame) {
    super(generatorType);
    this.frame = frame;
    this.name = frame.code.name;
    this.qualname = frame.code.qualname;
    this.running = false;
    this.finished = false;
    this.handled = null;
  }
}
