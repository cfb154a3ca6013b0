// The exception table writer: varints at every chunk boundary read back by the decoder, and a
// writer reused after reset() writing what a fresh one writes (the assembler reuses one).
import { describe, expect, it } from 'vitest';
import { decodeExceptionTable, encodeExceptionTable, ExceptionTableWriter, type ExceptionTableEntry } from './index.js';

const BOUNDARIES = [0, 1, 63, 64, 4095, 4096, 262143, 262144, 16777215, 16777216, 2 ** 30 - 1, 2 ** 30, 2 ** 31 + 7];

describe('ExceptionTableWriter', () => {
  it('writes varints of every length that decode back', () => {
    for (const v of BOUNDARIES) {
      const entries: ExceptionTableEntry[] = [
        { start: v, end: v + 5, target: v, depth: 3, lasti: true },
        { start: 1, end: 1 + v, target: 2, depth: Math.min(v, 2 ** 20), lasti: false },
      ];
      expect(decodeExceptionTable(encodeExceptionTable(entries))).toEqual(entries);
    }
  });

  it('writes, after reset(), the bytes a fresh writer writes', () => {
    const w = new ExceptionTableWriter();
    for (let round = 0; round < 3; round++) {
      w.reset();
      const fresh = new ExceptionTableWriter();
      for (let i = 0; i < 200 + round; i++) {
        w.add(i * 70, i * 70 + 9, i * 300, i % 7, i % 2 === 0);
        fresh.add(i * 70, i * 70 + 9, i * 300, i % 7, i % 2 === 0);
      }
      expect(w.written()).toEqual(fresh.finish());
    }
  });
});
