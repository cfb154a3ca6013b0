// The 3.11+ location table (co_linetable): decoding to co_positions() and co_lines().
// CPython counterpart: Objects/locations.md, Objects/codeobject.c (positionsiter_next,
// _PyLineTable_NextAddressRange, lineiter_next). Facts: shared/docs/pyc-format.md §7.1.

/** One code unit's source span; null where CPython gives None. */
export interface Position {
  line: number | null;
  endLine: number | null;
  col: number | null;
  endCol: number | null;
}

/** One location-table entry: a run of `units` code units sharing a span. */
export interface LocationEntry extends Position {
  /** first code unit */
  start: number;
  units: number;
}

/** Thrown for a table that ends inside an entry or has no entry marker where one is due. */
export class LineTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LineTableError';
  }
}

class Cursor {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.bytes.length) throw new LineTableError('location table ends inside an entry');
    return this.bytes[this.pos++]!;
  }
  /** varint: 6-bit chunks, least significant first, 0x40 = more */
  varint(): number {
    let b = this.byte();
    let v = b & 63;
    let shift = 6;
    while (b & 64) {
      b = this.byte();
      v += (b & 63) * 2 ** shift;
      shift += 6;
    }
    return v;
  }
  svarint(): number {
    const u = this.varint();
    return u % 2 ? -Math.floor(u / 2) : u / 2;
  }
}

/** Every entry of a 3.11+ location table, in order. */
export function decodeLocationTable(table: Uint8Array, firstLineno: number): LocationEntry[] {
  const out: LocationEntry[] = [];
  const c = new Cursor(table);
  let line = firstLineno;
  let unit = 0;
  while (c.pos < table.length) {
    const first = c.byte();
    if (!(first & 0x80)) throw new LineTableError(`location table entry without its marker bit at byte ${c.pos - 1}`);
    const code = (first >> 3) & 15;
    const units = (first & 7) + 1;
    let entry: LocationEntry;
    if (code === 15) {
      entry = { start: unit, units, line: null, endLine: null, col: null, endCol: null };
    } else if (code === 14) {
      line += c.svarint();
      const endLine = line + c.varint();
      const col = c.varint() - 1;
      const endCol = c.varint() - 1;
      entry = { start: unit, units, line, endLine, col: col < 0 ? null : col, endCol: endCol < 0 ? null : endCol };
    } else if (code === 13) {
      line += c.svarint();
      entry = { start: unit, units, line, endLine: line, col: null, endCol: null };
    } else if (code >= 10) {
      line += code - 10;
      const col = c.byte();
      const endCol = c.byte();
      entry = { start: unit, units, line, endLine: line, col, endCol };
    } else {
      const b = c.byte();
      const col = code * 8 + ((b >> 4) & 7);
      entry = { start: unit, units, line, endLine: line, col, endCol: col + (b & 15) };
    }
    out.push(entry);
    unit += units;
  }
  return out;
}

/** co_positions(): one span per code unit of `codeUnits` units (missing entries give all-None). */
export function positions(table: Uint8Array, firstLineno: number, codeUnits: number): Position[] {
  const out: Position[] = [];
  for (const e of decodeLocationTable(table, firstLineno)) {
    for (let i = 0; i < e.units; i++) out.push({ line: e.line, endLine: e.endLine, col: e.col, endCol: e.endCol });
  }
  while (out.length < codeUnits) out.push({ line: null, endLine: null, col: null, endCol: null });
  out.length = codeUnits;
  return out;
}

/** A co_lines() range: byte offsets [start, end) of code on `line` (null for none). */
export interface LineRange {
  start: number;
  end: number;
  line: number | null;
}

/**
 * co_lines() of a 3.11+ code object: one range per location entry in 3.11; from 3.12 on,
 * consecutive entries on the same line are merged (`merge`).
 */
export function linesFromLocationTable(table: Uint8Array, firstLineno: number, merge: boolean): LineRange[] {
  const out: LineRange[] = [];
  for (const e of decodeLocationTable(table, firstLineno)) {
    const start = e.start * 2;
    const end = (e.start + e.units) * 2;
    const last = out[out.length - 1];
    if (merge && last && last.line === e.line && last.end === start) last.end = end;
    else out.push({ start, end, line: e.line });
  }
  return out;
}
