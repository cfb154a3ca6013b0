// The fast path of crTrig (Ziv's strategy): sin, cos or tan in double-double arithmetic, with a
// rigorous bound on its error. When every value within the bound rounds to the same double, that
// double is the correctly rounded result; otherwise (rare) crTrig falls back to its BigInt path.
// Plain doubles only, nothing allocated per call.
import { ddDiv, ddLow, ddMul, roundIfDecided, twoProd } from './double-double.js';
import { factorialSeries } from './taylor.js';

/** Beyond this |x| the fast path declines (Cody-Waite below needs |k| < 2**20). */
export const TRIG_DD_MAX = 2 ** 20;

const TWO_OVER_PI = 0x145f306dc9c883 * 2 ** -53; // 2/pi rounded
// pi/2 = PIO2_1 + ... + PIO2_5 + (< 2**-197): the first four have at most 33 significant bits,
// so k * PIO2_i is exact for |k| < 2**20 (Cody-Waite); the last carries 53 more bits.
const PIO2_1 = 0x6487ed51 * 2 ** -30;
const PIO2_2 = 0x85a308d3 * 2 ** -65;
const PIO2_3 = 0x98cc517 * 2 ** -96;
const PIO2_4 = 0xdc1cd129 * 2 ** -135;
const PIO2_5 = 0x93822299f31d * 2 ** -189;
export const PIO2_PARTS = new Float64Array([PIO2_1, PIO2_2, PIO2_3, PIO2_4, PIO2_5]);
/** |pi/2 - sum of PIO2_i| plus the rounding of k * PIO2_5, per unit of |k| (2**-197 + 2**-194). */
const PIO2_ERR_PER_K = 2 ** -190;

/**
 * Relative error of the series below, as evaluated: at most 9 Horner steps in double-double,
 * each within 12u**2 = 2**-102.4 (taylor.ts), amplified by sum|c_i z^i| / |sum c_i z^i| <= 1.9,
 * then the product by r (8u**2), the double-precision tail (< 2**-102), the coefficients' rounding and the truncation
 * (< 2**-110): under 2**-97 in all. 2**-92 leaves a factor 32 of slack at no measurable cost.
 */
const POLY_REL_ERR = 2 ** -92;
const DIV_REL_ERR = 2 ** -100;

/** sin(r) = r * sum (-z)**i / (2i+1)!, cos(r) = sum (-z)**i / (2i)!, z = r**2, |r| <= pi/4 + tiny */
const SIN_DD_TERMS = 8; // i < 8 in double-double: z**8/17! < 2**-53.9, so the rest only needs doubles
const SIN_TERMS = 15; // z**15/31! < 2**-123
const COS_DD_TERMS = 9; // z**9/18! < 2**-58.8
const COS_TERMS = 16; // z**16/32! < 2**-128

// Module-level state lives in a Float64Array: a double stored in a module variable would be boxed
// (a heap number allocated per store), a typed-array slot holds it raw.
const REDUCED_HI = 0;
const REDUCED_LO = 1;
const REDUCED_ERR = 2;
/** r = x - k pi/2 as the double-double REDUCED_HI + REDUCED_LO, with a bound on its absolute error */
const reduced = new Float64Array(3);

/**
 * Cody-Waite reduction of x (|x| < TRIG_DD_MAX) by k pi/2, into `reduced`. Each step subtracts the
 * exact k * PIO2_i with a two-sum; the one rounding per step (of the low parts' sum lo) is at most
 * |lo| * 2**-53, and cancellation costs nothing since the partial results are exact.
 */
function reduce(x: number, k: number): void {
  if (k === 0) {
    reduced[REDUCED_HI] = x;
    reduced[REDUCED_LO] = 0;
    reduced[REDUCED_ERR] = 0;
    return;
  }
  // x - k PIO2_1 is exact: k is the nearest integer to x 2/pi, so Sterbenz's lemma applies
  let hi = x - k * PIO2_1;
  let lo = 0;
  let err = Math.abs(k) * PIO2_ERR_PER_K;
  for (let part = 1; part < 5; part++) {
    const t = -k * PIO2_PARTS[part]!;
    const s = hi + t;
    let bb = s - hi;
    const sum = lo + (hi - (s - bb) + (t - bb));
    err += Math.abs(sum) * 2 ** -52;
    hi = s + sum;
    bb = hi - s;
    lo = s - (hi - bb) + (sum - bb);
  }
  reduced[REDUCED_HI] = hi;
  reduced[REDUCED_LO] = lo;
  reduced[REDUCED_ERR] = err;
}

