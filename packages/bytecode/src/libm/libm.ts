// Shared by the compiler (constant folding of float ** float) and the VM (math, float.__pow__).
// exp, log, log2, pow, sin, cos, tan, atan, atan2, asin, acos and hypot correctly rounded (V8's
// Math.exp/log/pow are off by an ulp for 3-10% of arguments). glibc, behind CPython, is correctly
// rounded on all but some 0.01-0.2% of arguments (it dropped its slow paths in 2.28); log10 follows
// glibc's own formula instead, which is up to 2 ulps off but reproducible. Each function first tries
// a double-double fast path with an error bound (Ziv's strategy: *-dd.ts) and falls back, rarely,
// to fixed-point BigInt arithmetic with 140 fractional bits: exp by range reduction and Taylor
// series, log by the atanh series.
// CPython counterpart: the platform libm behind Modules/mathmodule.c and float_pow.
import { asinAcosFast, atan2Fast, atanFast } from './atan-dd.js';
import { EXP_DD_MAX, EXP_DD_MIN, expFast, pow2 } from './exp-dd.js';
import { hypotFast } from './hypot-dd.js';
import { log2Fast, logFast, powFast } from './log-dd.js';
import { TRIG_DD_MAX, trigFast } from './trig-dd.js';

/** fractional bits of the fixed-point arithmetic */
const P = 140n;
const ONE = 1n << P;

/** x = m * 2**e exactly (x finite, > 0). */
const view = new DataView(new ArrayBuffer(8));

export function decompose(x: number): [bigint, number] {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (bexp === 0) return [m, -1074];
  m |= 1n << 52n;
  return [m, bexp - 1075];
}

/** A double as a fixed-point number (exact for the magnitudes used here). */
export function toFixed(x: number): bigint {
  const neg = x < 0;
  const [m, e] = decompose(Math.abs(x));
  const sh = BigInt(e) + P;
  const v = sh >= 0n ? m << sh : m >> -sh;
  return neg ? -v : v;
}

function mul(a: bigint, b: bigint): bigint {
  return (a * b) >> P;
}

function bitLength(n: bigint): number {
  if (n <= 0n) return n.toString(2).length;
  // from the hex digits: a quarter of the string toString(2) would build
  const h = n.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0]!, 16)));
}

/** log(m) for a fixed-point m in [1, 2]: 2 * atanh((m - 1) / (m + 1)). */
function logMantissa(m: bigint): bigint {
  const z = ((m - ONE) << P) / (m + ONE);
  const z2 = mul(z, z);
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = mul(term, z2);
  }
  return 2n * sum;
}

let LN2: bigint | null = null;
function ln2(): bigint {
  return (LN2 ??= logMantissa(2n * ONE));
}

/** log(x) as fixed point, x > 0 finite. */
export function logFixed(x: number): bigint {
  const [m, e] = decompose(x);
  const bl = bitLength(m);
  const mf = (m << P) >> BigInt(bl - 1);
  return logMantissa(mf) + BigInt(e + bl - 1) * ln2();
}

/** exp(t) for a fixed-point t, as a fixed-point mantissa in [1, 2) and a power of two. */
export function expFixed(t: bigint): [bigint, number] {
  const l2 = ln2();
  let k = t / l2;
  if (t < 0n && k * l2 !== t) k -= 1n;
  const r = t - k * l2;
  let term = ONE;
  let sum = ONE;
  for (let i = 1n; term !== 0n; i++) {
    term = mul(term, r) / i;
    sum += term;
  }
  return [sum, Number(k)];
}

/** The double nearest to v / 2**P * 2**extraExp (v > 0), ties to even, subnormals included. */
function fixedToDouble(v: bigint, extraExp: number): number {
  const exp2 = extraExp - Number(P);
  let drop = bitLength(v) - 53;
  if (exp2 + drop < -1074) drop = -1074 - exp2;
  if (drop <= 0) return Number(v) * 2 ** exp2;
  let kept = v >> BigInt(drop);
  const rem = v & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (rem > half || (rem === half && (kept & 1n) === 1n)) kept += 1n;
  return Number(kept) * 2 ** (exp2 + drop);
}

