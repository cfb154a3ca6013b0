// dis.findlinestarts for any version's code object: byte offset → the line starting there.
import { CodeLayout, type CodeObject } from '../code-object.js';
import { lineStartsFromLnotab, linesFrom310Table } from './legacy.js';
import { linesFromLocationTable, type LineRange } from './positions.js';

/** co_lines() for 3.10+ code objects; `mergeLines` is true for 3.12+ (see linesFromLocationTable). */
export function coLines(co: CodeObject, mergeLines: boolean): LineRange[] {
  if (co.layout >= CodeLayout.Py311) {
    // 3.11–3.13 share the code layout, but 3.12 changed co_lines to merge equal lines, so the
    // caller says which behaviour it wants.
    return linesFromLocationTable(co.linetable.value, co.firstlineno, mergeLines);
  }
  if (co.layout === CodeLayout.Py310) return linesFrom310Table(co.linetable.value, co.firstlineno);
  throw new RangeError('co_lines() needs a 3.10+ code object');
}

/**
 * Lib/dis.py findlinestarts: offsets where a new line starts, with that line. Up to 3.12 a range
 * without a line is skipped; 3.13 reports it as a start with line null (`withNone`).
 */
export function findLineStarts(co: CodeObject, mergeLines: boolean, withNone = false): [number, number | null][] {
  if (co.layout < CodeLayout.Py310) {
    const codeLength = co.layout >= CodeLayout.Py38 ? co.code.value.length : Infinity;
    return lineStartsFromLnotab(co.linetable.value, co.firstlineno, codeLength, co.layout !== CodeLayout.Py27);
  }
  const out: [number, number | null][] = [];
  let last: number | null | undefined = undefined;
  for (const r of coLines(co, mergeLines)) {
    if (withNone) {
      if (r.line !== last) {
        last = r.line;
        out.push([r.start, r.line]);
      }
    } else if (r.line !== null && r.line !== last) {
      last = r.line;
      out.push([r.start, r.line]);
    }
  }
  return out;
}
