// Traceback entries. CPython counterpart: Python/traceback.c (PyTraceBack_Here, tb_printinternal).
import { builtinType, None, PyObject } from './object.js';
import { defGetSet } from './descr.js';
import { intFromNumber } from './int.js';
import { raise } from '../errors.js';
import { typeErrorType, valueErrorType } from './exception-types.js';
import type { Frame } from '../eval/frame.js';

export const tracebackType = builtinType('traceback', undefined, 0);

export class PyTraceback extends PyObject {
  /** settable from Python (tb_next), as unittest trims its own frames */
  next: PyTraceback | null;
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

/** tb_next, tb_lineno, tb_lasti (tb_frame needs frame objects, which the VM does not expose). */
export function initTraceback(): void {
  const t = tracebackType;
  defGetSet(
    t,
    'tb_next',
    (o) => (o as PyTraceback).next ?? None,
    (o, v) => {
      if (v === null) return raise(typeErrorType, "can't delete tb_next attribute");
      if (v !== None && !(v instanceof PyTraceback)) raise(typeErrorType, `expected traceback object or None, got '${v.type.name}'`);
      const next = v === None ? null : (v as PyTraceback);
      for (let c = next; c !== null; c = c.next) if (c === o) raise(valueErrorType, 'traceback loop detected');
      (o as PyTraceback).next = next;
    },
  );
  defGetSet(t, 'tb_lineno', (o) => {
    const n = (o as PyTraceback).lineno;
    return n === null ? None : intFromNumber(n);
  });
  defGetSet(t, 'tb_lasti', (o) => intFromNumber((o as PyTraceback).lasti * 2));
}
