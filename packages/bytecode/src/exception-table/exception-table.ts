// co_exceptiontable (3.11+): decoding and encoding.
// CPython counterpart: InternalDocs/exception_handling.md, Lib/dis.py _parse_exception_table,
// Python/assemble.c (assemble_emit_exception_table_entry). Facts: shared/docs/pyc-format.md §7.2.

/** One handler range, in code units; `end` is exclusive. */
export interface ExceptionTableEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

export class ExceptionTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExceptionTableError';
  }
}

/** Entries of a table; varints are 6-bit chunks, most significant first, 0x40 = more. */
export function decodeExceptionTable(table: Uint8Array): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  let pos = 0;
  const varint = (): number => {
    if (pos >= table.length) throw new ExceptionTableError('exception table ends inside an entry');
    let b = table[pos++]!;
    let v = b & 63;
    while (b & 64) {
      if (pos >= table.length) throw new ExceptionTableError('exception table ends inside a varint');
      b = table[pos++]!;
      v = v * 64 + (b & 63);
    }
    return v;
  };
  while (pos < table.length) {
    if (!(table[pos]! & 0x80)) throw new ExceptionTableError(`exception table entry without its start bit at byte ${pos}`);
    const start = varint();
    const length = varint();
    const target = varint();
    const dl = varint();
    out.push({ start, end: start + length, target, depth: Math.floor(dl / 2), lasti: (dl & 1) === 1 });
  }
  return out;
}

/**
 * Writes tables entry by entry into a buffer kept across reset(): the assembler writes one table
 * per code object with one writer (an array of entry objects and one of bytes per table cost more
 * than the encoding).
 */
export class ExceptionTableWriter {
  private out = new Uint8Array(128);
  private length = 0;

  /** empty again, for the next table */
  reset(): void {
    this.length = 0;
  }

  /** the range [start, end) of code units handled at `target` with stack `depth` */
  add(start: number, end: number, target: number, depth: number, lasti: boolean): void {
    // four varints of at most 6 bytes each (36 bits)
    if (this.length + 24 > this.out.length) {
      const bigger = new Uint8Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    let at = writeVarint(this.out, this.length, start, 0x80);
    at = writeVarint(this.out, at, end - start, 0);
    at = writeVarint(this.out, at, target, 0);
    this.length = writeVarint(this.out, at, depth * 2 + (lasti ? 1 : 0), 0);
  }

  /** a copy of the table */
  finish(): Uint8Array {
    return this.out.slice(0, this.length);
  }

  /** the table written so far, as a view that the next reset() overwrites */
  written(): Uint8Array {
    return this.out.subarray(0, this.length);
  }
}

/** `v` in 6-bit chunks, most significant first, 64 on all but the last, `startBit` on the first */
function writeVarint(out: Uint8Array, at: number, v: number, startBit: number): number {
  // (unrolled: offsets and depths are small, and a loop over powers of 64 cost more than the rest)
  if (v >= 64) {
    if (v >= 4096) {
      if (v >= 262144) {
        if (v >= 16777216) {
          if (v >= 1073741824) {
            out[at++] = startBit | 64 | (Math.floor(v / 1073741824) & 63);
            startBit = 0;
          }
          out[at++] = startBit | 64 | ((v >>> 24) & 63);
          startBit = 0;
        }
        out[at++] = startBit | 64 | ((v >>> 18) & 63);
        startBit = 0;
      }
      out[at++] = startBit | 64 | ((v >>> 12) & 63);
      startBit = 0;
    }
    out[at++] = startBit | 64 | ((v >>> 6) & 63);
    startBit = 0;
  }
  out[at++] = startBit | (v & 63);
  return at;
}

/** The bytes of a table holding `entries`, as CPython's assembler writes them. */
export function encodeExceptionTable(entries: readonly ExceptionTableEntry[]): Uint8Array {
  const w = new ExceptionTableWriter();
  for (const e of entries) w.add(e.start, e.end, e.target, e.depth, e.lasti);
  return w.finish();
}
