// Keyed SipHash-c-d over bytes, 64-bit arithmetic on pairs of 32-bit halves (no BigInt on the hot
// path). CPython counterpart: Python/pyhash.c (siphash13 / siphash24, _Py_KeyedHash).

/** `count` SipRounds on the state s = [v0lo, v0hi, v1lo, v1hi, v2lo, v2hi, v3lo, v3hi]. */
function sipRounds(s: Uint32Array, count: number): void {
  let v0l = s[0]!, v0h = s[1]!, v1l = s[2]!, v1h = s[3]!, v2l = s[4]!, v2h = s[5]!, v3l = s[6]!, v3h = s[7]!;
  for (let r = 0; r < count; r++) {
    let lo: number, t: number;
    // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
    lo = v0l + v1l; v0h = (v0h + v1h + (lo > 0xffffffff ? 1 : 0)) >>> 0; v0l = lo >>> 0;
    t = ((v1l << 13) | (v1h >>> 19)) >>> 0; v1h = ((v1h << 13) | (v1l >>> 19)) >>> 0; v1l = t;
    v1l = (v1l ^ v0l) >>> 0; v1h = (v1h ^ v0h) >>> 0;
    t = v0l; v0l = v0h; v0h = t;
    // v2 += v3; v3 = rotl(v3, 16) ^ v2
    lo = v2l + v3l; v2h = (v2h + v3h + (lo > 0xffffffff ? 1 : 0)) >>> 0; v2l = lo >>> 0;
    t = ((v3l << 16) | (v3h >>> 16)) >>> 0; v3h = ((v3h << 16) | (v3l >>> 16)) >>> 0; v3l = t;
    v3l = (v3l ^ v2l) >>> 0; v3h = (v3h ^ v2h) >>> 0;
    // v0 += v3; v3 = rotl(v3, 21) ^ v0
    lo = v0l + v3l; v0h = (v0h + v3h + (lo > 0xffffffff ? 1 : 0)) >>> 0; v0l = lo >>> 0;
    t = ((v3l << 21) | (v3h >>> 11)) >>> 0; v3h = ((v3h << 21) | (v3l >>> 11)) >>> 0; v3l = t;
    v3l = (v3l ^ v0l) >>> 0; v3h = (v3h ^ v0h) >>> 0;
    // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
    lo = v2l + v1l; v2h = (v2h + v1h + (lo > 0xffffffff ? 1 : 0)) >>> 0; v2l = lo >>> 0;
    t = ((v1l << 17) | (v1h >>> 15)) >>> 0; v1h = ((v1h << 17) | (v1l >>> 15)) >>> 0; v1l = t;
    v1l = (v1l ^ v2l) >>> 0; v1h = (v1h ^ v2h) >>> 0;
    t = v2l; v2l = v2h; v2h = t;
  }
  s[0] = v0l; s[1] = v0h; s[2] = v1l; s[3] = v1h; s[4] = v2l; s[5] = v2h; s[6] = v3l; s[7] = v3h;
}

/**
 * SipHash with `cRounds` compression and `dRounds` finalisation rounds, key (k0, k1) given as
 * 32-bit halves. Returns the 64-bit result as 8 little-endian bytes.
 */
export function siphash(
  k0lo: number,
  k0hi: number,
  k1lo: number,
  k1hi: number,
  data: Uint8Array,
  cRounds: number,
  dRounds: number,
): Uint8Array {
  // v0 = k0 ^ "somepseu", v1 = k1 ^ "dorandom", v2 = k0 ^ "lygenera", v3 = k1 ^ "tedbytes"
  const s = new Uint32Array([
    k0lo ^ 0x70736575, k0hi ^ 0x736f6d65, k1lo ^ 0x6e646f6d, k1hi ^ 0x646f7261,
    k0lo ^ 0x6e657261, k0hi ^ 0x6c796765, k1lo ^ 0x79746573, k1hi ^ 0x74656462,
  ]);
  const n = data.length;
  const full = n - (n % 8);
  let ml: number, mh: number;
  for (let i = 0; i < full; i += 8) {
    ml = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
    mh = (data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24)) >>> 0;
    s[6] ^= ml; s[7] ^= mh;
    sipRounds(s, cRounds);
    s[0] ^= ml; s[1] ^= mh;
  }
  // Last block: the remaining bytes, with the length's low byte in the top byte.
  ml = 0;
  mh = (n & 0xff) << 24;
  for (let i = full; i < n; i++) {
    const shift = (i - full) * 8;
    if (shift < 32) ml |= data[i]! << shift;
    else mh |= data[i]! << (shift - 32);
  }
  s[6] ^= ml; s[7] ^= mh;
  sipRounds(s, cRounds);
  s[0] ^= ml; s[1] ^= mh;
  s[4] ^= 0xff;
  sipRounds(s, dRounds);

  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, (s[0]! ^ s[2]! ^ s[4]! ^ s[6]!) >>> 0, true);
  view.setUint32(4, (s[1]! ^ s[3]! ^ s[5]! ^ s[7]!) >>> 0, true);
  return out;
}