/** sin(r) of the reduced argument, z = r**2, as a double-double (the result + ddLow[0]). */
function sinReduced(zh: number, zl: number): number {
  const sh = factorialSeries(-zh, -zl, 1, 2, SIN_DD_TERMS, SIN_TERMS);
  return ddMul(reduced[REDUCED_HI]!, reduced[REDUCED_LO]!, sh, ddLow[0]!);
}

/** cos(r) of the reduced argument, z = r**2, as a double-double (the result + ddLow[0]). */
function cosReduced(zh: number, zl: number): number {
  return factorialSeries(-zh, -zl, 0, 2, COS_DD_TERMS, COS_TERMS);
}

/** The absolute error bound of the last trigDd. */
export const trigDdError = new Float64Array(1);

/**
 * sin, cos or tan of x (2**-27 <= |x| < TRIG_DD_MAX) as the double-double returned + ddLow[0],
 * within trigDdError[0]. Exported for the tests of the bound.
 */
export function trigDd(x: number, which: 'sin' | 'cos' | 'tan'): number {
  const k = Math.round(x * TWO_OVER_PI);
  reduce(x, k);
  const quadrant = k & 3;
  const rh = reduced[REDUCED_HI]!;
  const rErr = reduced[REDUCED_ERR]!;
  // z = r**2: rl**2 < 2**-106 z is dropped, the cross term rounded
  const zh = twoProd(rh, rh);
  const zl = ddLow[0]! + 2 * rh * reduced[REDUCED_LO]!;
  let hi: number;
  let lo: number;
  let err: number;
  if (which === 'tan') {
    const sh = sinReduced(zh, zl);
    const sl = ddLow[0]!;
    const ch = cosReduced(zh, zl);
    const cl = ddLow[0]!;
    // tan x is s/c in even quadrants, -c/s in odd ones; the relative errors of s and c add up
    const relErr = 2 * POLY_REL_ERR + DIV_REL_ERR + rErr / Math.abs(sh) + rErr / Math.abs(ch);
    if (quadrant & 1) {
      hi = -ddDiv(ch, cl, sh, sl);
      lo = -ddLow[0]!;
    } else {
      hi = ddDiv(sh, sl, ch, cl);
      lo = ddLow[0]!;
    }
    err = relErr * 1.01 * Math.abs(hi);
  } else {
    // sin x is s, c, -s, -c and cos x is c, -s, -c, s by quadrant
    const useSin = which === 'sin' ? (quadrant & 1) === 0 : (quadrant & 1) === 1;
    hi = useSin ? sinReduced(zh, zl) : cosReduced(zh, zl);
    lo = ddLow[0]!;
    const negate = which === 'sin' ? quadrant >= 2 : quadrant === 1 || quadrant === 2;
    if (negate) {
      hi = -hi;
      lo = -lo;
    }
    // |d sin/dr| and |d cos/dr| are at most 1: the reduction error passes through unscaled
    err = POLY_REL_ERR * Math.abs(hi) + rErr;
  }
  trigDdError[0] = err;
  ddLow[0] = lo;
  return hi;
}

/**
 * The correctly rounded sin, cos or tan of x (2**-27 <= |x| < TRIG_DD_MAX), or NaN when the
 * double-double result is too close to a rounding boundary to decide (then the caller computes it
 * exactly).
 */
export function trigFast(x: number, which: 'sin' | 'cos' | 'tan'): number {
  const hi = trigDd(x, which);
  return hi === 0 ? NaN : roundIfDecided(hi, ddLow[0]!, trigDdError[0]!);
}
