// pow(x, y) for a finite x > 0 and a finite y, rounded once to the nearest double: what glibc's
// pow gives CPython (V8's Math.pow is an ulp off for a few percent of arguments, 32 ** 0.5 and
// 2 ** -0.5 among them). Computed as exp(y * log(x)) in binary fixed point with FRAC fractional
// bits: log by the atanh series, exp by reduction modulo log(2) and the Taylor series.
import { bitLength, decompose, ratioToDouble } from './float-round.js';

const FRAC = 192n;
const ONE = 1n << FRAC;

const mul = (a: bigint, b: bigint): bigint => (a * b) >> FRAC;

/** log(m) for a fixed-point m in [1, 2]: 2 * atanh((m - 1) / (m + 1)) */
function logNear1(m: bigint): bigint {
  const z = ((m - ONE) << FRAC) / (m + ONE);
  const z2 = mul(z, z);
  let sum = 0n;
  for (let term = z, k = 1n; term !== 0n; term = mul(term, z2), k += 2n) sum += term / k;
  return 2n * sum;
}

let LN2: bigint | undefined;
const ln2 = (): bigint => (LN2 ??= logNear1(2n * ONE));

/** log(x) in fixed point, for a finite x > 0 */
function logFixed(x: number): bigint {
  const [m, e] = decompose(x);
  const top = bitLength(m) - 1; // m = 1.f * 2**top
  return logNear1((m << FRAC) >> BigInt(top)) + BigInt(e + top) * ln2();
}

export function correctlyRoundedPow(x: number, y: number): number {
  const estimate = y * Math.log(x);
  if (estimate > 710) return Infinity;
  if (estimate < -746) return 0;
  // t = y * log(x), with y = my * 2**ey exactly
  const [my, ey] = decompose(Math.abs(y));
  let t = logFixed(x) * my;
  t = ey >= 0 ? t << BigInt(ey) : t >> BigInt(-ey);
  if (y < 0) t = -t;
  // exp(t) = exp(r) * 2**k with 0 <= r < log(2)
  const l2 = ln2();
  let k = t / l2;
  if (t < 0n && k * l2 !== t) k -= 1n;
  const r = t - k * l2;
  let sum = ONE;
  for (let term = ONE, i = 1n; term !== 0n; i++) {
    term = mul(term, r) / i;
    sum += term;
  }
  return ratioToDouble(sum, ONE, Number(k));
}
