// The _sha1 module: SHA-1 (FIPS 180-4). CPython counterpart: Modules/sha1module.c.
import { PyModule } from '../objects/module.js';
import { makeHashModule, mdPad, wordsBE } from './hash-object.js';

function sha1(data: Uint8Array): Uint8Array {
  const p = mdPad(data, 64, 8, false);
  const h = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0]);
  const w = new Int32Array(80);
  for (let off = 0; off < p.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = (p[off + i * 4]! << 24) | (p[off + i * 4 + 1]! << 16) | (p[off + i * 4 + 2]! << 8) | p[off + i * 4 + 3]!;
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as unknown as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc | 0] : [b ^ c ^ d, 0xca62c1d6 | 0];
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
  return wordsBE(h, 20);
}

export function makeSha1(): PyModule {
  return makeHashModule('_sha1', [{ alg: { name: 'sha1', digestSize: 20, blockSize: 64, digest: sha1 }, typeName: 'sha1', exportType: 'SHA1Type' }]);
}
