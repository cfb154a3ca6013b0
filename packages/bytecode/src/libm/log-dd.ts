// The fast paths of crLog and crPow (Ziv's strategy, as trig-dd.ts and exp-dd.ts): log(x) in
// double-double with a rigorous error bound, by one Newton step on Math.log's estimate through the
// double-double exp; pow(x, y) as exp(y log x). When the result is too close to a rounding boundary
// the callers fall back to their BigInt evaluation.
import { ddLow, ddMul, roundIfDecided, twoProd } from './double-double.js';
import { expDd, expDdScale, EXP_DD_MAX, EXP_DD_MIN, pow2 } from './exp-dd.js';

/** Below this |x - 1| the log1p series is used: Newton's absolute error would be too large a part. */
const NEAR_ONE = 2 ** -20;

/** The absolute error bound of the last logDd. */
export const logDdError = new Float64Array(1);

/**
 * log(x) for a normal, finite x > 0, as the returned high part + ddLow[0], within logDdError[0].
 */
export function logDd(x: number): number {
  const u = x - 1; // exact near 1 (Sterbenz)
  if (Math.abs(u) < NEAR_ONE) {
    // log(1 + u) = u - u**2/2 + u**3 (1/3 - u/4 + u**2/5 - u**3/6) + (< |u|**7/7): u**2/2 exact,
    // the tail (< 2**-41.6 |u|) in doubles, within 2**-50 of itself
    const sq = twoProd(u, u);
    const sqLo = ddLow[0]!;
    const tail = u * sq * (1 / 3 - u * (0.25 - u * (0.2 - u / 6)));
    const s = u - 0.5 * sq;
    const bb = s - u;
    const lo = u - (s - bb) + (-0.5 * sq - bb) + (tail - 0.5 * sqLo);
    const h = s + lo;
    ddLow[0] = lo - (h - s);
    // the tail's own error, the roundings in lo (of terms no larger than these), the truncation
    logDdError[0] = Math.abs(tail) * 2 ** -50 + (Math.abs(tail) + Math.abs(sqLo) + Math.abs(lo)) * 2 ** -51 + Math.abs(u) * 2 ** -120;
    return h;
  }
  // y0 = Math.log(x) is within a few ulps; log(x) = y0 + log(1 + d) with d = x exp(-y0) - 1 tiny
  const y0 = Math.log(x);
  const mh = expDd(-y0, 0);
  const ml = ddLow[0]!;
  const expRelErr = expDdScale[1]!;
  // x exp(-y0) = (x 2**e) (mh + ml): scaling by 2**e is exact, the product near 1
  const xs = x * pow2(expDdScale[0]!);
  const p = twoProd(xs, mh);
  const pe = ddLow[0]!;
  const d = p - 1 + (pe + xs * ml); // p - 1 exact (Sterbenz); two roundings of at most u |d| + u**2 |p|
  // log(1 + d) = d - d**2/2 + (< |d|**3/3)
  const l = d - 0.5 * d * d;
  const h = y0 + l;
  const bb = h - y0;
  ddLow[0] = y0 - (h - bb) + (l - bb);
  // exp(-y0)'s relative error is d's absolute error (times 1 + d), then the roundings above
  logDdError[0] = expRelErr * 1.01 + Math.abs(d) * 2 ** -51 + Math.abs(p) * 2 ** -104 + Math.abs(d * d * d);
  return h;
}

/** The correctly rounded log(x) for a normal, finite x > 0, x != 1, or NaN when undecided. */
export function logFast(x: number): number {
  const h = logDd(x);
  return roundIfDecided(h, ddLow[0]!, logDdError[0]!);
}

// 1/ln2 as a double-double (within 2**-109 relative)
const INV_LN2_HI = 1.4426950408889634;
const INV_LN2_LO = 2.0355273740931033e-17;

/** The correctly rounded log2(x) for a normal, finite x > 0, x != 1, or NaN when undecided. */
export function log2Fast(x: number): number {
  const lh = logDd(x);
  const h = ddMul(lh, ddLow[0]!, INV_LN2_HI, INV_LN2_LO);
  // log's error scaled by the constant, then the product's 8u**2 and the constant's rounding
  return roundIfDecided(h, ddLow[0]!, logDdError[0]! * INV_LN2_HI * 1.01 + Math.abs(h) * 2 ** -101);
}

/**
 * The correctly rounded x ** y for a normal, finite x > 0 and finite y whose result is a normal
 * double, or NaN when undecided (or out of that range).
 */
export function powFast(x: number, y: number): number {
  const lh = logDd(x);
  const ll = ddLow[0]!;
  const logErr = logDdError[0]!;
  // t = y log(x) as a double-double: y lh exactly, y ll rounded
  const th = twoProd(y, lh);
  const tl = ddLow[0]! + y * ll;
  if (!(th > EXP_DD_MIN && th < EXP_DD_MAX)) return NaN;
  const t = th + tl;
  const tLo = tl - (t - th);
  const tErr = Math.abs(y) * logErr + Math.abs(tl) * 2 ** -52;
  const mh = expDd(t, tLo);
  const ml = ddLow[0]!;
  // t's absolute error is a relative error of exp(t)
  const relErr = expDdScale[1]! + tErr * 1.01;
  const m = roundIfDecided(mh, ml, relErr * mh);
  return m * pow2(expDdScale[0]!);
}
