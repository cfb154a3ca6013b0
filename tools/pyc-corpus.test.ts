import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oracle } from './oracles.js';
import { stdlibPycs } from './pyc-corpus.js';

describe.skipIf(!oracle('3.11'))('stdlib pyc corpus (3.11)', () => {
  it('compiles the stdlib with CPython and reports the sources it refuses', () => {
    const corpus = stdlibPycs('3.11');
    // The oracles doc: 1,790 files, of which CPython compiles 1,773.
    expect(corpus.entries.length + corpus.failures.length).toBeGreaterThan(1700);
    expect(corpus.entries.length).toBeGreaterThan(1700);
    expect(corpus.failures.every((f) => /Error/.test(f.error))).toBe(true);
    const first = readFileSync(corpus.entries[0]!.pyc);
    expect(first.subarray(0, 4).toString('hex')).toBe('a70d0d0a');
  }, 300_000);
});
