// int arithmetic with CPython's rules (Objects/longobject.c) on bigints: floor division and
// modulo round toward minus infinity; shifts reject negative counts. null: CPython would raise.

export function intFloorDiv(a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function intMod(a: bigint, b: bigint): bigint | null {
  if (b === 0n) return null;
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** long_lshift; huge counts are refused earlier by safe_lshift unless the value is 0. */
export function intLShift(a: bigint, b: bigint): bigint | null {
  if (b < 0n) return null; // ValueError: negative shift count
  if (a === 0n) return 0n;
  if (b > 1n << 32n) return null; // MemoryError / OverflowError
  return a << b;
}

/** long_rshift: any non-negative count, the sign fills in. */
export function intRShift(a: bigint, b: bigint): bigint | null {
  if (b < 0n) return null;
  if (b > 1n << 32n) return a < 0n ? -1n : 0n;
  return a >> b;
}
