// complex arithmetic as Objects/complexobject.c computes it (_Py_c_sum, _Py_c_prod, _Py_c_quot,
// c_powi/c_powu for small integral exponents, _Py_c_pow otherwise). null: CPython would raise.
// hypot, atan2, exp, log, cos and sin are V8's (fdlibm): rarely, an ulp away from glibc's.
import { crAtan2, crExp, crHypot, crLog, crTrig } from '@tspyc/bytecode';
import { libmPow } from './float-ops.js';
export type Complex = readonly [re: number, im: number];

export const csum = (a: Complex, b: Complex): Complex => [a[0] + b[0], a[1] + b[1]];
export const cdiff = (a: Complex, b: Complex): Complex => [a[0] - b[0], a[1] - b[1]];
export const cprod = (a: Complex, b: Complex): Complex => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];

/** _Py_c_quot; null for a zero divisor (errno EDOM). */
export function cquot(a: Complex, b: Complex): Complex | null {
  const absBreal = Math.abs(b[0]);
  const absBimag = Math.abs(b[1]);
  if (absBreal >= absBimag) {
    if (absBreal === 0) return null;
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absBimag >= absBreal) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

function cpowu(x: Complex, n: number): Complex {
  let r: Complex = [1, 0];
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (n & mask) r = cprod(r, p);
    p = cprod(p, p);
  }
  return r;
}

/** _Py_c_pow; null for 0 to a negative or complex power. */
function cpow(a: Complex, b: Complex): Complex | null {
  if (b[0] === 0 && b[1] === 0) return [1, 0];
  if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) return null;
    return [0, 0];
  }
  // glibc's hypot, atan2, exp, log, cos and sin are correctly rounded; V8's are not always
  const vabs = crHypot([a[0], a[1]]);
  let len = libmPow(vabs, b[0]);
  const at = crAtan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= crExp(at * b[1]);
    phase += b[1] * crLog(vabs);
  }
  return [len * crTrig(phase, 'cos'), len * crTrig(phase, 'sin')];
}

/** complex_pow: null for ZeroDivisionError or OverflowError (an infinite part). */
export function complexPow(a: Complex, b: Complex): Complex | null {
  let p: Complex | null;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    p = n > 0 ? cpowu(a, n) : cquot([1, 0], cpowu(a, -n));
  } else {
    p = cpow(a, b);
  }
  if (p === null) return null;
  if (Math.abs(p[0]) === Infinity || Math.abs(p[1]) === Infinity) return null;
  return p;
}