export function crExp(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return 0;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (x === 0) return 1;
  if (x >= EXP_DD_MIN && x <= EXP_DD_MAX) {
    // Ziv's strategy: the double-double fast path (exp-dd.ts) unless it cannot decide
    const fast = expFast(x);
    if (fast === fast) return fast;
  }
  return crExpExact(x);
}

/** exp(x) correctly rounded by the BigInt evaluation alone (x finite, nonzero, within the range above). */
export function crExpExact(x: number): number {
  const [mf, k] = expFixed(toFixed(x));
  return fixedToDouble(mf, k);
}

export function crLog(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;
  if (x >= MIN_NORMAL) {
    // Ziv's strategy: the double-double fast path (log-dd.ts) unless it cannot decide
    const fast = logFast(x);
    if (fast === fast) return fast;
  }
  return crLogExact(x);
}

/** log(x) correctly rounded by the BigInt evaluation alone (x finite, > 0, not 1). */
export function crLogExact(x: number): number {
  if (Math.abs(x - 1) < 2 ** -20) return log1pExact(x - 1);
  const l = logFixed(x);
  return l < 0n ? -fixedToDouble(-l, 0) : fixedToDouble(l, 0);
}

/**
 * log(1 + u) for 0 < |u| < 2**-20 (u exact) by its series in fixed point with 140 bits below u's
 * leading bit: logFixed's 140 absolute bits are too few there (log(1 - 2**-52) lies 2**-157 from a
 * rounding midpoint).
 */
function log1pExact(u: number): number {
  const [m, e] = decompose(Math.abs(u));
  // u = +-m 2**e; work with Q fractional bits, Q = 140 + (bits of u below 2**0)
  const q = BigInt(140 - e);
  const uf = u < 0 ? -(m << (q + BigInt(e))) : m << (q + BigInt(e));
  let power = uf;
  let sum = 0n;
  for (let n = 1n; power !== 0n; n++) {
    sum += power / n;
    power = -((power * uf) >> q);
  }
  return sum < 0n ? -fixedToDouble(-sum, Number(P - q)) : fixedToDouble(sum, Number(P - q));
}

const MIN_NORMAL = 2 ** -1022;

/** x ** y for finite x > 0 and finite non-integral y. */
export function crPow(x: number, y: number): number {
  if (x >= MIN_NORMAL) {
    const fast = powFast(x, y);
    if (fast === fast) return fast;
  }
  return crPowExact(x, y);
}

/** x ** y correctly rounded by the BigInt evaluation alone (as crPow). */
export function crPowExact(x: number, y: number): number {
  const t = mul(logFixed(x), toFixed(y));
  if (t > toFixed(709.9)) return Infinity;
  if (t < toFixed(-745.3)) return 0;
  const [mf, k] = expFixed(t);
  return fixedToDouble(mf, k);
}

/**
 * log2(x) correctly rounded (as glibc's log2, within its rare misroundings); log10(x) as glibc
 * computes it, which CPython's math.log10 returns: fdlibm's e_log10.c over log, up to 2 ulps from
 * the exact value but reproducible from a correctly rounded log.
 */
export function crLogBase(x: number, base: 2 | 10): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (base === 10) {
    // exact powers of ten give exact results in glibc
    const r = Math.round(Math.log10(x));
    if (10 ** r === x) return r;
    return log10Glibc(x);
  }
  // exact powers of two
  const r = Math.round(Math.log2(x));
  if (r >= -1074 && r <= 1023 && pow2(r) === x) return r;
  if (x >= MIN_NORMAL) {
    // Ziv's strategy: the double-double fast path (log-dd.ts) unless it cannot decide
    const fast = log2Fast(x);
    if (fast === fast) return fast;
  }
  return crLog2Exact(x);
}

/** log2(x) correctly rounded by the BigInt evaluation alone (x finite, > 0). */
export function crLog2Exact(x: number): number {
  const l = (logFixed(x) << P) / ln2();
  return l < 0n ? -fixedToDouble(-l, 0) : fixedToDouble(l, 0);
}

// e_log10.c's constants: 1/ln10 and log10(2) split so that k * LOG10_2HI is exact
const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;

/**
 * glibc's __ieee754_log10 (fdlibm) for a finite x > 0: x = 2**k m with m in [1, 2), or [0.5, 1)
 * for k < 0 so that log(m) and k agree in sign, then k log10(2) + log(m) / ln10 in that order of
 * roundings.
 */
