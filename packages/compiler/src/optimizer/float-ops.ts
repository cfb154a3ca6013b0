// float arithmetic with CPython 3.11's rules (Objects/floatobject.c): floor division and modulo
// signs, float_pow's special cases. null stands for the exception CPython would raise; the
// optimizer then leaves the expression unfolded.
import { crPow, decompose } from '@tspyc/bytecode';
import { ratioToDouble } from './float-round.js';

/** PyLong_AsDouble: round-half-even, OverflowError past the largest double. */
export function intToFloat(v: bigint): number | null {
  const f = Number(v); // ECMAScript rounds a BigInt to the nearest double, ties to even
  return Number.isFinite(f) ? f : null;
}

/** int / int, correctly rounded (long_true_divide); null for a zero divisor or an overflow. */
export function intTrueDivide(a: bigint, b: bigint): number | null {
  if (b === 0n) return null;
  if (a === 0n) return b < 0n ? -0 : 0; // the sign of the zero follows the divisor
  const neg = (a < 0n) !== (b < 0n);
  const r = ratioToDouble(a < 0n ? -a : a, b < 0n ? -b : b, 0);
  if (!Number.isFinite(r)) return null;
  return neg ? -r : r;
}

/** _float_div_mod: [floor quotient, remainder]; null for a zero divisor. */
export function floatDivMod(vx: number, wx: number): [number, number] | null {
  if (wx === 0) return null;
  let mod = vx % wx; // fmod, exactly
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** float_rem */
export function floatMod(vx: number, wx: number): number | null {
  if (wx === 0) return null;
  let mod = vx % wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) mod += wx;
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  return mod;
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/**
 * C's pow() as glibc computes it: correctly rounded (V8's Math.pow can be an ulp off) — exactly
 * for integral exponents, through the shared libm otherwise.
 */
export function libmPow(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 4096 && x !== 0 && Number.isFinite(x)) {
    const neg = x < 0 && isOddInteger(y);
    const [m, e] = decompose(Math.abs(x));
    const n = Math.abs(y);
    const big = m ** BigInt(n);
    const r = y > 0 ? ratioToDouble(big, 1n, e * n) : ratioToDouble(1n, big, -e * n);
    return neg ? -r : r;
  }
  if (x > 0 && Number.isFinite(x) && Number.isFinite(y) && x !== 1) return crPow(x, y);
  return Math.pow(x, y);
}

/** The result of float ** float: a number, 'complex' (a negative base, fractional exponent), or null. */
export function floatPow(iv: number, iw: number): number | 'complex' | null {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1.0) return 1.0;
    return iw > 0 === a > 1.0 ? Math.abs(iw) : 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0) {
    if (iw < 0) return null; // ZeroDivisionError
    return isOddInteger(iw) ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return 'complex';
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  let ix = libmPow(iv, iw);
  if (negate) ix = -ix;
  return Number.isFinite(ix) ? ix : null; // OverflowError
}
