// Line tables before 3.11: the 3.10 co_linetable (PEP 626) and co_lnotab (2.7, 3.6–3.9).
// CPython counterpart: Objects/lnotab_notes.txt and Lib/dis.py findlinestarts of each version.
import type { LineRange } from './positions.js';

/**
 * co_lines() of a 3.10 code object: each (byte-offset delta, signed line delta) pair is a range;
 * -128 means no line; empty ranges are skipped (their line deltas still count).
 */
export function linesFrom310Table(table: Uint8Array, firstLineno: number): LineRange[] {
  const out: LineRange[] = [];
  let line = firstLineno;
  let end = 0;
  for (let i = 0; i + 1 < table.length; i += 2) {
    const start = end;
    end += table[i]!;
    const raw = table[i + 1]!;
    const ldelta = raw >= 128 ? raw - 256 : raw;
    let entryLine: number | null = null;
    if (ldelta !== -128) {
      line += ldelta;
      entryLine = line;
    }
    if (end > start) out.push({ start, end, line: entryLine });
  }
  return out;
}

/**
 * dis.findlinestarts for co_lnotab: (byte offset, line) where a new line starts. Line deltas are
 * signed from 3.6 on (unsigned in 2.7); from 3.8 on, dis stops at the end of the bytecode
 * (`codeLength`), earlier versions read the whole table (pass Infinity).
 */
export function lineStartsFromLnotab(
  lnotab: Uint8Array,
  firstLineno: number,
  codeLength: number,
  signedLineDeltas: boolean,
): [number, number][] {
  const out: [number, number][] = [];
  let lastLine: number | null = null;
  let line = firstLineno;
  let addr = 0;
  for (let i = 0; i + 1 < lnotab.length; i += 2) {
    const byteIncr = lnotab[i]!;
    let lineIncr = lnotab[i + 1]!;
    if (byteIncr) {
      if (line !== lastLine) {
        out.push([addr, line]);
        lastLine = line;
      }
      addr += byteIncr;
      if (addr >= codeLength) return out;
    }
    if (signedLineDeltas && lineIncr >= 0x80) lineIncr -= 0x100;
    line += lineIncr;
  }
  if (line !== lastLine) out.push([addr, line]);
  return out;
}
