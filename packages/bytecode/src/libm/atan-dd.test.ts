import { describe, expect, it } from 'vitest';
import { oracle } from '../../../../tools/oracles.js';
import { describeParity, parityWithPython, prng, randomInBinade } from '../../../../tests/libm/harness.js';
import { crAtan, crAtan2, crAtan2Exact, crAtanExact } from './libm.js';
import { atan2Fast, atanFast } from './atan-dd.js';

// The double-double fast paths of atan and atan2 against the BigInt evaluation they fall back to,
// then crAtan and crAtan2 against python3.11's math.atan and math.atan2.
const CI = Boolean(process.env.CI);
const COUNT = CI ? 500_000 : 30_000;

/** Arguments of atan: magnitudes 2**-27 to 2**60, and near 1. */
function atanInputs(count: number, seed: number): number[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) =>
    i % 4 === 0 ? (rnd() < 0.5 ? -1 : 1) * (1 + (rnd() - 0.5) * 2 ** -Math.floor(rnd() * 50)) : randomInBinade(rnd, Math.floor(rnd() * 87) - 27),
  );
}

/** Pairs for atan2: all four quadrants, ratios from 2**-60 to 2**60, near the diagonals. */
function atan2Inputs(count: number, seed: number): [number, number][] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const x = randomInBinade(rnd, Math.floor(rnd() * 40) - 20);
    const y = i % 5 === 0 ? -x * (1 + (rnd() - 0.5) * 2 ** -40) : randomInBinade(rnd, Math.floor(rnd() * 160) - 80);
    return [y, x] as [number, number];
  });
}

const ATAN_HARD: readonly number[] = [1, -1, 2 ** -27, 1e10, 1e300, Math.SQRT2, 0.5, 3, 1 + 2 ** -52, 1 - 2 ** -53];
const ATAN2_HARD: readonly [number, number][] = [
  [1, 1], [-1, -1], [1, -1], [3, 4], [1e-300, 1], [1, 1e-300], [1e-30, 3], [5e-324, 1], [1, -1e300], [-2, -1e-5],
];

describe('atan-dd: the double-double fast paths of atan and atan2', () => {
  it('atan equals the BigInt evaluation, fallback rare', () => {
    const xs = [...atanInputs(COUNT, 1), ...ATAN_HARD];
    const mismatches: string[] = [];
    let fallbacks = 0;
    for (const x of xs) {
      const fast = atanFast(x);
      if (fast !== fast) {
        fallbacks++;
        continue;
      }
      const exact = crAtanExact(x);
      if (!Object.is(fast, exact) && mismatches.length < 20) mismatches.push(`atan(${x}): ${fast} vs ${exact}`);
    }
    console.log(`atan-dd atan: ${fallbacks} fallbacks in ${xs.length} arguments`);
    expect(mismatches).toEqual([]);
    expect(fallbacks).toBeLessThan(xs.length / 1000);
  });

  it('atan2 equals the BigInt evaluation, fallback rare', () => {
    const pairs = [...atan2Inputs(COUNT, 2), ...ATAN2_HARD];
    const mismatches: string[] = [];
    let fallbacks = 0;
    for (const [y, x] of pairs) {
      const fast = atan2Fast(y, x);
      if (fast !== fast) {
        fallbacks++;
        continue;
      }
      const exact = crAtan2Exact(y, x);
      if (!Object.is(fast, exact) && mismatches.length < 20) mismatches.push(`atan2(${y}, ${x}): ${fast} vs ${exact}`);
    }
    console.log(`atan-dd atan2: ${fallbacks} fallbacks in ${pairs.length} pairs`);
    expect(mismatches).toEqual([]);
    expect(fallbacks).toBeLessThan(pairs.length / 1000);
  });
});

describe('atan-dd: parity with python3.11 math.atan and math.atan2', () => {
  const exe = oracle('3.11');
  it.skipIf(!exe)('crAtan and crAtan2 equal python3.11, or are the correctly rounded ones', () => {
    const atan = parityWithPython(['atan'], [...atanInputs(CI ? 200_000 : 10_000, 3), ...ATAN_HARD], (_, x) => crAtan(x as number));
    console.log(describeParity('atan-dd atan', atan));
    const atan2 = parityWithPython(['atan2'], [...atan2Inputs(CI ? 200_000 : 10_000, 4), ...ATAN2_HARD], (_, a) => {
      const [y, x] = a as readonly number[];
      return crAtan2(y!, x!);
    });
    console.log(describeParity('atan-dd atan2', atan2));
    expect([...atan.wrong, ...atan2.wrong].slice(0, 20)).toEqual([]);
    expect(atan.different + atan2.different).toBeLessThan((atan.compared + atan2.compared) / 100);
  });
});
