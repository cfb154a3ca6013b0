// Error-free transformations for double-double arithmetic (a value as an unevaluated sum hi + lo of
// two doubles). JS has no fused multiply-add, so products are split the Dekker/Veltkamp way.
// Each function returns the high part and leaves the low part in ddLow[0]: no object or array per
// call, and V8 keeps every operand an unboxed double (a Float64Array slot holds a raw double).

/** The low part of the last result. Read it right after the call, before the next one. */
export const ddLow = new Float64Array(1);

/** 2**27 + 1: splits a double into two halves of at most 26 significant bits each (Veltkamp). */
export const SPLITTER = 134217729;

/** a * b = p + ddLow[0] exactly (Dekker's TwoProduct; |a|, |b| well below 2**996, no underflow). */
export function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  ddLow[0] = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/**
 * (ah + al) * (bh + bl) as a double-double (both inputs normalized). Drops al * bl and rounds the
 * cross terms: relative error below 8u**2 = 2**-103, u = 2**-53 (DWTimesDW1 of Joldes, Muller,
 * Popescu 2017 proves 7u**2).
 */
export function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = twoProd(ah, bh);
  const e = ddLow[0]! + (ah * bl + al * bh);
  const h = p + e;
  ddLow[0] = e - (h - p);
  return h;
}

/**
 * (ah + al) / (bh + bl) as a double-double (bh + bl nonzero, both normalized): DWDivDW2 of
 * Joldes et al., relative error below 15u**2 + 56u**3 < 2**-102.
 */
export function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const th = ah / bh;
  // (rh, rl) = (bh + bl) * th (DWTimesFP1)
  const ch = twoProd(bh, th);
  const cl1 = ddLow[0]!;
  const cl2 = bl * th;
  const t = ch + cl2;
  const tl1 = cl2 - (t - ch);
  const tl2 = tl1 + cl1;
  const rh = t + tl2;
  const rl = tl2 - (rh - t);
  // ah - rh is exact (Sterbenz: th is the rounded quotient)
  const delta = ah - rh + (al - rl);
  const tl = delta / bh;
  const h = th + tl;
  ddLow[0] = tl - (h - th);
  return h;
}

/**
 * Ziv's rounding test: the double nearest to hi + lo when every value within err of hi + lo rounds
 * to it (so it is the correctly rounded value of whatever lies within the bound), else NaN.
 */
export function roundIfDecided(hi: number, lo: number, err: number): number {
  // widen the bound so that the two roundings of lo -+ bound cannot shrink the interval
  const bound = err * (1 + 2 ** -40) + Math.abs(lo) * 2 ** -51;
  const below = hi + (lo - bound);
  const above = hi + (lo + bound);
  // rounding is monotonic: equal ends mean every value in between rounds to the same double
  return below === above ? below : NaN;
}
