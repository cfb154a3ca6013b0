// Writing the 3.11+ location table: each run of code units with one source span becomes entries of
// at most 8 units, in the smallest form CPython's assembler picks (Python/compile.c, 3.11:
// write_location_info_entry): none, no-columns, short (same line, column < 80, width < 16),
// one-line (line +0..2, columns < 128), else long.
import type { Position } from './positions.js';

export interface LocationRun extends Position {
  /** code units (instruction plus its inline caches) covered by this span */
  units: number;
}

const SHORT0 = 0;
const ONE_LINE0 = 10;
const NO_COLUMNS = 13;
const LONG = 14;
const NONE = 15;

/** the most bytes one entry takes: a first byte and four varints of up to 6 bytes (36 bits) */
const MAX_ENTRY = 32;

export class LocationTableWriter {
  // a growable byte buffer the table is written straight into, kept across reset(): the assembler
  // writes one table per code object with one writer, and a typed array per table cost more than
  // the writing
  private out = new Uint8Array(256);
  private length = 0;
  private lineno: number;

  constructor(firstLineno: number) {
    this.lineno = firstLineno;
  }

  /** empty again, for the next code object's table */
  reset(firstLineno: number): void {
    this.length = 0;
    this.lineno = firstLineno;
  }

  /** a run of `units` code units at one span (null line: no location) */
  add(run: LocationRun): void {
    this.addSpan(run.line ?? -1, run.endLine ?? -1, run.col ?? -1, run.endCol ?? -1, run.units);
  }

  /** add() with the span as numbers, a negative one absent (a negative line: no location) */
  addSpan(line: number, endLine: number, col: number, endCol: number, units: number): void {
    // the short form on the current line, most instructions' entry, written here directly
    if (units <= 8 && line === this.lineno && line >= 0 && endLine === line && col >= 0 && col < 80 && endCol >= col && endCol - col < 16) {
      if (this.length + 2 > this.out.length) this.grow();
      const at = this.length;
      this.out[at] = 128 | ((SHORT0 + (col >> 3)) << 3) | (units - 1);
      this.out[at + 1] = ((col & 7) << 4) | (endCol - col);
      this.length = at + 2;
      return;
    }
    while (units > 8) {
      this.entry(line, endLine, col, endCol, 8);
      units -= 8;
    }
    if (units > 0) this.entry(line, endLine, col, endCol, units);
  }

  /** a copy of the table */
  finish(): Uint8Array {
    return this.out.slice(0, this.length);
  }

  /** the table written so far, as a view that the next reset() overwrites */
  written(): Uint8Array {
    return this.out.subarray(0, this.length);
  }

  private grow(): void {
    const bigger = new Uint8Array(this.out.length * 2);
    bigger.set(this.out);
    this.out = bigger;
  }

  private entry(line: number, endLine: number, col: number, endCol: number, units: number): void {
    if (this.length + MAX_ENTRY > this.out.length) this.grow();
    const out = this.out;
    let at = this.length;
    // the first byte of every form: the entry bit, the form code, the length - 1
    const first = 128 | (units - 1);
    if (line < 0) {
      out[at++] = first | (NONE << 3);
      this.length = at;
      return;
    }
    const lineDelta = line - this.lineno;
    if (col < 0 || endCol < 0) {
      if (endLine === line || endLine < 0) {
        out[at++] = first | (NO_COLUMNS << 3);
        this.length = writeVarint(out, at, lineDelta < 0 ? (-lineDelta * 2) | 1 : lineDelta * 2);
        this.lineno = line;
        return;
      }
    } else if (endLine === line) {
      if (lineDelta === 0 && col < 80 && endCol - col < 16 && endCol >= col) {
        out[at++] = first | ((SHORT0 + (col >> 3)) << 3);
        out[at++] = ((col & 7) << 4) | (endCol - col);
        this.length = at;
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && col < 128 && endCol < 128) {
        out[at++] = first | ((ONE_LINE0 + lineDelta) << 3);
        out[at++] = col;
        out[at++] = endCol;
        this.length = at;
        this.lineno = line;
        return;
      }
    }
    out[at++] = first | (LONG << 3);
    at = writeVarint(out, at, lineDelta < 0 ? (-lineDelta * 2) | 1 : lineDelta * 2);
    at = writeVarint(out, at, endLine - line);
    at = writeVarint(out, at, col + 1);
    at = writeVarint(out, at, endCol + 1);
    this.length = at;
    this.lineno = line;
  }
}

/** a varint (6-bit chunks, least significant first, 64 = more) at `at`; returns the end */
function writeVarint(out: Uint8Array, at: number, v: number): number {
  while (v >= 64) {
    out[at++] = 64 | (v & 63);
    v = Math.floor(v / 64);
  }
  out[at++] = v;
  return at;
}
