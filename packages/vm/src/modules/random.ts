// random, natively: the Mersenne Twister with CPython's seeding and derivations, so a seeded
// program prints the numbers CPython prints. CPython counterpart: Modules/_randommodule.c
// (init_genrand, init_by_array, genrand_uint32, random_random, getrandbits) and Lib/random.py
// (_randbelow_with_getrandbits, randrange, choice, shuffle, sample, choices, uniform).
import { raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { PyInt, newInt, intFromNumber } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyList } from '../objects/list.js';
import { PyModule } from '../objects/module.js';
import { PySet } from '../objects/set.js';
import { PyDict } from '../objects/dict.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { indexErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { asIndex } from '../protocols/number.js';
import { getItem, len, setItem } from '../protocols/sequence.js';
import { toArray } from '../protocols/iter.js';
import { floatHash } from '@tspyc/bytecode';

const N = 624;
const M = 397;

export class MersenneTwister {
  mt = new Uint32Array(N);
  mti = N + 1;

  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const keyLength = key.length;
    for (let k = N > keyLength ? N : keyLength; k; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= keyLength) j = 0;
    }
    for (let k = N - 1; k; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  genrand(): number {
    const mt = this.mt;
    let y: number;
    if (this.mti >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      y = (mt[N - 1]! & 0x80000000) | (mt[0]! & 0x7fffffff);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  random(): number {
    const a = this.genrand() >>> 5;
    const b = this.genrand() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  getrandbits(k: number): bigint {
    if (k <= 32) return BigInt(this.genrand() >>> (32 - k));
    let r = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let w = this.genrand();
      if (left < 32) w >>>= 32 - left;
      r |= BigInt(w) << shift;
      shift += 32n;
    }
    return r;
  }

  /** random.seed(n) for an int (version 2 seeding of an int uses its absolute value). */
  seedInt(n: bigint): void {
    let v = n < 0n ? -n : n;
    const key: number[] = [];
    while (v > 0n) {
      key.push(Number(v & 0xffffffffn));
      v >>= 32n;
    }
    if (key.length === 0) key.push(0);
    this.initByArray(key);
  }

  randbelow(n: bigint): bigint {
    if (n <= 0n) return 0n;
    const k = n.toString(2).length;
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }
}

export function makeRandom(): PyModule {
  const gen = new MersenneTwister();
  gen.seedInt(BigInt(Date.now()));
  const m = new PyModule('random');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  def('seed', (a) => {
    const s = a[0];
    if (s === undefined || s === None) gen.seedInt(BigInt(Date.now()));
    else if (s instanceof PyInt) gen.seedInt(s.value);
    else if (s instanceof PyFloat) gen.seedInt(floatHash(s.value) ?? 0n);
    else raise(typeErrorType, 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
    return None;
  });
  def('random', () => new PyFloat(gen.random()));
  def('getrandbits', (a) => {
    const k = Number(asIndex(a[0]!));
    if (k < 0) raise(valueErrorType, 'number of bits must be non-negative');
    return newInt(k === 0 ? 0n : gen.getrandbits(k));
  });
  const randrange = (start: bigint, stop: bigint | null, step: bigint): bigint => {
    if (stop === null) {
      if (start > 0n) return gen.randbelow(start);
      raise(valueErrorType, 'empty range for randrange()');
    }
    const width = stop - start;
    if (step === 1n) {
      if (width > 0n) return start + gen.randbelow(width);
      raise(valueErrorType, `empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    let n: bigint;
    if (step > 0n) n = (width + step - 1n) / step;
    else if (step < 0n) n = (width + step + 1n) / step;
    else raise(valueErrorType, 'zero step for randrange()');
    if (n <= 0n) raise(valueErrorType, 'empty range for randrange()');
    return start + step * gen.randbelow(n);
  };
  def('randrange', (a) => {
    const start = asIndex(a[0]!);
    const stop = a[1] === undefined || a[1] === None ? null : asIndex(a[1]);
    const step = a[2] === undefined ? 1n : asIndex(a[2]);
    return newInt(randrange(start, stop, step));
  });
  def('randint', (a) => newInt(randrange(asIndex(a[0]!), asIndex(a[1]!) + 1n, 1n)));
  def('choice', (a) => {
    const seq = a[0]!;
    const n = len(seq);
    if (n === 0) raise(indexErrorType, 'Cannot choose from an empty sequence');
    return getItem(seq, newInt(gen.randbelow(BigInt(n))));
  });
  def('shuffle', (a) => {
    const x = a[0]!;
    const n = len(x);
    for (let i = n - 1; i > 0; i--) {
      const j = Number(gen.randbelow(BigInt(i + 1)));
      const xi = getItem(x, intFromNumber(i));
      const xj = getItem(x, intFromNumber(j));
      setItem(x, intFromNumber(i), xj);
      setItem(x, intFromNumber(j), xi);
    }
    return None;
  });
  def('uniform', (a) => {
    const lo = Number(a[0] instanceof PyInt ? a[0].value : (a[0] as PyFloat).value);
    const hi = Number(a[1] instanceof PyInt ? a[1].value : (a[1] as PyFloat).value);
    return new PyFloat(lo + (hi - lo) * gen.random());
  });
  def('choices', (a, kw) => {
    const population = toArray(a[0]!);
    const kArg = kw?.get('k') ?? a[3];
    const k = kArg === undefined ? 1 : Number(asIndex(kArg));
    if (kw?.get('weights') !== undefined || kw?.get('cum_weights') !== undefined || a[1] !== undefined) {
      raise(typeErrorType, 'tspyc: random.choices() with weights is not supported yet');
    }
    const n = population.length;
    const out: PyObject[] = [];
    for (let i = 0; i < k; i++) out.push(population[Math.floor(gen.random() * n)]!);
    return new PyList(out);
  });
  def('sample', (a, kw) => {
    const population = toArray(a[0]!);
    const kArg = a[1] ?? kw?.get('k');
    if (kArg === undefined) raise(typeErrorType, "sample() missing 1 required positional argument: 'k'");
    const k = Number(asIndex(kArg));
    const n = population.length;
    if (k < 0 || k > n) raise(valueErrorType, 'Sample larger than population or is negative');
    const result: PyObject[] = new Array(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = population.slice();
      for (let i = 0; i < k; i++) {
        const j = Number(gen.randbelow(BigInt(n - i)));
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = Number(gen.randbelow(BigInt(n)));
        while (selected.has(j)) j = Number(gen.randbelow(BigInt(n)));
        selected.add(j);
        result[i] = population[j]!;
      }
    }
    return new PyList(result);
  });
  void PySet;
  void PyDict;
  return m;
}
