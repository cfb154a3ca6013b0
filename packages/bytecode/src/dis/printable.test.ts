import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRINTABLE_FILE, generatePrintable } from '../../../../tools/gen-printable.js';
import { oracle } from '../../../../tools/oracles.js';
import { isPrintable } from './printable.js';

describe('str.isprintable tables', () => {
  it.skipIf(!oracle('3.11') || !oracle('3.12') || !oracle('3.13'))('the committed table is what the oracles say today', () => {
    expect(readFileSync(PRINTABLE_FILE, 'utf8')).toBe(generatePrintable());
  }, 120_000);

  it('follows each version: U+2FFC is unassigned before Unicode 15.1 (3.13)', () => {
    expect(isPrintable(0x41, '3.11')).toBe(true);
    expect(isPrintable(0x0a, '3.11')).toBe(false);
    expect(isPrintable(0xd800, '3.12')).toBe(false);
    expect(isPrintable(0x2ffc, '3.12')).toBe(false);
    expect(isPrintable(0x2ffc, '3.13')).toBe(true);
  });
});
