// Exact rational → double conversion, rounded once to nearest-even (subnormals included), as
// CPython's long_true_divide and a correctly rounded libm pow produce their results.

export function bitLength(n: bigint): number {
  return n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length;
}

/** The double nearest num / den * 2**exp2 (num, den > 0): Infinity past the largest double. */
export function ratioToDouble(num: bigint, den: bigint, exp2: number): number {
  // a quotient of at least 64 bits keeps the rounding decision exact (with the sticky remainder)
  const k = 64 - (bitLength(num) - bitLength(den));
  const n2 = k >= 0 ? num << BigInt(k) : num;
  const d2 = k >= 0 ? den : den << BigInt(-k);
  const q = n2 / d2;
  const sticky = n2 % d2 !== 0n;
  const e = exp2 - k;
  let drop = bitLength(q) - 53;
  if (e + drop < -1074) drop = -1074 - e;
  if (drop <= 0) return scale(Number(q), e);
  let kept = q >> BigInt(drop);
  const rem = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (rem > half || (rem === half && (sticky || (kept & 1n) === 1n))) kept += 1n;
  return scale(Number(kept), e + drop);
}

/** m * 2**e for an integral 1 <= m < 2**54 and e >= -1074, with a single (final) rounding. */
function scale(m: number, e: number): number {
  // 2**e alone would underflow below -1074: go through the smallest normal power first (exact)
  return e < -1022 ? m * 2 ** -1022 * 2 ** (e + 1022) : m * 2 ** e;
}
