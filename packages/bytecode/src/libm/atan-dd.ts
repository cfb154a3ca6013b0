// The fast paths of crAtan and crAtan2 (Ziv's strategy, as trig-dd.ts): atan in double-double with
// an error bound, by one Newton step on Math.atan's estimate through the double-double tan:
// atan(a) = y0 + atan(d), d = (a - tan y0) / (1 + a tan y0), tiny. The callers fall back to their
// BigInt evaluation when the result is too close to a rounding boundary.
import { ddDiv, ddLow, roundIfDecided, twoProd } from './double-double.js';
import { trigDd, trigDdError } from './trig-dd.js';

// pi and pi/2 as double-doubles (within 2**-109 relative)
const PI_HI = 3.141592653589793;
const PI_LO = 1.2246467991473532e-16;
const PIO2_HI = 1.5707963267948966;
const PIO2_LO = 6.123233995736766e-17;

/** Below this the ratio's double-double could lose bits to underflow: the callers decline. */
const TINY = 2 ** -900;

/** The absolute error bound of the last atanUnit. */
const atanError = new Float64Array(1);

/** atan(ah + al) for TINY <= ah <= 1, |al| <= ulp(ah), as the returned high part + ddLow[0]. */
function atanUnit(ah: number, al: number): number {
  const y0 = Math.atan(ah);
  const th = trigDd(y0, 'tan');
  const tl = ddLow[0]!;
  const tanErr = trigDdError[0]!;
  // ah - th is exact (Sterbenz: tan y0 is within an ulp or so of ah); then a rounding of u |num|,
  // one of the low parts (under 2u**2 ah), and u each in den and the division
  const num = ah - th + (al - tl);
  const d = num / (1 + ah * th);
  const h = y0 + d;
  ddLow[0] = d - (h - y0);
  // d's error from tan's is at most tan's (the derivative is -1/(1 + a**2) near the root), then the
  // roundings, then the dropped -d**3/3
  atanError[0] = tanErr * 1.01 + ah * 2 ** -104 + Math.abs(d) * 2 ** -50 + Math.abs(d * d * d);
  return h;
}

/** (ch + cl) + sign * (h + l) as a double-double with |result| >= |h|/2, within 2**-104 of it. */
function addToConstant(ch: number, cl: number, sign: number, h: number, l: number): number {
  const bh = sign * h;
  const s = ch + bh;
  const bb = s - ch;
  const lo = ch - (s - bb) + (bh - bb) + (cl + sign * l);
  const r = s + lo;
  ddLow[0] = lo - (r - s);
  return r;
}

/** The absolute error bound of the last atanDd or atan2Dd. */
export const atanDdError = new Float64Array(1);

/** atan(x) for a finite x, |x| >= TINY, as the returned high part + ddLow[0], within atanDdError[0]. */
export function atanDd(x: number): number {
  const ax = Math.abs(x);
  let h: number;
  let l: number;
  if (ax <= 1) {
    h = atanUnit(ax, 0);
    l = ddLow[0]!;
    atanDdError[0] = atanError[0]!;
  } else {
    // atan(x) = pi/2 - atan(1/x); the quotient's 2**-102 passes through atan's derivative (< 1)
    const rh = ddDiv(1, 0, ax, 0);
    const a = atanUnit(rh, ddLow[0]!);
    h = addToConstant(PIO2_HI, PIO2_LO, -1, a, ddLow[0]!);
    l = ddLow[0]!;
    atanDdError[0] = atanError[0]! + rh * 2 ** -101 + 2 ** -104 * 2;
  }
  ddLow[0] = x < 0 ? -l : l;
  return x < 0 ? -h : h;
}

/** The correctly rounded atan(x) for a finite x, or NaN when undecided (or |x| < TINY). */
export function atanFast(x: number): number {
  if (!(Math.abs(x) >= TINY)) return NaN;
  const h = atanDd(x);
  return roundIfDecided(h, ddLow[0]!, atanDdError[0]!);
}

