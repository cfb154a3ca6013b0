// random, natively: the Mersenne Twister with CPython's seeding and derivations, so a seeded
// program prints the numbers CPython prints. CPython counterpart: Modules/_randommodule.c
// (init_genrand, init_by_array, genrand_uint32, random_random, getrandbits) and Lib/random.py
// (_randbelow_with_getrandbits, randrange, choice, shuffle, sample, choices, uniform).
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { PyStr } from '../objects/str.js';
import { PyBytes, bytesLike } from '../objects/bytes.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { callSpecial } from '../protocols/call.js';
import { PyInt, newInt, intFromNumber } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyList } from '../objects/list.js';
import { PyModule } from '../objects/module.js';
import { PyBuiltin, builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { indexErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { asIndex } from '../protocols/number.js';
import { getItem, len, setItem } from '../protocols/sequence.js';
import { toArray } from '../protocols/iter.js';
import { floatHash } from '@tspyc/bytecode';

const N = 624;
const M = 397;

class MersenneTwister {
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

/** A random.Random: its generator and the second normal deviate gauss() keeps. */
class PyRandom extends PyObject {
  readonly gen = new MersenneTwister();
  gaussNext: number | null = null;
}

export const randomType = builtinType('Random');
randomType.module = 'random';

function num(o: PyObject): number {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) return Number(o.value);
  const f = o.type.lookup('__float__');
  if (f !== undefined) return (callSpecial(f, o, []) as PyFloat).value;
  raise(typeErrorType, `must be real number, not ${o.type.name}`);
}

function seed(r: PyRandom, s: PyObject | undefined): void {
  r.gaussNext = null;
  if (s === undefined || s === None) r.gen.seedInt(BigInt(Date.now()));
  else if (s instanceof PyInt) r.gen.seedInt(s.value);
  else if (s instanceof PyFloat) r.gen.seedInt(floatHash(s.value) ?? 0n);
  else if (s instanceof PyStr || bytesLike(s) !== null) raise(typeErrorType, 'tspyc: seeding random with str or bytes (sha512) is not supported yet');
  else raise(typeErrorType, 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
}

function initRandomType(): void {
  const t = randomType;
  const def = (name: string, f: (r: PyRandom, a: PyObject[], kw: Kwargs | null) => PyObject) =>
    defMethod(t, name, (a, kw) => f(a[0] as PyRandom, a.slice(1), kw));
  defMethod(t, '__new__', (a) => {
    const r = new PyRandom(a[0] as PyType);
    seed(r, a[1]);
    return r;
  });
  defMethod(t, '__init__', () => None);
  def('seed', (r, a, kw) => {
    seed(r, a[0] ?? kw?.get('a'));
    return None;
  });
  def('random', (r) => new PyFloat(r.gen.random()));
  def('getrandbits', (r, a) => {
    const k = Number(asIndex(a[0]!));
    if (k < 0) raise(valueErrorType, 'number of bits must be non-negative');
    return newInt(k === 0 ? 0n : r.gen.getrandbits(k));
  });
  def('randbytes', (r, a) => {
    const n = Number(asIndex(a[0]!));
    if (n < 0) raise(valueErrorType, 'negative argument not allowed');
    let v = n === 0 ? 0n : r.gen.getrandbits(n * 8);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return new PyBytes(out);
  });
  const randrange = (r: PyRandom, start: bigint, stop: bigint | null, step: bigint): bigint => {
    const gen = r.gen;
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
  def('randrange', (r, a) => {
    const start = asIndex(a[0]!);
    const stop = a[1] === undefined || a[1] === None ? null : asIndex(a[1]);
    const step = a[2] === undefined ? 1n : asIndex(a[2]);
    return newInt(randrange(r, start, stop, step));
  });
  def('randint', (r, a) => newInt(randrange(r, asIndex(a[0]!), asIndex(a[1]!) + 1n, 1n)));
  def('choice', (r, a) => {
    const seq = a[0]!;
    const n = len(seq);
    if (n === 0) raise(indexErrorType, 'Cannot choose from an empty sequence');
    return getItem(seq, newInt(r.gen.randbelow(BigInt(n))));
  });
  def('shuffle', (r, a) => {
    const x = a[0]!;
    const n = len(x);
    for (let i = n - 1; i > 0; i--) {
      const j = Number(r.gen.randbelow(BigInt(i + 1)));
      const xi = getItem(x, intFromNumber(i));
      const xj = getItem(x, intFromNumber(j));
      setItem(x, intFromNumber(i), xj);
      setItem(x, intFromNumber(j), xi);
    }
    return None;
  });
  def('uniform', (r, a) => {
    const lo = num(a[0]!);
    const hi = num(a[1]!);
    return new PyFloat(lo + (hi - lo) * r.gen.random());
  });
  def('triangular', (r, a, kw) => {
    let low = num(a[0] ?? kw?.get('low') ?? new PyFloat(0));
    let high = num(a[1] ?? kw?.get('high') ?? new PyFloat(1));
    const mode = a[2] ?? kw?.get('mode') ?? None;
    let u = r.gen.random();
    if (high === low) return new PyFloat(low);
    let c = mode === None ? 0.5 : (num(mode) - low) / (high - low);
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [low, high] = [high, low];
    }
    return new PyFloat(low + (high - low) * Math.sqrt(u * c));
  });
  def('gauss', (r, a, kw) => {
    const mu = num(a[0] ?? kw?.get('mu') ?? new PyFloat(0));
    const sigma = num(a[1] ?? kw?.get('sigma') ?? new PyFloat(1));
    let z = r.gaussNext;
    r.gaussNext = null;
    if (z === null) {
      const x2pi = r.gen.random() * 2 * Math.PI;
      const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - r.gen.random()));
      z = Math.cos(x2pi) * g2rad;
      r.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return new PyFloat(mu + z * sigma);
  });
  def('normalvariate', (r, a, kw) => {
    const mu = num(a[0] ?? kw?.get('mu') ?? new PyFloat(0));
    const sigma = num(a[1] ?? kw?.get('sigma') ?? new PyFloat(1));
    const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.sqrt(2.0);
    let z: number;
    for (;;) {
      const u1 = r.gen.random();
      const u2 = 1.0 - r.gen.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -Math.log(u2)) break;
    }
    return new PyFloat(mu + z * sigma);
  });
  def('expovariate', (r, a, kw) => new PyFloat(-Math.log(1.0 - r.gen.random()) / num(a[0] ?? kw?.get('lambd') ?? new PyFloat(1))));
  def('choices', (r, a, kw) => {
    const population = toArray(a[0]!);
    const weights = a[1] ?? kw?.get('weights') ?? None;
    const cumArg = kw?.get('cum_weights') ?? None;
    const kArg = kw?.get('k') ?? a[3];
    const k = kArg === undefined ? 1 : Number(asIndex(kArg));
    const n = population.length;
    const out: PyObject[] = [];
    if (weights === None && cumArg === None) {
      for (let i = 0; i < k; i++) out.push(population[Math.floor(r.gen.random() * n)]!);
      return new PyList(out);
    }
    if (weights !== None && cumArg !== None) raise(typeErrorType, 'Cannot specify both weights and cumulative weights');
    let cum: number[];
    if (cumArg !== None) cum = toArray(cumArg).map(num);
    else {
      let acc = 0;
      cum = toArray(weights).map((w) => (acc += num(w)));
    }
    if (cum.length !== n) raise(valueErrorType, 'The number of weights does not match the population');
    const total = cum[n - 1]! + 0.0;
    if (total <= 0.0) raise(valueErrorType, 'Total of weights must be greater than zero');
    if (!Number.isFinite(total)) raise(valueErrorType, 'Total of weights must be finite');
    for (let i = 0; i < k; i++) {
      // bisect_right(cum_weights, random() * total, 0, n - 1)
      const x = r.gen.random() * total;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x < cum[mid]!) hi = mid;
        else lo = mid + 1;
      }
      out.push(population[lo]!);
    }
    return new PyList(out);
  });
  def('sample', (r, a, kw) => {
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
        const j = Number(r.gen.randbelow(BigInt(n - i)));
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = Number(r.gen.randbelow(BigInt(n)));
        while (selected.has(j)) j = Number(r.gen.randbelow(BigInt(n)));
        selected.add(j);
        result[i] = population[j]!;
      }
    }
    return new PyList(result);
  });
  // getstate(): (VERSION, the 624 words and the index, gauss_next) as Random.getstate gives it
  def('getstate', (r) =>
    newTuple([
      intFromNumber(3),
      newTuple([...Array.from(r.gen.mt, (w) => intFromNumber(w)), intFromNumber(r.gen.mti)]),
      r.gaussNext === null ? None : new PyFloat(r.gaussNext),
    ]),
  );
  def('setstate', (r, a) => {
    const st = a[0];
    if (!(st instanceof PyTuple) || st.items.length !== 3) raise(valueErrorType, 'state vector must be a tuple');
    const words = toArray(st.items[1]!).map((w) => Number(asIndex(w)));
    if (words.length !== N + 1) raise(valueErrorType, 'state vector is the wrong size');
    words.slice(0, N).forEach((w, i) => (r.gen.mt[i] = w >>> 0));
    r.gen.mti = words[N]!;
    r.gaussNext = st.items[2] === None ? null : num(st.items[2]!);
    return None;
  });
}

export function makeRandom(): PyModule {
  initRandomType();
  const m = new PyModule('random');
  const d = m.dict;
  const inst = new PyRandom(randomType);
  seed(inst, undefined);
  d.setStr('Random', randomType);
  // the module's functions are the bound methods of one hidden instance (random._inst)
  for (const [name, v] of randomType.attrs) {
    if (name.startsWith('_') || !(v instanceof PyBuiltin)) continue;
    d.setStr(name, builtinFunction(name, (a, kw) => v.fn([inst, ...a], kw)));
  }
  return m;
}
