// The fast path of crHypot (Ziv's strategy, as trig-dd.ts): the square root of a sum of squares in
// double-double with an error bound; crHypot falls back to its exact BigInt square root when the
// result is too close to a rounding boundary, or when squaring could overflow or underflow.
import { ddLow, roundIfDecided, twoProd } from './double-double.js';

/** Squares of magnitudes in [2**-450, 2**450] neither overflow nor lose bits to underflow. */
const SAFE_MIN = 2 ** -450;
const SAFE_MAX = 2 ** 450;

/** The absolute error bound of the last hypotDd. */
export const hypotDdError = new Float64Array(1);

/**
 * sqrt(sum of v**2) as the returned high part + ddLow[0], within hypotDdError[0], for finite values
 * each 0 or of magnitude in [2**-450, 2**450], at least one nonzero; NaN out of that range.
 */
export function hypotDd(values: readonly number[]): number {
  // the sum of squares as a double-double: each square exact (two-product), all terms positive so
  // nothing cancels
  let sh = 0;
  let sl = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]!);
    if (v === 0) continue;
    if (!(v >= SAFE_MIN && v <= SAFE_MAX)) return NaN;
    const p = twoProd(v, v);
    const pe = ddLow[0]!;
    const s = sh + p;
    const bb = s - sh;
    const lo = sh - (s - bb) + (p - bb) + sl + pe;
    sh = s + lo;
    sl = lo - (sh - s);
  }
  if (sh === 0) return NaN;
  // sqrt of the double-double: one Newton correction of Math.sqrt (s**2 = p + pe exactly, sh - p
  // exact by Sterbenz); second-order term under u**2/2, the roundings under 3u**2 (relative)
  const s = Math.sqrt(sh);
  const p = twoProd(s, s);
  const rem = sh - p - ddLow[0]! + sl;
  const corr = rem / (2 * s);
  // each addition above is within 6u**2 of the sum (two roundings of terms under 3u times it),
  // the square root halves that and adds its 4u**2; twice that for slack
  hypotDdError[0] = (values.length * 8 + 16) * 2 ** -106 * s;
  ddLow[0] = corr;
  return s;
}

/** The correctly rounded hypotDd, or NaN when undecided or out of its range. */
export function hypotFast(values: readonly number[]): number {
  const h = hypotDd(values);
  return h !== h ? NaN : roundIfDecided(h, ddLow[0]!, hypotDdError[0]!);
}
