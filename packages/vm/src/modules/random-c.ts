// The _random module: Random, the Mersenne Twister core Lib/random.py builds on (random(),
// getrandbits(), seed(), getstate(), setstate()). CPython counterpart: Modules/_randommodule.c.
import { raise } from '../errors.js';
import { builtinType, None, PyObject, type PyType } from '../objects/object.js';
import { intFromNumber, newInt, PyInt } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { defMethod } from '../objects/native.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { asIndex } from '../protocols/number.js';
import { pyHash } from '../protocols/hash.js';
import { MersenneTwister } from './random.js';

const randomType = builtinType('Random');
randomType.module = '_random';

class PyRandom extends PyObject {
  readonly gen = new MersenneTwister();
  constructor(type: PyType) {
    super(type);
    seed(this, None);
  }
}

/** random_seed: None from the clock and entropy, an int by its absolute value, others by hash(). */
function seed(r: PyRandom, arg: PyObject): void {
  if (arg === None) {
    const words = new Uint32Array(20);
    crypto.getRandomValues(words);
    r.gen.initByArray(Array.from(words));
    return;
  }
  const n = arg instanceof PyInt ? arg.value : pyHash(arg);
  r.gen.seedInt(n);
}

let initialized = false;
function initRandomType(): void {
  if (initialized) return;
  initialized = true;
  const t = randomType;
  const self = (o: PyObject) => o as PyRandom;
  defMethod(t, '__new__', (a) => new PyRandom(a[0] as PyType));
  defMethod(t, '__init__', (a) => {
    if (a.length > 2) raise(typeErrorType, `Random() expected at most 1 argument, got ${a.length - 1}`);
    if (a.length === 2) seed(self(a[0]!), a[1]!);
    return None;
  });
  defMethod(t, 'seed', (a) => {
    seed(self(a[0]!), a[1] ?? None);
    return None;
  });
  defMethod(t, 'random', (a) => new PyFloat(self(a[0]!).gen.random()));
  defMethod(t, 'getrandbits', (a) => {
    const k = Number(asIndex(a[1] ?? None));
    if (k < 0) raise(valueErrorType, 'number of bits must be non-negative');
    return newInt(k === 0 ? 0n : self(a[0]!).gen.getrandbits(k));
  });
  defMethod(t, 'getstate', (a) => {
    const g = self(a[0]!).gen;
    return newTuple([...Array.from(g.mt, intFromNumber), intFromNumber(g.mti)]);
  });
  defMethod(t, 'setstate', (a) => {
    const st = a[1];
    if (!(st instanceof PyTuple)) raise(typeErrorType, 'state vector must be a tuple');
    if (st.items.length !== 625) raise(valueErrorType, 'state vector is the wrong size');
    const g = self(a[0]!).gen;
    for (let i = 0; i < 624; i++) g.mt[i] = Number(asIndex(st.items[i]!) & 0xffffffffn);
    const index = Number(asIndex(st.items[624]!));
    if (index < 0 || index > 624) raise(valueErrorType, 'invalid state');
    g.mti = index;
    return None;
  });
}

export function makeRandomC(): PyModule {
  initRandomType();
  const m = new PyModule('_random');
  m.dict.setStr('Random', randomType);
  return m;
}
