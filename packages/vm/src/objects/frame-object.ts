// Frame objects as Python sees them (sys._getframe(), tb_frame, f_back): a view of an eval-loop
// Frame, one per frame. CPython counterpart: Objects/frameobject.c (PyFrameObject's getters) and
// the traceback getters of Python/traceback.c.
import { builtinType, None, PyObject } from './object.js';
import { intFromNumber } from './int.js';
import { defGetSet } from './descr.js';
import { defMethod } from './native.js';
import { newStr } from './str.js';
import { PyTraceback, tracebackType } from './traceback.js';
import { FRAME_EXECUTING, type Frame } from '../eval/frame.js';
import { frameLocals } from '../builtins/introspection.js';
import { closeGenerator } from './generator-methods.js';
import type { PyGenerator } from './generator.js';
import { raise } from '../errors.js';
import { runtimeErrorType } from './exception-types.js';

export const frameType = builtinType('frame', undefined, 0);

export class PyFrameObject extends PyObject {
  readonly frame: Frame;
  constructor(frame: Frame) {
    super(frameType);
    this.frame = frame;
  }
}

const views = new WeakMap<Frame, PyFrameObject>();

/** The frame object of `f` (the same one each time). */
export function frameObject(f: Frame): PyFrameObject {
  let o = views.get(f);
  if (o === undefined) {
    o = new PyFrameObject(f);
    views.set(f, o);
  }
  return o;
}

/** gi_frame, cr_frame, ag_frame: the generator's frame until it finishes */
export function genGetFrame(g: PyGenerator): PyObject {
  return g.finished ? None : frameObject(g.frame);
}

const lineOrNone = (n: number | null): PyObject => (n === null ? None : intFromNumber(n));

export function initFrameObjects(): void {
  const fr = (o: PyObject) => (o as PyFrameObject).frame;
  defGetSet(frameType, 'f_back', (o) => {
    const b = fr(o).back;
    return b === null ? None : frameObject(b);
  });
  defGetSet(frameType, 'f_globals', (o) => fr(o).globals);
  defGetSet(frameType, 'f_builtins', (o) => fr(o).builtins);
  defGetSet(frameType, 'f_locals', (o) => frameLocals(fr(o)));
  defGetSet(frameType, 'f_code', (o) => fr(o).code);
  defGetSet(frameType, 'f_lineno', (o) => lineOrNone(fr(o).lineno));
  defGetSet(frameType, 'f_lasti', (o) => intFromNumber(Math.max(fr(o).lasti, 0) * 2));
  defGetSet(frameType, 'f_trace', () => None, () => {});
  // frame_clear: drop a finished frame's locals (unittest's assertRaises clears the traceback's
  // frames); a suspended generator's frame closes the generator first
  defMethod(frameType, 'clear', (a) => {
    const f = fr(a[0]!);
    if (f.state === FRAME_EXECUTING) raise(runtimeErrorType, 'cannot clear an executing frame');
    if (f.generator !== null) closeGenerator(f.generator);
    f.fast.fill(null);
    return None;
  });
  defMethod(frameType, '__repr__', (a) => {
    const f = fr(a[0]!);
    return newStr(`<frame at 0x0, file '${f.code.filename}', line ${f.lineno ?? 0}, code ${f.code.name}>`);
  });
  const tb = (o: PyObject) => o as PyTraceback;
  defGetSet(tracebackType, 'tb_frame', (o) => frameObject(tb(o).frame));
  // tb_next, tb_lineno and tb_lasti: objects/traceback.ts
}
