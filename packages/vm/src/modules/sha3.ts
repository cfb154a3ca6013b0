// The _sha3 module: SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202), the Keccak-f[1600] sponge
// with each 64-bit lane held as two 32-bit halves. CPython counterpart: Modules/_sha3/sha3module.c.
import { PyModule } from '../objects/module.js';
import { newStr } from '../objects/str.js';
import { makeHashModule, type HashAlgorithm } from './hash-object.js';

/** ρ rotation of lane x + 5y. */
const RHO = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];
/** ι round constants, as [high, low] halves. */
const RC = [
  [0x00000000, 0x00000001], [0x00000000, 0x00008082], [0x80000000, 0x0000808a], [0x80000000, 0x80008000],
  [0x00000000, 0x0000808b], [0x00000000, 0x80000001], [0x80000000, 0x80008081], [0x80000000, 0x00008009],
  [0x00000000, 0x0000008a], [0x00000000, 0x00000088], [0x00000000, 0x80008009], [0x00000000, 0x8000000a],
  [0x00000000, 0x8000808b], [0x80000000, 0x0000008b], [0x80000000, 0x00008089], [0x80000000, 0x00008003],
  [0x80000000, 0x00008002], [0x80000000, 0x00000080], [0x00000000, 0x0000800a], [0x80000000, 0x8000000a],
  [0x80000000, 0x80008081], [0x80000000, 0x00008080], [0x00000000, 0x80000001], [0x80000000, 0x80008008],
];

function keccakF(hi: Int32Array, lo: Int32Array): void {
  const cHi = new Int32Array(5);
  const cLo = new Int32Array(5);
  const bHi = new Int32Array(25);
  const bLo = new Int32Array(25);
  for (let round = 0; round < 24; round++) {
    // θ
    for (let x = 0; x < 5; x++) {
      cHi[x] = hi[x]! ^ hi[x + 5]! ^ hi[x + 10]! ^ hi[x + 15]! ^ hi[x + 20]!;
      cLo[x] = lo[x]! ^ lo[x + 5]! ^ lo[x + 10]! ^ lo[x + 15]! ^ lo[x + 20]!;
    }
    for (let x = 0; x < 5; x++) {
      const h1 = cHi[(x + 1) % 5]!;
      const l1 = cLo[(x + 1) % 5]!;
      const dHi = cHi[(x + 4) % 5]! ^ ((h1 << 1) | (l1 >>> 31));
      const dLo = cLo[(x + 4) % 5]! ^ ((l1 << 1) | (h1 >>> 31));
      for (let y = 0; y < 25; y += 5) {
        hi[x + y] ^= dHi;
        lo[x + y] ^= dLo;
      }
    }
    // ρ and π: B[y, 2x + 3y] = rot(A[x, y])
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const i = x + 5 * y;
        const n = RHO[i]!;
        const h = hi[i]!;
        const l = lo[i]!;
        let rh: number;
        let rl: number;
        if (n === 0) [rh, rl] = [h, l];
        else if (n < 32) [rh, rl] = [(h << n) | (l >>> (32 - n)), (l << n) | (h >>> (32 - n))];
        else if (n === 32) [rh, rl] = [l, h];
        else [rh, rl] = [(l << (n - 32)) | (h >>> (64 - n)), (h << (n - 32)) | (l >>> (64 - n))];
        const j = y + 5 * ((2 * x + 3 * y) % 5);
        bHi[j] = rh;
        bLo[j] = rl;
      }
    }
    // χ
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        hi[x + y] = bHi[x + y]! ^ (~bHi[((x + 1) % 5) + y]! & bHi[((x + 2) % 5) + y]!);
        lo[x + y] = bLo[x + y]! ^ (~bLo[((x + 1) % 5) + y]! & bLo[((x + 2) % 5) + y]!);
      }
    }
    // ι
    hi[0] ^= RC[round]![0]!;
    lo[0] ^= RC[round]![1]!;
  }
}

/** The sponge: absorb `data` padded with `suffix` at `rate` bytes a block, squeeze `length` bytes. */
function sponge(rate: number, suffix: number, data: Uint8Array, length: number): Uint8Array {
  const hi = new Int32Array(25);
  const lo = new Int32Array(25);
  const blocks = Math.floor(data.length / rate) + 1;
  const padded = new Uint8Array(blocks * rate);
  padded.set(data);
  padded[data.length] ^= suffix;
  padded[padded.length - 1]! ^= 0x80;
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      const p = off + i * 8;
      lo[i] ^= padded[p]! | (padded[p + 1]! << 8) | (padded[p + 2]! << 16) | (padded[p + 3]! << 24);
      hi[i] ^= padded[p + 4]! | (padded[p + 5]! << 8) | (padded[p + 6]! << 16) | (padded[p + 7]! << 24);
    }
    keccakF(hi, lo);
  }
  const out = new Uint8Array(length);
  for (let off = 0; off < length; off += rate) {
    if (off > 0) keccakF(hi, lo);
    for (let i = 0; i < rate && off + i < length; i++) {
      const lane = i >> 3;
      const half = (i & 7) < 4 ? lo[lane]! : hi[lane]!;
      out[off + i] = (half >>> (8 * (i & 3))) & 255;
    }
  }
  return out;
}

const sha3 = (bits: number): HashAlgorithm => {
  const rate = 200 - bits / 4;
  return { name: `sha3_${bits}`, digestSize: bits / 8, blockSize: rate, digest: (d) => sponge(rate, 0x06, d, bits / 8) };
};
const shake = (bits: number): HashAlgorithm => {
  const rate = 200 - bits / 4;
  return { name: `shake_${bits}`, digestSize: 0, blockSize: rate, digest: (d, n) => sponge(rate, 0x1f, d, n), xof: true };
};

export function makeSha3(): PyModule {
  const m = makeHashModule(
    '_sha3',
    [sha3(224), sha3(256), sha3(384), sha3(512), shake(128), shake(256)].map((alg) => ({ alg, typeName: alg.name })),
  );
  m.dict.setStr('implementation', newStr('tspyc'));
  return m;
}
