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

export class LocationTableWriter {
  // a growable byte buffer: the table is written straight to bytes
  private out = new Uint8Array(64);
  private length = 0;
  private lineno: number;

  constructor(firstLineno: number) {
    this.lineno = firstLineno;
  }

  /** a run of `units` code units at one span (null line: no location) */
  add(run: LocationRun): void {
    let units = run.units;
    while (units > 8) {
      this.entry(run, 8);
      units -= 8;
    }
    if (units > 0) this.entry(run, units);
  }

  finish(): Uint8Array {
    return this.out.slice(0, this.length);
  }

  private push(b: number): void {
    if (this.length === this.out.length) {
      const bigger = new Uint8Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.out[this.length++] = b;
  }

  private first(code: number, length: number): void {
    this.push(128 | (code << 3) | (length - 1));
  }

  private varint(v: number): void {
    while (v >= 64) {
      this.push(64 | (v & 63));
      v = Math.floor(v / 64);
    }
    this.push(v);
  }

  private svarint(v: number): void {
    this.varint(v < 0 ? (-v * 2) | 1 : v * 2);
  }

  private entry(p: Position, length: number): void {
    if (p.line === null) {
      this.first(NONE, length);
      return;
    }
    const lineDelta = p.line - this.lineno;
    const col = p.col ?? -1;
    const endCol = p.endCol ?? -1;
    const endLine = p.endLine ?? -1;
    if (col < 0 || endCol < 0) {
      if (endLine === p.line || endLine === -1) {
        this.first(NO_COLUMNS, length);
        this.svarint(lineDelta);
        this.lineno = p.line;
        return;
      }
    } else if (endLine === p.line) {
      if (lineDelta === 0 && col < 80 && endCol - col < 16 && endCol >= col) {
        this.first(SHORT0 + (col >> 3), length);
        this.push(((col & 7) << 4) | (endCol - col));
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && col < 128 && endCol < 128) {
        this.first(ONE_LINE0 + lineDelta, length);
        this.push(col);
        this.push(endCol);
        this.lineno = p.line;
        return;
      }
    }
    this.first(LONG, length);
    this.svarint(lineDelta);
    this.varint(endLine - p.line);
    this.varint(col + 1);
    this.varint(endCol + 1);
    this.lineno = p.line;
  }
}
