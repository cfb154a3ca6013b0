// The location table writer reused after reset(), as the assembler uses it: the same bytes as a
// fresh writer, read back by the decoder as the spans written.
import { describe, expect, it } from 'vitest';
import { decodeLocationTable, LocationTableWriter } from './index.js';

describe('LocationTableWriter', () => {
  it('writes, after reset(), the bytes a fresh writer writes, and they decode to the spans', () => {
    const w = new LocationTableWriter(0);
    for (let round = 0; round < 3; round++) {
      const first = 10 + round;
      w.reset(first);
      const fresh = new LocationTableWriter(first);
      const spans: [number, number, number, number, number][] = [];
      for (let i = 0; i < 300; i++) {
        // every form: none, no columns, short, one-line, long (negative line deltas too)
        const line = i % 11 === 0 ? -1 : first + ((i * 7) % 40);
        const col = i % 5 === 0 ? -1 : (i * 13) % 150;
        const endLine = i % 9 === 0 ? line + 3 : line;
        const endCol = col < 0 ? -1 : col + (i % 20);
        const units = 1 + (i % 12);
        spans.push([line, endLine, col, endCol, units]);
        w.addSpan(line, endLine, col, endCol, units);
        fresh.add({ line: line < 0 ? null : line, endLine: line < 0 ? null : endLine, col: col < 0 ? null : col, endCol: endCol < 0 ? null : endCol, units });
      }
      const bytes = w.written();
      expect(bytes).toEqual(fresh.finish());
      // every code unit reads back with its span
      const units: string[] = [];
      for (const e of decodeLocationTable(bytes, first)) for (let u = 0; u < e.units; u++) units.push(`${e.line},${e.endLine},${e.col},${e.endCol}`);
      const want: string[] = [];
      for (const [line, endLine, col, endCol, n] of spans) {
        const s = line < 0 ? 'null,null,null,null' : `${line},${endLine},${col < 0 ? null : col},${endCol < 0 ? null : endCol}`;
        for (let u = 0; u < n; u++) want.push(s);
      }
      expect(units).toEqual(want);
    }
  });
});
