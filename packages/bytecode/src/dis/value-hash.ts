// hash() of format-level values as CPython computes it with hash randomisation off
// (PYTHONHASHSEED=0: a zero SipHash key), to reproduce the iteration order of rebuilt sets.
// CPython counterpart: Python/pyhash.c, Objects/longobject.c (long_hash), Objects/tupleobject.c
// (tuplehash, xxHash-based since 3.8), Python/pyhash.c _Py_HashDouble.
import { siphash } from '../source-hash/siphash.js';
import type { Target } from '../target.js';
import { Kind, type PyStr, type PyValue } from '../values.js';
import { codePoints } from './repr.js';

const MODULUS = (1n << 61n) - 1n; // _PyHASH_MODULUS
const BITS = 61n;
const INF = 314159n;
const U64 = (1n << 64n) - 1n;

/** Signed 64-bit hash, or null when CPython's value depends on the process (an address). */
export type PyHash = bigint | null;

function signed64(x: bigint): bigint {
  x &= U64;
  return x >= 1n << 63n ? x - (1n << 64n) : x;
}

function fixMinusOne(h: bigint): bigint {
  return h === -1n ? -2n : h;
}

export function intHash(v: bigint): bigint {
  const neg = v < 0n;
  let h = (neg ? -v : v) % MODULUS;
  if (neg) h = -h;
  return fixMinusOne(h);
}

/** _Py_HashDouble; null for NaN (hashed by address since 3.10). */
export function floatHash(v: number): PyHash {
  if (v !== v) return null;
  if (v === Infinity) return INF;
  if (v === -Infinity) return -INF;
  if (Number.isInteger(v)) return intHash(BigInt(v));
  // frexp: v = m * 2**e with 0.5 <= |m| < 1
  let e = Math.floor(Math.log2(Math.abs(v))) + 1;
  let m = v / 2 ** e;
  while (Math.abs(m) >= 1) { m /= 2; e++; }
  while (Math.abs(m) < 0.5) { m *= 2; e--; }
  let sign = 1n;
  if (m < 0) { sign = -1n; m = -m; }
  let x = 0n;
  let ee = BigInt(e);
  while (m) {
    x = ((x << 28n) & MODULUS) | (x >> (BITS - 28n));
    m *= 268435456.0;
    ee -= 28n;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= MODULUS) x -= MODULUS;
  }
  ee = ee >= 0n ? ee % BITS : BITS - 1n - ((-1n - ee) % BITS);
  x = ((x << ee) & MODULUS) | (x >> (BITS - ee));
  x = (x * sign) & U64;
  return fixMinusOne(signed64(x));
}

/** siphash13 (3.11+) or siphash24 over bytes with a zero key, as str and bytes hash. */
function bytesHash(data: Uint8Array, target: Target): bigint {
  if (data.length === 0) return 0n;
  const [c, d] = target.minor >= 11 ? [1, 3] : [2, 4];
  const out = siphash(0, 0, 0, 0, data, c, d);
  const view = new DataView(out.buffer);
  return fixMinusOne(signed64(view.getBigUint64(0, true)));
}

/** str hashes its code points in the narrowest fixed width that holds them (PEP 393 kinds). */
function strHash(s: PyStr, target: Target): bigint {
  const cps = codePoints(s); // a split surrogate pair hashes as two code points
  const max = cps.reduce((a, b) => Math.max(a, b), 0);
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const data = new Uint8Array(cps.length * width);
  const view = new DataView(data.buffer);
  cps.forEach((cp, i) => {
    if (width === 1) data[i] = cp;
    else if (width === 2) view.setUint16(i * 2, cp, true);
    else view.setUint32(i * 4, cp, true);
  });
  return bytesHash(data, target);
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

function tupleHash(items: PyValue[], target: Target): PyHash {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = valueHash(item, target);
    if (lane === null) return null;
    acc = (acc + (lane & U64) * XXPRIME_2) & U64;
    acc = ((acc << 31n) | (acc >> 33n)) & U64;
    acc = (acc * XXPRIME_1) & U64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & U64;
  if (acc === U64) return 1546275796n;
  return signed64(acc);
}

/** hash(v) for hashable constants; null where CPython's hash is not reproducible. */
export function valueHash(v: PyValue, target: Target): PyHash {
  switch (v.kind) {
    case Kind.Int:
      return intHash(v.value);
    case Kind.Bool:
      return v.value ? 1n : 0n;
    case Kind.Float:
      return floatHash(v.value);
    case Kind.Complex: {
      // complex_hash: hash(real) + 1000003 * hash(imag), wrapping, -1 avoided
      const re = floatHash(v.real);
      const im = floatHash(v.imag);
      if (re === null || im === null) return null;
      return fixMinusOne(signed64((re & U64) + 1000003n * (im & U64)));
    }
    case Kind.Str:
      return strHash(v, target);
    case Kind.Bytes:
      return bytesHash(v.value, target);
    case Kind.Tuple:
      return tupleHash(v.items, target);
    case Kind.None:
      // hash(None) is a constant from 3.12 on; an address before.
      return target.minor >= 12 ? 0xfca86420n : null;
    default:
      return null;
  }
}
