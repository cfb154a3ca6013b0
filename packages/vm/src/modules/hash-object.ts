// The hash objects of the _md5, _sha1, _sha256, _sha512 and _sha3 modules (what hashlib serves
// when there is no OpenSSL): update, digest, hexdigest, copy, name, digest_size and block_size, and
// the module constructors' arguments and errors. Each algorithm supplies only its digest function.
// CPython counterpart: Modules/md5module.c, sha1module.c, sha256module.c, sha512module.c,
// _sha3/sha3module.c (their shared object layout).
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyBytes } from '../objects/bytes.js';
import { bufferOf } from '../protocols/buffer.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { asJsIndex } from '../protocols/number.js';

export interface HashAlgorithm {
  name: string;
  digestSize: number;
  blockSize: number;
  /** the digest of all the data; `length` bytes of it for the extendable-output functions (shake) */
  digest(data: Uint8Array, length: number): Uint8Array;
  /** shake_128 / shake_256: digest() and hexdigest() take the length */
  xof?: boolean;
}

class PyHash extends PyObject {
  private chunks: Uint8Array[] = [];
  constructor(
    type: PyType,
    readonly alg: HashAlgorithm,
  ) {
    super(type);
  }
  update(o: PyObject): void {
    if (o instanceof PyStr) raise(typeErrorType, 'Strings must be encoded before hashing');
    const b = bufferOf(o);
    if (b === null) raise(typeErrorType, 'object supporting the buffer API required');
    this.chunks.push(b.slice());
  }
  data(): Uint8Array {
    if (this.chunks.length !== 1) {
      const all = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
      let off = 0;
      for (const c of this.chunks) {
        all.set(c, off);
        off += c.length;
      }
      this.chunks = [all];
    }
    return this.chunks[0]!;
  }
  copyTo(other: PyHash): PyHash {
    other.chunks = this.chunks.slice();
    return other;
  }
}

const hexOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/**
 * A type of hash objects, in module `moduleName`; each object carries its algorithm (blake2's
 * parameters differ per object).
 */
export function hashType(moduleName: string, typeName: string): PyType {
  const t = builtinType(typeName, undefined, 0);
  t.module = moduleName;
  const h = (o: PyObject) => o as PyHash;
  const digest = (self: PyObject, a: PyObject[], kw: Kwargs | null, method: string): Uint8Array => {
    const alg = h(self).alg;
    if (!alg.xof) return alg.digest(h(self).data(), alg.digestSize);
    const length = a[1] ?? kw?.get('length');
    if (length === undefined) raise(typeErrorType, `${alg.name}.${method}() takes exactly one argument (0 given)`);
    const n = asJsIndex(length);
    if (n < 0) raise(valueErrorType, 'value must be positive');
    return alg.digest(h(self).data(), n);
  };
  defMethod(t, 'update', (a) => {
    if (a.length !== 2) raise(typeErrorType, `update() takes exactly one argument (${a.length - 1} given)`);
    h(a[0]!).update(a[1]!);
    return None;
  });
  defMethod(t, 'digest', (a, kw) => new PyBytes(digest(a[0]!, a, kw, 'digest')));
  defMethod(t, 'hexdigest', (a, kw) => newStr(hexOf(digest(a[0]!, a, kw, 'hexdigest'))));
  defMethod(t, 'copy', (a) => h(a[0]!).copyTo(new PyHash(t, h(a[0]!).alg)));
  defGetSet(t, 'name', (o) => newStr(h(o).alg.name));
  defGetSet(t, 'digest_size', (o) => intFromNumber(h(o).alg.digestSize));
  defGetSet(t, 'block_size', (o) => intFromNumber(h(o).alg.blockSize));
  return t;
}

/** A new hash object of type `t` computing `alg`, fed `data` first (absent: nothing). */
export function newHash(t: PyType, alg: HashAlgorithm, data: PyObject | undefined): PyObject {
  const o = new PyHash(t, alg);
  if (data !== undefined) o.update(data);
  return o;
}

/** A module of constructors `name(string=b'', *, usedforsecurity=True)`, with the types under `typeNames`. */
export function makeHashModule(moduleName: string, algs: { alg: HashAlgorithm; typeName: string; exportType?: string }[]): PyModule {
  const m = new PyModule(moduleName);
  for (const { alg, typeName, exportType } of algs) {
    const t = hashType(moduleName, typeName);
    if (exportType !== undefined) m.dict.setStr(exportType, t);
    m.dict.setStr(
      alg.name,
      builtinFunction(alg.name, (a, kw) => {
        if (a.length > 1) raise(typeErrorType, `${alg.name}() takes at most 1 positional argument (${a.length} given)`);
        let data = a[0];
        for (const [k, v] of kw ?? []) {
          if (k === 'string' && data === undefined) data = v;
          else if (k !== 'usedforsecurity') raise(typeErrorType, `'${k}' is an invalid keyword argument for ${alg.name}()`);
        }
        return newHash(t, alg, data);
      }),
    );
  }
  return m;
}

/** Big-endian words to bytes (the SHA family's output). */
export function wordsBE(words: ArrayLike<number>, size: number): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out[i * 4] = w >>> 24;
    out[i * 4 + 1] = (w >>> 16) & 255;
    out[i * 4 + 2] = (w >>> 8) & 255;
    out[i * 4 + 3] = w & 255;
  }
  return out.slice(0, size);
}

/** Merkle–Damgård padding: 0x80, zeros, the bit length (big- or little-endian, 64 or 128 bits). */
export function mdPad(data: Uint8Array, block: number, lengthBytes: number, littleEndian: boolean): Uint8Array {
  const padded = new Uint8Array(Math.ceil((data.length + 1 + lengthBytes) / block) * block);
  padded.set(data);
  padded[data.length] = 0x80;
  let bits = BigInt(data.length) * 8n;
  for (let i = 0; i < 8 && bits > 0n; i++, bits >>= 8n) {
    padded[littleEndian ? padded.length - lengthBytes + i : padded.length - 1 - i] = Number(bits & 255n);
  }
  return padded;
}
