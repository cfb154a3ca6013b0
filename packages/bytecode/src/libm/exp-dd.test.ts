import { describe, expect, it } from 'vitest';
import { oracle } from '../../../../tools/oracles.js';
import { describeParity, fixedPoint, parityWithPython, prng, randomInBinade } from '../../../../tests/libm/harness.js';
import { crExp, crExpExact, decompose, expFixed, toFixed } from './libm.js';
import { ddLow } from './double-double.js';
import { EXP2_J64_HI, EXP2_J64_LO, EXP_DD_MAX, EXP_DD_MIN, LN2_64_PARTS, expDd, expDdScale, expFast } from './exp-dd.js';

// The double-double fast path of exp against the exact BigInt evaluation it falls back to, then
// crExp against python3.11's math.exp.
const CI = Boolean(process.env.CI);
const RANDOM_COUNT = CI ? 1_000_000 : 60_000;

/** Arguments over the fast path's range: every magnitude from 2**-60, uniform, near k ln2/64. */
function inputs(count: number, seed: number): number[] {
  const rnd = prng(seed);
  const out: number[] = [];
  while (out.length < count) {
    const kind = out.length % 3;
    let x: number;
    if (kind === 0) x = randomInBinade(rnd, Math.floor(rnd() * 70) - 60);
    else if (kind === 1) x = EXP_DD_MIN + (EXP_DD_MAX - EXP_DD_MIN) * (rnd() + rnd() * 2 ** -32);
    else x = (Math.floor(rnd() * 90000) - 45000) * (Math.LN2 / 64) * (1 + (rnd() - 0.5) * 2 ** -40);
    if (x >= EXP_DD_MIN && x <= EXP_DD_MAX && x !== 0) out.push(x);
  }
  return out;
}

/** Hard cases and edges: the range ends, exact-looking values, tiny arguments. */
const HARD_CASES: readonly number[] = [
  EXP_DD_MIN, EXP_DD_MAX, 1, -1, 0.5, 2 ** -54, -(2 ** -54), 2 ** -53, -(2 ** -53), 2 ** -30, Math.LN2, -Math.LN2,
  709, -708, 100, 1e-10, 7.541232153659063e-9, 
];

describe('exp-dd: the double-double fast path', () => {
  it('holds 2**(j/64) within 2**-104 and splits ln2/64 exactly', () => {
    const BITS = 200;
    for (let j = 0; j < 64; j++) {
      const t = fixedPoint(EXP2_J64_HI[j]!, BITS) + fixedPoint(EXP2_J64_LO[j]!, BITS);
      // t**64 against 2**j: the relative error of t is a 64th of theirs
      const p = t ** 64n;
      const target = 1n << BigInt(j + BITS * 64);
      const rel = Number(((p - target) << 120n) / target) * 2 ** -120;
      expect(Math.abs(rel) / 64).toBeLessThan(2 ** -104);
    }
    // ln2 = sum 1/(k 2**k), to 260 bits
    const one = 1n << 260n;
    let ln2 = 0n;
    for (let k = 1n; ; k++) {
      const term = one / (k << k);
      if (term === 0n) break;
      ln2 += term;
    }
    let sum = 0n;
    for (const [i, part] of LN2_64_PARTS.entries()) {
      const [m] = decompose(part);
      if (i < 2) expect(m.toString(2).replace(/0+$/, '').length).toBeLessThanOrEqual(36);
      sum += fixedPoint(part, 260);
    }
    const diff = ln2 / 64n - sum;
    expect((diff < 0n ? -diff : diff) < 1n << 118n).toBe(true); // 2**-142 at 260 bits
  });

  const cases = [...inputs(RANDOM_COUNT, 1), ...HARD_CASES];

  it(`equals the BigInt evaluation on ${cases.length} arguments, fallback rare`, () => {
    const mismatches: string[] = [];
    let fallbacks = 0;
    let hardFallbacks = 0;
    for (const [i, x] of cases.entries()) {
      const fast = expFast(x);
      if (fast !== fast) {
        if (i >= RANDOM_COUNT) hardFallbacks++;
        else fallbacks++;
        continue;
      }
      const exact = crExpExact(x);
      if (!Object.is(fast, exact) && mismatches.length < 20) mismatches.push(`exp(${x}): ${fast} vs ${exact}`);
    }
    console.log(`exp-dd: ${fallbacks} fallbacks in ${RANDOM_COUNT} generated arguments, ${hardFallbacks} in ${HARD_CASES.length} hard cases`);
    expect(mismatches).toEqual([]);
    expect(fallbacks).toBeLessThan(RANDOM_COUNT / 1000);
  });

  it('the error bound holds against the 140-bit evaluation', () => {
    let worst = 0;
    const violations: string[] = [];
    const sample = cases.filter((_, i) => i % (CI ? 10 : 3) === 0);
    for (const x of sample) {
      const hi = expDd(x, 0);
      const lo = ddLow[0]!;
      const scale = expDdScale[0]!;
      const relErr = expDdScale[1]!;
      // exp(x) = mf * 2**k with mf a 140-bit fixed-point mantissa; compare at the same scale
      const [mf, k] = expFixed(toFixed(x));
      const ours = fixedPoint(hi, 140 + scale - k) + fixedPoint(lo, 140 + scale - k);
      const diff = Number(ours - mf) * 2 ** -140;
      const value = Number(mf) * 2 ** -140;
      // the reference is within a few units of 2**-140 of its mantissa in [1, 2)
      const ratio = Math.abs(diff) / (relErr * value + 2 ** -134);
      if (ratio > 1) violations.push(`exp(${x}): relative error ${Math.abs(diff) / value} > bound ${relErr}`);
      worst = Math.max(worst, Math.abs(diff) / (relErr * value));
    }
    console.log(`exp-dd: worst |error| / bound ${worst.toExponential(2)} over ${sample.length} arguments`);
    expect(violations.slice(0, 10)).toEqual([]);
  });
});

describe('exp-dd: parity with python3.11 math.exp', () => {
  const exe = oracle('3.11');
  it.skipIf(!exe)('crExp equals math.exp, or is the correctly rounded one', () => {
    const xs = [...inputs(CI ? 300_000 : 20_000, 2), ...HARD_CASES, 709.78, -745.1, -720];
    const report = parityWithPython(['exp'], xs, (_, x) => crExp(x as number));
    console.log(describeParity('exp-dd', report));
    expect(report.wrong.slice(0, 20)).toEqual([]);
    expect(report.different).toBeLessThan(report.compared / 100);
  });
});
