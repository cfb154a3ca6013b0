// hash() of a str as CPython 3.11 computes it with PYTHONHASHSEED=0: siphash13 with a zero key over
// the PEP 393 representation (1, 2 or 4 bytes per code point, little-endian), 0 for ''.
// CPython counterpart: Objects/unicodeobject.c (unicode_hash), Python/pyhash.c (siphash13).
//
// @tspyc/bytecode's siphash() hashes a byte array into a byte array; a str hash is taken for every
// str put in a set or a tuple key, so this one allocates nothing but the result: the bytes go
// through one reused buffer and the state stays in int32 locals (no boxed numbers).

let buf = new Uint8Array(256);
let view = new DataView(buf.buffer);

/** Room for n bytes in the buffer. */
function reserve(n: number): void {
  if (buf.length < n) {
    buf = new Uint8Array(Math.max(n, buf.length * 2));
    view = new DataView(buf.buffer);
  }
}

/**
 * siphash13 with a zero key over the first n bytes of the buffer, as a signed 64-bit hash. The state
 * v0..v3 is kept as (low, high) int32 halves in locals; one loop runs every round, one per block
 * (the last block holds the tail and the length) and then three to finish.
 */
function siphash13(n: number): bigint {
  // zero key: v0 = "somepseu", v1 = "dorandom", v2 = "lygenera", v3 = "tedbytes"
  let v0l = 0x70736575 | 0, v0h = 0x736f6d65 | 0, v1l = 0x6e646f6d | 0, v1h = 0x646f7261 | 0;
  let v2l = 0x6e657261 | 0, v2h = 0x6c796765 | 0, v3l = 0x79746573 | 0, v3h = 0x74656462 | 0;
  const full = n - (n % 8);
  const blocks = (full >> 3) + 1;
  let ml = 0, mh = 0, lo = 0, t = 0;
  for (let b = 0; b <= blocks; b++) {
    let rounds = 1;
    if (b < blocks - 1) {
      ml = view.getInt32(b * 8, true);
      mh = view.getInt32(b * 8 + 4, true);
    } else if (b === blocks - 1) {
      ml = 0;
      mh = (n & 0xff) << 24;
      for (let i = full; i < n; i++) {
        const shift = (i - full) * 8;
        if (shift < 32) ml |= buf[i]! << shift;
        else mh |= buf[i]! << (shift - 32);
      }
    } else {
      v2l ^= 0xff;
      rounds = 3;
    }
    if (rounds === 1) {
      v3l ^= ml;
      v3h ^= mh;
    }
    for (let r = 0; r < rounds; r++) {
      // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
      lo = (v0l >>> 0) + (v1l >>> 0); v0h = (v0h + v1h + (lo > 0xffffffff ? 1 : 0)) | 0; v0l = lo | 0;
      t = (v1l << 13) | (v1h >>> 19); v1h = (v1h << 13) | (v1l >>> 19); v1l = t;
      v1l ^= v0l; v1h ^= v0h;
      t = v0l; v0l = v0h; v0h = t;
      // v2 += v3; v3 = rotl(v3, 16) ^ v2
      lo = (v2l >>> 0) + (v3l >>> 0); v2h = (v2h + v3h + (lo > 0xffffffff ? 1 : 0)) | 0; v2l = lo | 0;
      t = (v3l << 16) | (v3h >>> 16); v3h = (v3h << 16) | (v3l >>> 16); v3l = t;
      v3l ^= v2l; v3h ^= v2h;
      // v0 += v3; v3 = rotl(v3, 21) ^ v0
      lo = (v0l >>> 0) + (v3l >>> 0); v0h = (v0h + v3h + (lo > 0xffffffff ? 1 : 0)) | 0; v0l = lo | 0;
      t = (v3l << 21) | (v3h >>> 11); v3h = (v3h << 21) | (v3l >>> 11); v3l = t;
      v3l ^= v0l; v3h ^= v0h;
      // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
      lo = (v2l >>> 0) + (v1l >>> 0); v2h = (v2h + v1h + (lo > 0xffffffff ? 1 : 0)) | 0; v2l = lo | 0;
      t = (v1l << 17) | (v1h >>> 15); v1h = (v1h << 17) | (v1l >>> 15); v1l = t;
      v1l ^= v2l; v1h ^= v2h;
      t = v2l; v2l = v2h; v2h = t;
    }
    if (rounds === 1) {
      v0l ^= ml;
      v0h ^= mh;
    }
  }
  const rl = v0l ^ v1l ^ v2l ^ v3l;
  const rh = v0h ^ v1h ^ v2h ^ v3h;
  // -1 is reserved for errors in C: CPython turns it into -2
  if (rh === -1 && rl === -1) return -2n;
  view.setInt32(0, rl, true);
  view.setInt32(4, rh, true);
  return view.getBigInt64(0, true);
}

export function strHashValue(s: string): bigint {
  const n = s.length;
  if (n === 0) return 0n;
  let max = 0;
  let pairs = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs = true;
    }
  }
  if (pairs) {
    // an astral code point (a pair of UTF-16 units) makes the str 4 bytes a code point
    reserve(n * 4);
    let j = 0;
    for (const ch of s) {
      view.setUint32(j, ch.codePointAt(0)!, true);
      j += 4;
    }
    return siphash13(j);
  }
  if (max < 0x100) {
    reserve(n);
    for (let i = 0; i < n; i++) buf[i] = s.charCodeAt(i);
    return siphash13(n);
  }
  reserve(n * 2);
  for (let i = 0; i < n; i++) view.setUint16(i * 2, s.charCodeAt(i), true);
  return siphash13(n * 2);
}