function log10Glibc(x: number): number {
  let k = 0;
  if (x < MIN_NORMAL) {
    k = -54;
    x *= 2 ** 54;
  }
  view.setFloat64(0, x);
  let hx = view.getUint32(0);
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  hx = (hx & 0xfffff) | ((0x3ff - i) << 20);
  view.setUint32(0, hx);
  const m = view.getFloat64(0);
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * crLog(m);
  return z + y * LOG10_2HI;
}

// ---- trigonometry ----

/** pi with `bits` fractional bits, within a few units (Machin: 16 atan(1/5) - 4 atan(1/239)). */
function machinPi(bits: bigint): bigint {
  const one = 1n << bits;
  const atanInv = (n: bigint): bigint => {
    let term = one / n;
    let sum = term;
    const n2 = n * n;
    for (let k = 3n, sign = -1n; term !== 0n; k += 2n, sign = -sign) {
      term /= n2;
      sum += (sign * term) / k;
    }
    return sum;
  };
  return 16n * atanInv(5n) - 4n * atanInv(239n);
}

/** pi in fixed point with 64 extra guard bits, 204 fractional bits. */
let PI_FIXED: bigint | null = null;
const PI_GUARD = 64n;
export function piFixed(): bigint {
  return (PI_FIXED ??= machinPi(P + PI_GUARD));
}

/** pi with P + guard fractional bits, guard up to 1100 (enough for the reduction of any double). */
let PI_WIDE: bigint | null = null;
const PI_WIDE_GUARD = 1100n;
function piWithGuard(guard: bigint): bigint {
  if (guard === PI_GUARD) return piFixed();
  return (PI_WIDE ??= machinPi(P + PI_WIDE_GUARD)) >> (PI_WIDE_GUARD - guard);
}

/** 1/n! in fixed point for the odd (sin) or even (cos) n, while it is not 0 */
let SIN_COEFFS: bigint[] | null = null;
let COS_COEFFS: bigint[] | null = null;
function taylorCoeffs(odd: boolean): bigint[] {
  const out: bigint[] = [];
  let fact = 1n;
  let n = 0n;
  if (odd) {
    n = 1n;
  }
  for (;;) {
    const c = ONE / fact;
    if (c === 0n) return out;
    out.push(c);
    fact *= (n + 1n) * (n + 2n);
    n += 2n;
  }
}

/** sum of (-1)**k coeffs[k] x**k by Horner's rule (x = r**2 in fixed point, 0 <= x < 1). */
function alternating(coeffs: bigint[], x: bigint): bigint {
  let acc = coeffs[coeffs.length - 1]!;
  for (let k = coeffs.length - 2; k >= 0; k--) acc = coeffs[k]! - mul(x, acc);
  return acc;
}

/** sin of a fixed-point r with |r| <= pi/4 (Taylor series). */
function sinSmall(r: bigint): bigint {
  return mul(r, alternating((SIN_COEFFS ??= taylorCoeffs(true)), mul(r, r)));
}

/** cos of a fixed-point r with |r| <= pi/4 (Taylor series). */
function cosSmall(r: bigint): bigint {
  return alternating((COS_COEFFS ??= taylorCoeffs(false)), mul(r, r));
}

function signedToDouble(v: bigint): number {
  if (v === 0n) return 0;
  return v < 0n ? -fixedToDouble(-v, 0) : fixedToDouble(v, 0);
}

let HALF_PI: bigint | null = null;
let QUARTER_PI: bigint | null = null;

/**
 * sin, cos or tan of x, correctly rounded for every finite x (V8's Math.sin and the like are an ulp
 * off for some 3% of large arguments).
 * Ziv's strategy: the double-double fast path (trig-dd.ts) answers unless its result is too close to
 * a rounding boundary, then the exact BigInt evaluation decides.
 */
export function crTrig(x: number, which: 'sin' | 'cos' | 'tan'): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return which === 'cos' ? 1 : x;
  if (Math.abs(x) < 2 ** -27) {
    // sin(x) and tan(x) round to x, cos(x) to 1
    return which === 'cos' ? 1 : x;
  }
  if (Math.abs(x) < TRIG_DD_MAX) {
    const fast = trigFast(x, which);
    if (fast === fast) return fast;
  }
  return crTrigExact(x, which);
}

