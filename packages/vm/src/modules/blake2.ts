// The _blake2 module: BLAKE2b and BLAKE2s (RFC 7693) with keys, salt, personalization and the tree
// parameters. BLAKE2s works on 32-bit words in doubles; BLAKE2b's 64-bit words are BigInts (slower,
// but hashlib's blake2b is rarely on a hot path). CPython counterpart: Modules/_blake2/.
import { bufferArg } from '../protocols/buffer.js';
import { raise } from '../errors.js';
import { PyObject } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { PyModule } from '../objects/module.js';
import { defMethod, type Kwargs } from '../objects/native.js';
import { typeErrorType, valueErrorType, overflowErrorType } from '../objects/exception-types.js';
import { asIndex, asJsIndex } from '../protocols/number.js';
import { isTrue } from '../protocols/truth.js';
import { hashType, newHash, type HashAlgorithm } from './hash-object.js';

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4], [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13], [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11], [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5], [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/** One flavour: word size, rounds, rotations, IV and the parameter block's layout. */
interface Variant {
  name: 'blake2b' | 'blake2s';
  wordBytes: 8 | 4;
  rounds: number;
  rot: [number, number, number, number];
  iv: bigint[];
  maxDigest: number;
  saltSize: number;
  personSize: number;
  /** node_offset's width in bytes within the parameter block */
  nodeOffsetBytes: number;
}

const B: Variant = {
  name: 'blake2b', wordBytes: 8, rounds: 12, rot: [32, 24, 16, 63], maxDigest: 64, saltSize: 16, personSize: 16, nodeOffsetBytes: 8,
  iv: ['6a09e667f3bcc908', 'bb67ae8584caa73b', '3c6ef372fe94f82b', 'a54ff53a5f1d36f1', '510e527fade682d1', '9b05688c2b3e6c1f', '1f83d9abfb41bd6b', '5be0cd19137e2179'].map((h) => BigInt(`0x${h}`)),
};
const S: Variant = {
  name: 'blake2s', wordBytes: 4, rounds: 10, rot: [16, 12, 8, 7], maxDigest: 32, saltSize: 8, personSize: 8, nodeOffsetBytes: 6,
  iv: ['6a09e667', 'bb67ae85', '3c6ef372', 'a54ff53a', '510e527f', '9b05688c', '1f83d9ab', '5be0cd19'].map((h) => BigInt(`0x${h}`)),
};

interface Params {
  digestSize: number;
  key: Uint8Array;
  salt: Uint8Array;
  person: Uint8Array;
  fanout: number;
  depth: number;
  leafSize: number;
  nodeOffset: bigint;
  nodeDepth: number;
  innerSize: number;
  lastNode: boolean;
}

function readWord(buf: Uint8Array, off: number, bytes: number): bigint {
  let v = 0n;
  for (let i = bytes - 1; i >= 0; i--) v = (v << 8n) | BigInt(buf[off + i]!);
  return v;
}

function blake2(v: Variant, p: Params, data: Uint8Array): Uint8Array {
  const w = v.wordBytes;
  const bits = BigInt(w * 8);
  const mask = (1n << bits) - 1n;
  const block = 16 * w;
  const rotr = (x: bigint, n: number) => ((x >> BigInt(n)) | (x << (bits - BigInt(n)))) & mask;
  // the parameter block, XORed into the IV
  const param = new Uint8Array(8 * w);
  param[0] = p.digestSize;
  param[1] = p.key.length;
  param[2] = p.fanout;
  param[3] = p.depth;
  for (let i = 0; i < 4; i++) param[4 + i] = (p.leafSize >>> (8 * i)) & 255;
  for (let i = 0; i < v.nodeOffsetBytes; i++) param[8 + i] = Number((p.nodeOffset >> BigInt(8 * i)) & 255n);
  param[8 + v.nodeOffsetBytes] = p.nodeDepth;
  param[9 + v.nodeOffsetBytes] = p.innerSize;
  param.set(p.salt, 4 * w);
  param.set(p.person, 6 * w);
  const h = v.iv.map((x, i) => x ^ readWord(param, i * w, w));
  const input = p.key.length > 0 ? new Uint8Array(block + data.length) : data;
  if (p.key.length > 0) {
    input.set(p.key);
    input.set(data, block);
  }
  const blocks = Math.max(1, Math.ceil(input.length / block));
  const m: bigint[] = new Array(16);
  const vv: bigint[] = new Array(16);
  const G = (a: number, b: number, c: number, d: number, x: bigint, y: bigint) => {
    vv[a] = (vv[a]! + vv[b]! + x) & mask;
    vv[d] = rotr(vv[d]! ^ vv[a]!, v.rot[0]);
    vv[c] = (vv[c]! + vv[d]!) & mask;
    vv[b] = rotr(vv[b]! ^ vv[c]!, v.rot[1]);
    vv[a] = (vv[a]! + vv[b]! + y) & mask;
    vv[d] = rotr(vv[d]! ^ vv[a]!, v.rot[2]);
    vv[c] = (vv[c]! + vv[d]!) & mask;
    vv[b] = rotr(vv[b]! ^ vv[c]!, v.rot[3]);
  };
  for (let bi = 0; bi < blocks; bi++) {
    const last = bi === blocks - 1;
    const chunk = new Uint8Array(block);
    chunk.set(input.subarray(bi * block, bi * block + block));
    for (let i = 0; i < 16; i++) m[i] = readWord(chunk, i * w, w);
    const t = BigInt(last ? input.length : (bi + 1) * block);
    for (let i = 0; i < 8; i++) {
      vv[i] = h[i]!;
      vv[i + 8] = v.iv[i]!;
    }
    vv[12] = vv[12]! ^ (t & mask);
    vv[13] = vv[13]! ^ ((t >> bits) & mask);
    if (last) {
      vv[14] = vv[14]! ^ mask;
      if (p.lastNode) vv[15] = vv[15]! ^ mask;
    }
    for (let r = 0; r < v.rounds; r++) {
      const s = SIGMA[r % 10]!;
      G(0, 4, 8, 12, m[s[0]!]!, m[s[1]!]!);
      G(1, 5, 9, 13, m[s[2]!]!, m[s[3]!]!);
      G(2, 6, 10, 14, m[s[4]!]!, m[s[5]!]!);
      G(3, 7, 11, 15, m[s[6]!]!, m[s[7]!]!);
      G(0, 5, 10, 15, m[s[8]!]!, m[s[9]!]!);
      G(1, 6, 11, 12, m[s[10]!]!, m[s[11]!]!);
      G(2, 7, 8, 13, m[s[12]!]!, m[s[13]!]!);
      G(3, 4, 9, 14, m[s[14]!]!, m[s[15]!]!);
    }
    for (let i = 0; i < 8; i++) h[i] = h[i]! ^ vv[i]! ^ vv[i + 8]!;
  }
  const out = new Uint8Array(8 * w);
  h.forEach((x, i) => {
    for (let j = 0; j < w; j++) out[i * w + j] = Number((x >> BigInt(8 * j)) & 255n);
  });
  return out.slice(0, p.digestSize);
}


const KEYWORDS = ['digest_size', 'key', 'salt', 'person', 'fanout', 'depth', 'leaf_size', 'node_offset', 'node_depth', 'inner_size', 'last_node', 'usedforsecurity'];

/** blake2b_new_impl / blake2s_new_impl's checks, in their order and with their texts. */
function params(v: Variant, kw: Kwargs | null): Params {
  for (const k of kw?.keys() ?? []) if (!KEYWORDS.includes(k)) raise(typeErrorType, `'${k}' is an invalid keyword argument for ${v.name}()`);
  const get = (k: string) => kw?.get(k);
  const int = (k: string, d: number) => (get(k) === undefined ? d : asJsIndex(get(k)!));
  const p: Params = {
    digestSize: int('digest_size', v.maxDigest),
    key: get('key') === undefined ? new Uint8Array(0) : bufferArg(get('key')!),
    salt: get('salt') === undefined ? new Uint8Array(0) : bufferArg(get('salt')!),
    person: get('person') === undefined ? new Uint8Array(0) : bufferArg(get('person')!),
    fanout: int('fanout', 1),
    depth: int('depth', 1),
    leafSize: 0,
    nodeOffset: 0n,
    nodeDepth: int('node_depth', 0),
    innerSize: int('inner_size', 0),
    lastNode: get('last_node') !== undefined && isTrue(get('last_node')!),
  };
  if (p.digestSize <= 0 || p.digestSize > v.maxDigest) raise(valueErrorType, `digest_size must be between 1 and ${v.maxDigest} bytes`);
  if (p.salt.length > v.saltSize) raise(valueErrorType, `maximum salt length is ${v.saltSize} bytes`);
  if (p.person.length > v.personSize) raise(valueErrorType, `maximum person length is ${v.personSize} bytes`);
  if (p.fanout < 0 || p.fanout > 255) raise(valueErrorType, 'fanout must be between 0 and 255');
  if (p.depth <= 0 || p.depth > 255) raise(valueErrorType, 'depth must be between 1 and 255');
  const leaf = get('leaf_size');
  if (leaf !== undefined) {
    const n = asIndex(leaf);
    if (n < 0n) raise(valueErrorType, 'value must be positive');
    if (n > 0xffffffffn) raise(overflowErrorType, 'leaf_size is too large');
    p.leafSize = Number(n);
  }
  const offset = get('node_offset');
  if (offset !== undefined) {
    const n = asIndex(offset);
    if (n < 0n) raise(valueErrorType, 'value must be positive');
    // an unsigned long long first (C's converter), then the width the parameter block has
    if (n >= 1n << 64n) raise(overflowErrorType, 'int too big to convert');
    if (n >= 1n << BigInt(8 * v.nodeOffsetBytes)) raise(overflowErrorType, 'node_offset is too large');
    p.nodeOffset = n;
  }
  if (p.nodeDepth < 0 || p.nodeDepth > 255) raise(valueErrorType, 'node_depth must be between 0 and 255');
  if (p.innerSize < 0 || p.innerSize > v.maxDigest) raise(valueErrorType, `inner_size must be between 0 and is ${v.maxDigest}`);
  if (p.key.length > v.maxDigest) raise(valueErrorType, `maximum key length is ${v.maxDigest} bytes`);
  return p;
}

export function makeBlake2(): PyModule {
  const m = new PyModule('_blake2');
  for (const v of [B, S]) {
    const t = hashType('_blake2', v.name);
    const sizes: [string, number][] = [['SALT_SIZE', v.saltSize], ['PERSON_SIZE', v.personSize], ['MAX_KEY_SIZE', v.maxDigest], ['MAX_DIGEST_SIZE', v.maxDigest]];
    for (const [k, n] of sizes) {
      t.setAttr(k, intFromNumber(n));
      m.dict.setStr(`${v.name.toUpperCase()}_${k}`, intFromNumber(n));
    }
    // blake2b and blake2s are the types themselves, constructed with the parameters
    defMethod(t, '__new__', (a, kw) => {
      if (a.length > 2) raise(typeErrorType, `${v.name}() takes at most 1 positional argument (${a.length - 1} given)`);
      const p = params(v, kw);
      const alg: HashAlgorithm = { name: v.name, digestSize: p.digestSize, blockSize: 16 * v.wordBytes, digest: (d) => blake2(v, p, d) };
      return newHash(t, alg, a[1]);
    });
    m.dict.setStr(v.name, t);
  }
  return m;
}
