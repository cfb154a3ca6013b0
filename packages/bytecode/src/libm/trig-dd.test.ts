import { describe, expect, it } from 'vitest';
import { oracle } from '../../../../tools/oracles.js';
import { describeParity, fixedPoint, parityWithPython, prng, randomInBinade } from '../../../../tests/libm/harness.js';
import { crTrig, crTrigExact, decompose, piFixed, trigFixed } from './libm.js';
import { ddLow } from './double-double.js';
import { PIO2_PARTS, TRIG_DD_MAX, trigDd, trigDdError, trigFast } from './trig-dd.js';

// The double-double fast path of sin/cos/tan against the exact BigInt evaluation it falls back to,
// then crTrig against python3.11's math module (glibc's libm).
const CI = Boolean(process.env.CI);
const RANDOM_COUNT = CI ? 1_000_000 : 35_000; // per function: 3M in all in CI, ~100k in sample mode
const FUNCTIONS = ['sin', 'cos', 'tan'] as const;
type Which = (typeof FUNCTIONS)[number];

/** The next double away from zero (x > 0 finite), ulps times. */
function stepUlps(x: number, ulps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(ulps));
  return view.getFloat64(0);
}

/** Inputs across the fast path's range: every magnitude, near multiples of pi/4, integers. */
function inputs(count: number, seed: number): number[] {
  const rnd = prng(seed);
  const sign = (): number => (rnd() < 0.5 ? -1 : 1);
  const out: number[] = [];
  const HALF_PI = Math.PI / 2;
  while (out.length < count) {
    const kind = out.length % 5;
    if (kind === 0 || kind === 1) {
      // every binade from 2**-27 to 2**19
      out.push(randomInBinade(rnd, Math.floor(rnd() * 47) - 27));
    } else if (kind === 2) {
      out.push(sign() * (rnd() * 10 + rnd() * 2 ** -32));
    } else if (kind === 3) {
      // within a few ulps of k pi/2 (cancellation in the reduction) or of odd k pi/4 (the reduction's
      // choice of k flips)
      const k = Math.floor(rnd() < 0.5 ? rnd() * 20 : rnd() * 600_000) + 1;
      const near = rnd() < 0.6 ? k * HALF_PI : (2 * k - 1) * (Math.PI / 4);
      out.push(sign() * stepUlps(near, Math.floor(rnd() * 9) - 4));
    } else {
      out.push(Math.floor(rnd() * 1_000_000) - 500_000 || 1);
    }
  }
  return out;
}

/**
 * Arguments whose sin, cos or tan lies within 2**-18 to 2**-25 ulp of a rounding midpoint (found by
 * a search over 10**6 random arguments with the BigInt evaluation), and ones built to sit near one:
 * sin(x) = x - x**3/6 with x**2/6 near 2**-53, tan(x) = x + x**3/3, cos(x) = 1 - x**2/2.
 */
const HARD_CASES: readonly number[] = [
  -16957.05921041149, -15642.084718632896, 12324.97203819677, 0.000034405812976354564, -6687.472824352896,
  722619.1950237739, 0.000007051922939202911, -12.126442926492638, -188702.04335612463, 0.09582777205958733,
  -0.0000012273799829237967, -0.000024047212586206175, 190988.8789948535, 0.000005222479673093478,
  -4.197527754905231e-7, 0.00004250676966427457, 1354.5458804250875, -12796.829625875444, -2280.2627135441417,
  -0.2938540771570562, -0.00004300639202476861, 19.750099853193166, 0.1499949782363914, 4.7795992836998145e-8,
  Math.sqrt(3) * 2 ** -26, Math.sqrt(1.5) * 2 ** -26, Math.SQRT2 * 2 ** -27, 2 ** -27, Math.PI / 2, Math.PI,
  Math.PI / 4, 3 * (Math.PI / 4), TRIG_DD_MAX - 2 ** -33, 2 ** 19 + 0.5,
];