/**
 * atan2(y, x) for finite nonzero x and y as the returned high part + ddLow[0], within
 * atanDdError[0]; NaN when the ratio of the smaller magnitude to the larger is below TINY.
 */
export function atan2Dd(y: number, x: number): number {
  return atan2OfDd(y, 0, x, 0, 0);
}

/**
 * atan2 of the double-doubles y = yh + yl and x = xh + xl (nonzero), each within a relative error
 * inputRelErr, as atan2Dd.
 */
function atan2OfDd(yh: number, yl: number, xh: number, xl: number, inputRelErr: number): number {
  const ay = yh < 0 ? -yh : yh;
  const ayl = yh < 0 ? -yl : yl;
  const ax = xh < 0 ? -xh : xh;
  const axl = xh < 0 ? -xl : xl;
  const steep = ay > ax;
  // the ratio of the smaller to the larger magnitude, within 2**-102 and the inputs' errors
  const rh = steep ? ddDiv(ax, axl, ay, ayl) : ddDiv(ay, ayl, ax, axl);
  const rl = ddLow[0]!;
  if (!(rh >= TINY)) return NaN;
  const a = atanUnit(rh, rl);
  const al = ddLow[0]!;
  let h: number;
  let l: number;
  if (!steep) {
    // atan(ay/ax), or pi minus it for x < 0
    if (xh > 0) {
      h = a;
      l = al;
    } else {
      h = addToConstant(PI_HI, PI_LO, -1, a, al);
      l = ddLow[0]!;
    }
  } else {
    // pi/2 -+ atan(ax/ay)
    h = addToConstant(PIO2_HI, PIO2_LO, xh > 0 ? -1 : 1, a, al);
    l = ddLow[0]!;
  }
  // the ratio's relative error times the ratio bounds the error it makes in atan (derivative < 1)
  atanDdError[0] = atanError[0]! + rh * (2 ** -101 + 2.01 * inputRelErr) + Math.abs(h) * 2 ** -102;
  ddLow[0] = yh < 0 ? -l : l;
  return yh < 0 ? -h : h;
}

/**
 * The correctly rounded asin(x) or acos(x) for 2**-27 <= |x| < 1, or NaN when undecided:
 * asin(x) = atan2(x, sqrt(1 - x**2)) and acos(x) = atan2(sqrt(1 - x**2), x), the root in
 * double-double.
 */
export function asinAcosFast(x: number, which: 'asin' | 'acos'): number {
  // 1 - x**2 exactly as a double-double: x**2 = p + pe, 1 - p by a two-sum, then -pe (one rounding
  // of at most u (|se| + |pe|) < 2u**2, and none when |x| >= 2**-0.5 where 1 - p is exact)
  const p = twoProd(x, x);
  const pe = ddLow[0]!;
  const dh0 = 1 - p;
  const bb = dh0 - 1;
  const se = 1 - (dh0 - bb) + (-p - bb);
  const dl0 = se - pe;
  const dh = dh0 + dl0;
  const dl = dl0 - (dh - dh0);
  // its square root: one Newton correction of Math.sqrt, as in hypot-dd.ts
  const s = Math.sqrt(dh);
  const s2 = twoProd(s, s);
  const corr = (dh - s2 - ddLow[0]! + dl) / (2 * s);
  const rootRelErr = 2 ** -102;
  const h = which === 'asin' ? atan2OfDd(x, 0, s, corr, rootRelErr) : atan2OfDd(s, corr, x, 0, rootRelErr);
  return h !== h ? NaN : roundIfDecided(h, ddLow[0]!, atanDdError[0]!);
}

/** The correctly rounded atan2(y, x) for finite nonzero x and y, or NaN when undecided. */
export function atan2Fast(y: number, x: number): number {
  const h = atan2Dd(y, x);
  return h !== h ? NaN : roundIfDecided(h, ddLow[0]!, atanDdError[0]!);
}