/** sin, cos or tan of a finite x, |x| >= 2**-27, correctly rounded by the BigInt evaluation alone. */
export function crTrigExact(x: number, which: 'sin' | 'cos' | 'tan'): number {
  return signedToDouble(trigFixed(x, which));
}

/**
 * sin, cos or tan of a finite x, |x| >= 2**-27, in fixed point, within 2**-139 or so: the reference
 * the fast path falls back to (and is tested against).
 */
export function trigFixed(x: number, which: 'sin' | 'cos' | 'tan'): bigint {
  // q = x / (pi/2) has up to log2|x| bits: pi needs that many more guard bits, past the usual 64
  const ax = Math.abs(x);
  const guard = ax < 2 ** 30 ? PI_GUARD : BigInt(Math.ceil(Math.log2(ax))) + PI_GUARD;
  const xf = toFixed(x) << guard;
  const halfPi = guard === PI_GUARD ? (HALF_PI ??= piFixed() / 2n) : piWithGuard(guard) / 2n;
  const shifted = xf + (guard === PI_GUARD ? (QUARTER_PI ??= halfPi / 2n) : halfPi / 2n);
  let q = shifted / halfPi;
  if (shifted < 0n && q * halfPi !== shifted) q -= 1n;
  const r = (xf - q * halfPi) >> guard;
  const quadrant = Number(((q % 4n) + 4n) % 4n);
  // sin(x) is s, c, -s, -c and cos(x) is c, -s, -c, s by quadrant: only the series needed are summed
  if (which === 'sin') {
    const v = quadrant & 1 ? cosSmall(r) : sinSmall(r);
    return quadrant & 2 ? -v : v;
  }
  if (which === 'cos') {
    const v = quadrant & 1 ? sinSmall(r) : cosSmall(r);
    return quadrant === 1 || quadrant === 2 ? -v : v;
  }
  const s = sinSmall(r);
  const c = cosSmall(r);
  const sinX = [s, c, -s, -c][quadrant]!;
  const cosX = [c, -s, -c, s][quadrant]!;
  return (sinX << P) / cosX;
}

// ---- hypot and inverse trigonometry ----

/** floor(sqrt(n)) for n >= 0. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Newton's iteration from a power of two above the root decreases monotonically to it
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(sum of squares) correctly rounded (math.hypot). */
export function crHypot(values: number[]): number {
  let inf = false;
  let nan = false;
  let nonzero = false;
  for (const v of values) {
    if (v === Infinity || v === -Infinity) inf = true;
    else if (v !== v) nan = true;
    else if (v !== 0) nonzero = true;
  }
  if (inf) return Infinity;
  if (nan) return NaN;
  if (!nonzero) return 0;
  // Ziv's strategy: the double-double fast path (hypot-dd.ts) unless it cannot decide
  const fast = hypotFast(values);
  if (fast === fast) return fast;
  return hypotExact(values);
}

/** crHypot of finite values, not all 0, by the exact BigInt square root. */
export function hypotExact(values: number[]): number {
  const parts = values.filter((v) => v !== 0).map((v) => decompose(Math.abs(v)));
  const emin = Math.min(...parts.map(([, e]) => e));
  let s = 0n;
  for (const [m, e] of parts) s += (m * m) << BigInt(2 * (e - emin));
  // sqrt(s) * 2**emin, with about 64 bits of quotient
  const k = Math.max(0, 64 - Math.floor(bitLength(s) / 2));
  const scaled = s << BigInt(2 * k);
  const r = isqrt(scaled);
  const exact = r * r === scaled;
  // value = r * 2**(emin - k) (+ a sticky bit when inexact)
  const v = (r << 1n) | (exact ? 0n : 1n);
  return fixedToDouble(v, emin - k - 1 + Number(P));
}