describe('trig-dd: the double-double fast path', () => {
  it('splits pi/2 into parts exact when multiplied by k < 2**20', () => {
    let sum = 0n;
    for (const part of PIO2_PARTS.slice(0, -1)) {
      const [m] = decompose(part);
      expect(m.toString(2).replace(/0+$/, '').length).toBeLessThanOrEqual(33);
    }
    // 204 fractional bits: enough to see the 2**-197 the split claims
    for (const part of PIO2_PARTS) {
      const [m, e] = decompose(part);
      sum += m << BigInt(204 + e);
    }
    const halfPi = piFixed() / 2n;
    const diff = halfPi > sum ? halfPi - sum : sum - halfPi;
    expect(diff < 1n << 7n).toBe(true);
  });

  const cases = [...inputs(RANDOM_COUNT, 1), ...HARD_CASES];

  for (const which of FUNCTIONS) {
    it(`${which}: equals the BigInt evaluation on ${cases.length} arguments, fallback rare`, () => {
      const mismatches: string[] = [];
      let fallbacks = 0;
      let hardFallbacks = 0;
      for (const [i, x] of cases.entries()) {
        const fast = trigFast(x, which);
        if (fast !== fast) {
          if (i >= RANDOM_COUNT) hardFallbacks++;
          else fallbacks++;
          continue;
        }
        const exact = crTrigExact(x, which);
        if (!Object.is(fast, exact) && mismatches.length < 20) mismatches.push(`${which}(${x}): ${fast} vs ${exact}`);
      }
      console.log(
        `trig-dd ${which}: ${fallbacks} fallbacks in ${RANDOM_COUNT} generated arguments, ` +
          `${hardFallbacks} in ${HARD_CASES.length} hard cases`,
      );
      expect(mismatches).toEqual([]);
      expect(fallbacks).toBeLessThan(RANDOM_COUNT / 1000);
    });

    it(`${which}: the error bound holds against the 140-bit evaluation`, () => {
      let worst = 0;
      const violations: string[] = [];
      const sample = cases.filter((_, i) => i % (CI ? 10 : 3) === 0);
      for (const x of sample) {
        const hi = trigDd(x, which);
        const lo = ddLow[0]!;
        const err = trigDdError[0]!;
        const diff = fixedPoint(hi, 140) + fixedPoint(lo, 140) - trigFixed(x, which);
        const absDiff = Number(diff < 0n ? -diff : diff) * 2 ** -140;
        // the reference is within a few units of 2**-140 for sin and cos; its tan divides by cos,
        // which multiplies that by 1 + tan**2 (near a pole the check is only as tight as that)
        const refErr = 2 ** -136 * (which === 'tan' ? 1 + hi * hi : 1);
        if (absDiff > err + refErr) violations.push(`${which}(${x}): error ${absDiff} > bound ${err}`);
        if (refErr < err / 1024) worst = Math.max(worst, absDiff / err);
      }
      console.log(`trig-dd ${which}: worst |error| / bound ${worst.toExponential(2)} over ${sample.length} arguments`);
      expect(violations.slice(0, 10)).toEqual([]);
    });
  }

  it('crTrig keeps the shortcuts outside the fast path', () => {
    expect(Object.is(crTrig(-0, 'sin'), -0)).toBe(true);
    expect(crTrig(2 ** -30, 'cos')).toBe(1);
    expect(crTrig(2 ** -30, 'tan')).toBe(2 ** -30);
    expect(crTrig(Infinity, 'sin')).toBeNaN();
    expect(crTrig(3 * 2 ** 21, 'cos')).toBe(crTrigExact(3 * 2 ** 21, 'cos'));
    expect(crTrig(1e300, 'sin')).toBe(crTrigExact(1e300, 'sin'));
  });
});

describe('trig-dd: parity with python3.11 math.sin/cos/tan', () => {
  const exe = oracle('3.11');
  it.skipIf(!exe)('crTrig equals math.sin, math.cos and math.tan, or is the correctly rounded one', () => {
    // and beyond the fast path's range, where only the BigInt evaluation answers
    const rnd = prng(3);
    const large = Array.from({ length: CI ? 20_000 : 1_000 }, () => randomInBinade(rnd, 20 + Math.floor(rnd() * 1003)));
    const xs = [...inputs(CI ? 200_000 : 12_000, 2), ...HARD_CASES, ...large, Number.MAX_VALUE, 2 ** 30, 1e22];
    const report = parityWithPython(FUNCTIONS, xs, (name, x) => crTrig(x as number, name as Which));
    console.log(describeParity('trig-dd', report));
    expect(report.wrong.slice(0, 20)).toEqual([]);
    expect(report.different).toBeLessThan(report.compared / 100);
  });
});
