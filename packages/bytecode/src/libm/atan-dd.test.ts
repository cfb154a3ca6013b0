import { describe, expect, it } from 'vitest';
import { oracle } from '../../../../tools/oracles.js';
import { describeParity, fastVsExact, fixedPoint, parityWithPython, prng, randomInBinade } from '../../../../tests/libm/harness.js';
import { atanFixed, crAsinAcos, crAsinAcosExact, crAtan, crAtan2, crAtan2Exact, crAtanExact, piFixed, toFixed } from './libm.js';
import { ddLow } from './double-double.js';
import { asinAcosFast, atan2Dd, atan2Fast, atanDd, atanDdError, atanFast } from './atan-dd.js';

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
    const r = fastVsExact(xs, atanFast, crAtanExact, (x) => `atan(${x})`);
    console.log(`atan-dd atan: ${r.fallbacks} fallbacks in ${xs.length} arguments`);
    expect(r.mismatches).toEqual([]);
    expect(r.fallbacks).toBeLessThan(xs.length / 1000);
  });

  it('atan2 equals the BigInt evaluation, fallback rare', () => {
    const pairs = [...atan2Inputs(COUNT, 2), ...ATAN2_HARD];
    const r = fastVsExact(pairs, ([y, x]) => atan2Fast(y, x), ([y, x]) => crAtan2Exact(y, x), ([y, x]) => `atan2(${y}, ${x})`);
    console.log(`atan-dd atan2: ${r.fallbacks} fallbacks in ${pairs.length} pairs`);
    expect(r.mismatches).toEqual([]);
    expect(r.fallbacks).toBeLessThan(pairs.length / 1000);
  });
});

/** Arguments of asin and acos: 2**-27 <= |x| < 1, many near +-1. */
function asinInputs(count: number, seed: number): number[] {
  const rnd = prng(seed);
  const out: number[] = [];
  while (out.length < count) {
    const x = out.length % 3 === 0 ? (rnd() < 0.5 ? -1 : 1) * (1 - Math.abs(randomInBinade(rnd, -Math.floor(rnd() * 53) - 1))) : randomInBinade(rnd, -Math.floor(rnd() * 27) - 1);
    if (Math.abs(x) < 1 && Math.abs(x) >= 2 ** -27) out.push(x);
  }
  return out;
}
const ASIN_HARD: readonly number[] = [0.5, -0.5, Math.SQRT1_2, 1 - 2 ** -53, -1 + 2 ** -53, 2 ** -27, 0.9999999999999999, 0.1];

describe('atan-dd: asin and acos', () => {
  for (const which of ['asin', 'acos'] as const) {
    it(`${which} equals the BigInt evaluation, fallback rare`, () => {
      const xs = [...asinInputs(CI ? 300_000 : 20_000, 8), ...ASIN_HARD];
      const r = fastVsExact(xs, (x) => asinAcosFast(x, which), (x) => crAsinAcosExact(x, which), (x) => `${which}(${x})`);
      console.log(`atan-dd ${which}: ${r.fallbacks} fallbacks in ${xs.length} arguments`);
      expect(r.mismatches).toEqual([]);
      expect(r.fallbacks).toBeLessThan(xs.length / 1000);
    });
  }
  const exe = oracle('3.11');
  it.skipIf(!exe)('crAsinAcos equals python3.11 math.asin and math.acos, or is the correctly rounded one', () => {
    const report = parityWithPython(['asin', 'acos'], [...asinInputs(CI ? 200_000 : 10_000, 9), ...ASIN_HARD], (name, x) =>
      crAsinAcos(x as number, name as 'asin' | 'acos'),
    );
    console.log(describeParity('atan-dd asin/acos', report));
    expect(report.wrong.slice(0, 20)).toEqual([]);
    expect(report.different).toBeLessThan(report.compared / 100);
  });
});

describe('atan-dd: the error bounds hold against the 140-bit evaluation', () => {
  // where the result is at least 2**-20 the reference's 140 absolute bits are enough
  const check = (what: string, hi: number, ref: bigint, violations: string[]): number => {
    const diff = fixedPoint(hi, 140) + fixedPoint(ddLow[0]!, 140) - ref;
    const absDiff = Number(diff < 0n ? -diff : diff) * 2 ** -140;
    const err = atanDdError[0]!;
    if (absDiff > err + 2 ** -134) violations.push(`${what}: error ${absDiff} > bound ${err}`);
    return absDiff / err;
  };
  it('atan', () => {
    const violations: string[] = [];
    let worst = 0;
    for (const x of atanInputs(CI ? 100_000 : 10_000, 5).filter((v) => Math.abs(v) >= 2 ** -20)) {
      const hi = atanDd(x);
      worst = Math.max(worst, check(`atan(${x})`, hi, atanFixed(toFixed(x)), violations));
    }
    console.log(`atan-dd atan: worst |error| / bound ${worst.toExponential(2)}`);
    expect(violations.slice(0, 10)).toEqual([]);
  });
  it('atan2', () => {
    const violations: string[] = [];
    let worst = 0;
    const pi = piFixed() >> 64n;
    for (const [y, x] of atan2Inputs(CI ? 100_000 : 10_000, 6)) {
      if (!(x < 0 || Math.abs(y / x) >= 2 ** -20)) continue;
      const hi = atan2Dd(y, x);
      let ref = atanFixed((fixedPoint(Math.abs(y), 140) << 140n) / fixedPoint(Math.abs(x), 140));
      if (x < 0) ref = pi - ref;
      if (y < 0) ref = -ref;
      worst = Math.max(worst, check(`atan2(${y}, ${x})`, hi, ref, violations));
    }
    console.log(`atan-dd atan2: worst |error| / bound ${worst.toExponential(2)}`);
    expect(violations.slice(0, 10)).toEqual([]);
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
