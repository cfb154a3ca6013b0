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

function pushVarint(out: number[], v: number, startBit: number): void {
  const chunks: number[] = [];
  do {
    chunks.unshift(v & 63);
    v = Math.floor(v / 64);
  } while (v > 0);
  for (let i = 0; i < chunks.length; i++) out.push(chunks[i]! | (i < chunks.length - 1 ? 64 : 0) | (i === 0 ? startBit : 0));
}

/** The bytes of a table holding `entries`, as CPython's assembler writes them. */
export function encodeExceptionTable(entries: readonly ExceptionTableEntry[]): Uint8Array {
  const out: number[] = [];
  for (const e of entries) {
    pushVarint(out, e.start, 0x80);
    pushVarint(out, e.end - e.start, 0);
    pushVarint(out, e.target, 0);
    pushVarint(out, e.depth * 2 + (e.lasti ? 1 : 0), 0);
  }
  return Uint8Array.from(out);
}
