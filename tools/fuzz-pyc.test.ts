import { describe, expect, it } from 'vitest';
import { oracle } from './oracles.js';
import { fuzz } from './fuzz-pyc.js';

// The fast subset of the fuzzer (`npx tsx tools/fuzz-pyc.ts --cases 100000` runs the full one).
describe.skipIf(!oracle('3.11') || !oracle('3.12') || !oracle('3.13'))('pyc reader fuzzing', () => {
  it('2,000 mutated pycs: only typed errors, no case slower than 2 s', () => {
    const r = fuzz({ cases: 2000, seed: 2024, versions: ['3.11', '3.12', '3.13'], filesPerVersion: 20 });
    console.log(`fuzz: ${r.cases} cases, ${r.parsed} parsed, ${r.pycErrors} PycError, ${r.disErrors} DisError, slowest ${r.slowest.toFixed(1)} ms`);
    expect(r.crashes).toEqual([]);
    expect(r.pycErrors).toBeGreaterThan(0); // the mutations really do break things
    expect(r.slowest).toBeLessThan(2000);
  }, 300_000);
});
