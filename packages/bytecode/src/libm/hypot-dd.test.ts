import { describe, expect, it } from 'vitest';
import { oracle } from '../../../../tools/oracles.js';
import { describeParity, fixedPoint, parityWithPython, prng, randomInBinade } from '../../../../tests/libm/harness.js';
import { crHypot, hypotExact } from './libm.js';
import { ddLow } from './double-double.js';
import { hypotDd, hypotDdError, hypotFast } from './hypot-dd.js';

// The double-double fast path of hypot against the exact BigInt square root it falls back to, then
// crHypot against python3.11's math.hypot.
const CI = Boolean(process.env.CI);
const COUNT = CI ? 500_000 : 40_000;

/** Vectors of 1 to 5 components: similar magnitudes, wildly different ones, integers, zeros. */
function vectors(count: number, seed: number): number[][] {
  const rnd = prng(seed);
  const out: number[][] = [];
  while (out.length < count) {
    const n = out.length % 3 === 0 ? 2 : 1 + Math.floor(rnd() * 5);
    const base = Math.floor(rnd() * 200) - 100;
    const spread = out.length % 4 === 0 ? 60 : 3;
    const v = Array.from({ length: n }, () => {
      if (rnd() < 0.05) return 0;
      if (out.length % 5 === 0) return Math.floor(rnd() * 1000) - 500;
      return randomInBinade(rnd, base + Math.floor(rnd() * spread));
    });
    if (v.some((c) => c !== 0)) out.push(v);
  }
  return out;
}

/** Exact results (Pythagorean triples), the ends of the fast range and beyond, tiny/huge mixes. */
const HARD_CASES: readonly number[][] = [
  [3, 4], [5, 12], [20, 21], [1, 1], [1, 2 ** -30], [1, 2 ** -27], [2 ** 450, 2 ** 450], [2 ** -450, 3 * 2 ** -450],
  [2 ** 500, 1], [1e-300, 1e-300], [5e-324, 5e-324], [Number.MAX_VALUE, Number.MAX_VALUE], [1, 1, 1, 1], [0.1, 0.2, 0.3],
];

describe('hypot-dd: the double-double fast path', () => {
  const cases = [...vectors(COUNT, 1), ...HARD_CASES];
  it(`equals the exact square root on ${cases.length} vectors, fallback rare`, () => {
    const mismatches: string[] = [];
    let fallbacks = 0;
    let outOfRange = 0;
    for (const v of cases) {
      const fast = hypotFast(v);
      const exact = hypotExact(v);
      if (fast !== fast) {
        if (v.some((c) => c !== 0 && !(Math.abs(c) >= 2 ** -450 && Math.abs(c) <= 2 ** 450))) outOfRange++;
        else fallbacks++;
        continue;
      }
      if (!Object.is(fast, exact) && mismatches.length < 20) mismatches.push(`hypot(${v.join(', ')}): ${fast} vs ${exact}`);
    }
    console.log(`hypot-dd: ${fallbacks} fallbacks in ${cases.length} vectors (${outOfRange} more out of the fast range)`);
    expect(mismatches).toEqual([]);
    expect(fallbacks).toBeLessThan(cases.length / 1000);
  });
});

describe('hypot-dd: the error bound holds against the exact sum of squares', () => {
  it('|(hi + lo) - sqrt(sum)| = |(hi + lo)**2 - sum| / (hi + lo + sqrt(sum)) is within the bound', () => {
    const violations: string[] = [];
    let worst = 0;
    // components within 2**-100 .. 2**100, so that everything is an integer times 2**-300
    const sample = vectors(CI ? 100_000 : 10_000, 7).filter((v) => v.every((c) => c === 0 || (Math.abs(c) >= 2 ** -100 && Math.abs(c) <= 2 ** 100)));
    for (const v of sample) {
      const hi = hypotDd(v);
      const approx = fixedPoint(hi, 300) + fixedPoint(ddLow[0]!, 300);
      const sum = v.reduce((acc, c) => acc + fixedPoint(c, 300) ** 2n, 0n);
      const d = approx * approx - sum;
      // sqrt(sum) is at least approx / 2 here: dividing by 1.5 approx is an honest stand-in
      const errScaled = Number(((d < 0n ? -d : d) * 2n) / (3n * approx));
      const bound = hypotDdError[0]! * 2 ** 300;
      if (errScaled > bound) violations.push(`hypot(${v.join(', ')}): error > bound`);
      worst = Math.max(worst, errScaled / bound);
    }
    console.log(`hypot-dd: worst |error| / bound ${worst.toExponential(2)} over ${sample.length} vectors`);
    expect(violations.slice(0, 10)).toEqual([]);
  });
});

describe('hypot-dd: parity with python3.11 math.hypot', () => {
  const exe = oracle('3.11');
  it.skipIf(!exe)('crHypot equals math.hypot on two arguments, or is the correctly rounded one', () => {
    const pairs = [...vectors(CI ? 200_000 : 10_000, 2), ...HARD_CASES]
      .filter((v) => v.length === 2)
      .map((v) => [v[0]!, v[1]!] as const);
    const report = parityWithPython(['hypot'], pairs, (_, a) => crHypot([...(a as readonly number[])]));
    console.log(describeParity('hypot-dd', report));
    expect(report.wrong.slice(0, 20)).toEqual([]);
    expect(report.different).toBeLessThan(report.compared / 100);
  });
});