/** atan of a fixed-point t (any magnitude), fixed point. */
export function atanFixed(t: bigint): bigint {
  const neg = t < 0n;
  let x = neg ? -t : t;
  let invert = false;
  if (x > ONE) {
    x = (ONE << P) / x;
    invert = true;
  }
  // halve the angle twice: atan(x) = 2 atan(x / (1 + sqrt(1 + x^2)))
  let doublings = 0n;
  for (let i = 0; i < 3; i++) {
    const root = isqrt((ONE + mul(x, x)) << P);
    x = (x << P) / (ONE + root);
    doublings++;
  }
  const x2 = mul(x, x);
  let term = x;
  let sum = 0n;
  for (let k = 1n, sign = 1n; term !== 0n; k += 2n, sign = -sign) {
    sum += (sign * term) / k;
    term = mul(term, x2);
  }
  let r = sum << doublings;
  if (invert) r = (piFixed() >> (PI_GUARD + 1n)) - r;
  return neg ? -r : r;
}

/** atan2(y, x) correctly rounded for finite nonzero arguments (others follow C99 via Math.atan2). */
export function crAtan2(y: number, x: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return Math.atan2(y, x);
  // Ziv's strategy: the double-double fast path (atan-dd.ts) unless it cannot decide
  const fast = atan2Fast(y, x);
  if (fast === fast) return fast;
  return crAtan2Exact(y, x);
}

/** atan2(y, x) for finite nonzero x and y, correctly rounded by the BigInt evaluation alone. */
export function crAtan2Exact(y: number, x: number): number {
  const [my, ey] = decompose(Math.abs(y));
  const [mx, ex] = decompose(Math.abs(x));
  if (x > 0 && ey - ex < -20) {
    const a = atanOfSmallRatio(my, ey, mx, ex);
    return y < 0 ? -a : a;
  }
  // |y/x| as fixed point
  const sh = BigInt(ey - ex) + P;
  const ratio = sh >= 0n ? (my << sh) / mx : my / (mx << -sh);
  if (ratio === 0n) return Math.atan2(y, x);
  let a = atanFixed(ratio);
  const pi = piFixed() >> PI_GUARD;
  if (x < 0) a = pi - a;
  return y < 0 ? -signedToDouble(a) : signedToDouble(a);
}

/**
 * atan(my 2**ey / (mx 2**ex)) for a ratio below 2**-20 by its series, in fixed point with 140 bits
 * below the ratio's leading bit: the 140 absolute bits of atanFixed leave too few of a tiny result.
 */
function atanOfSmallRatio(my: bigint, ey: number, mx: bigint, ex: number): number {
  const q = BigInt(140 + ex - ey);
  const sh = q + BigInt(ey - ex);
  const t = (my << sh) / mx;
  const t2 = (t * t) >> q;
  let term = t;
  let sum = 0n;
  for (let k = 1n, sign = 1n; term !== 0n; k += 2n, sign = -sign) {
    sum += (sign * term) / k;
    term = (term * t2) >> q;
  }
  return sum === 0n ? 0 : fixedToDouble(sum, Number(P - q));
}

export function crAtan(x: number): number {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) < 2 ** -27) return Math.atan(x);
  const fast = atanFast(x);
  if (fast === fast) return fast;
  return crAtanExact(x);
}

/** atan(x) for a finite x, |x| >= 2**-27, correctly rounded by the BigInt evaluation alone. */
export function crAtanExact(x: number): number {
  return signedToDouble(atanFixed(toFixed(x)));
}

/** asin and acos through atan2 with an exact square root. */
export function crAsinAcos(x: number, which: 'asin' | 'acos'): number {
  if (!(x >= -1 && x <= 1)) return NaN;
  if (x === 0 || Math.abs(x) === 1 || Math.abs(x) < 2 ** -27) return which === 'asin' ? Math.asin(x) : Math.acos(x);
  // Ziv's strategy: the double-double fast path (atan-dd.ts) unless it cannot decide
  const fast = asinAcosFast(x, which);
  if (fast === fast) return fast;
  return crAsinAcosExact(x, which);
}

/** asin or acos of x (2**-27 <= |x| < 1) correctly rounded by the BigInt evaluation alone. */
export function crAsinAcosExact(x: number, which: 'asin' | 'acos'): number {
  const xf = toFixed(x);
  const root = isqrt((ONE - mul(xf, xf)) << P);
  const pi = piFixed() >> PI_GUARD;
  const base = atanFixed((xf << P) / root); // asin(x) = atan(x / sqrt(1 - x^2))
  const r = which === 'asin' ? base : (pi >> 1n) - base;
  return signedToDouble(r);
}
