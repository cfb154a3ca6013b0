// Taylor series with coefficients 1/n! in double-double, shared by the fast paths of sin/cos/tan and
// exp: Horner's rule, the small high-order terms in plain doubles, the leading ones in double-double.
import { SPLITTER, ddLow, twoProd } from './double-double.js';

/** 1/n! as a double-double for n = 0..31 (n! is exact in a double up to 22!). */
const FACT_INV_HI = new Float64Array(32);
const FACT_INV_LO = new Float64Array(32);
{
  let fact = 1;
  let inv = 1;
  for (let n = 0; n < 32; n++) {
    if (n > 0) {
      fact *= n;
      inv /= n;
    }
    if (n <= 22) {
      // hi = 1/n! rounded, lo = (1 - hi * n!) / n! from the exact remainder
      const hi = 1 / fact;
      const p = twoProd(hi, fact);
      FACT_INV_HI[n] = hi;
      FACT_INV_LO[n] = (1 - p - ddLow[0]!) / fact;
    } else {
      // only in the double-precision tail: a few ulps of error there are negligible
      FACT_INV_HI[n] = inv;
    }
  }
}

/**
 * sum over i < terms of x**i / (first + stride * i)! for the double-double x = xh + xl, as the
 * returned high part + ddLow[0]. Terms i >= ddTerms are summed in doubles: the caller picks ddTerms
 * so that they are below 2**-53 of the sum. Each double-double step c + x * acc adds without the
 * accurate two-sum of the low parts: the callers' terms fall fast enough that |x * acc| < |c| / 2,
 * so nothing cancels and a step stays within 12u**2 (u = 2**-53) of its exact value. The step is
 * written out (Dekker's product on locals) so that nothing goes through memory.
 */
export function factorialSeries(xh: number, xl: number, first: number, stride: number, ddTerms: number, terms: number): number {
  let acc = FACT_INV_HI[first + stride * (terms - 1)]!;
  for (let i = terms - 2; i >= ddTerms; i--) acc = FACT_INV_HI[first + stride * i]! + xh * acc;
  let t = SPLITTER * xh;
  const xhHi = t - (t - xh);
  const xhLo = xh - xhHi;
  let accHi = acc;
  let accLo = 0;
  for (let i = ddTerms - 1; i >= 0; i--) {
    // (ph, pe) = xh * accHi exactly
    const ph = xh * accHi;
    t = SPLITTER * accHi;
    const aHi = t - (t - accHi);
    const aLo = accHi - aHi;
    const pe = xhHi * aHi - ph + xhHi * aLo + xhLo * aHi + xhLo * aLo;
    const pl = pe + (xh * accLo + xl * accHi);
    // (s, se) = c + ph exactly, then the low parts
    const c = FACT_INV_HI[first + stride * i]!;
    const s = c + ph;
    const bb = s - c;
    const se = c - (s - bb) + (ph - bb);
    const lo = se + FACT_INV_LO[first + stride * i]! + pl;
    accHi = s + lo;
    accLo = lo - (accHi - s);
  }
  ddLow[0] = accLo;
  return accHi;
}
