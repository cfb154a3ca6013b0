// dict: insertion-ordered hash table with Python hash and equality.
// CPython counterpart: Objects/dictobject.c.
//
// Keys whose equality is plain value equality (exact str, int, bool, float) are indexed by a JS
// primitive (the string, or the number/bigint value, so 1 == 1.0 == True share a slot as in
// Python). Keys with the default identity __eq__/__hash__ are indexed by the object itself. Every
// other key (tuples, user classes with __eq__) goes through its Python hash and __eq__.
import { builtinType, TPFLAGS_BASETYPE, TPFLAGS_MAPPING, objectType, PyObject, type PyType } from './object.js';
import { PyStr, strType } from './str.js';
import { PyInt } from './int.js';
import { PyFloat } from './float.js';
import { pyHash } from '../protocols/hash.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';

export const dictType = builtinType('dict', undefined, TPFLAGS_BASETYPE | TPFLAGS_MAPPING);

/** Marks a key that must be found through its Python hash. */
const HASHED = Symbol('hashed');
type Prim = string | number | bigint | PyObject;

export class PyDict extends PyObject {
  keys: (PyObject | undefined)[];
  values: (PyObject | undefined)[];
  private index: Map<Prim, number>;
  private buckets: Map<number, number[]> | null;
  size: number;
  /** bumped on every insertion or deletion (iterators detect size changes) */
  version: number;
  constructor(type: PyType = dictType) {
    super(type);
    this.keys = [];
    this.values = [];
    this.index = new Map();
    this.buckets = null;
    this.size = 0;
    this.version = 0;
  }

  private findHashed(key: PyObject, h: number): number {
    const b = this.buckets?.get(h);
    if (!b) return -1;
    for (let j = 0; j < b.length; j++) {
      const i = b[j]!;
      const k = this.keys[i];
      if (k !== undefined && (k === key || richCompareBool(k, key, CMP_EQ))) return i;
    }
    return -1;
  }

  /** The slot of `key`, or -1. */
  find(key: PyObject): number {
    const p = primKey(key);
    if (p !== HASHED) {
      const i = this.index.get(p);
      return i === undefined ? -1 : i;
    }
    return this.findHashed(key, Number(pyHash(key)));
  }

  get(key: PyObject): PyObject | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.values[i];
  }

  /** The slot of a JS string key, or -1 (the global caches of eval/global-cache.ts keep it). */
  findStr(key: string): number {
    const i = this.index.get(key);
    return i === undefined ? -1 : i;
  }

  /** Lookup by a JS string (globals, attribute dicts). */
  getStr(key: string): PyObject | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.values[i];
  }

  /** Store under a JS string; `keyObj`, when given, is the exact str object for it (an interned name). */
  setStr(key: string, value: PyObject, keyObj?: PyStr): void {
    const i = this.index.get(key);
    if (i !== undefined) {
      this.values[i] = value;
      return;
    }
    this.index.set(key, this.keys.length);
    this.keys.push(keyObj ?? new PyStr(key));
    this.values.push(value);
    this.size++;
    this.version++;
  }

  set(key: PyObject, value: PyObject): void {
    const p = primKey(key);
    if (p !== HASHED) {
      const i = this.index.get(p);
      if (i !== undefined) {
        this.values[i] = value;
        return;
      }
      this.index.set(p, this.keys.length);
    } else {
      const h = Number(pyHash(key));
      const i = this.findHashed(key, h);
      if (i >= 0) {
        this.values[i] = value;
        return;
      }
      if (!this.buckets) this.buckets = new Map();
      const b = this.buckets.get(h);
      if (b) b.push(this.keys.length);
      else this.buckets.set(h, [this.keys.length]);
    }
    this.keys.push(key);
    this.values.push(value);
    this.size++;
    this.version++;
  }

  /** Remove `key`; returns its value or undefined. */
  delete(key: PyObject): PyObject | undefined {
    const p = primKey(key);
    let i: number;
    if (p !== HASHED) {
      const j = this.index.get(p);
      if (j === undefined) return undefined;
      i = j;
      this.index.delete(p);
    } else {
      const h = Number(pyHash(key));
      i = this.findHashed(key, h);
      if (i < 0) return undefined;
      const b = this.buckets!.get(h)!;
      b.splice(b.indexOf(i), 1);
      if (b.length === 0) this.buckets!.delete(h);
    }
    const v = this.values[i];
    this.keys[i] = undefined;
    this.values[i] = undefined;
    this.size--;
    this.version++;
    if (this.keys.length > 16 && this.size * 2 < this.keys.length) this.compact();
    return v;
  }

  deleteStr(key: string): boolean {
    const i = this.index.get(key);
    if (i === undefined) return false;
    this.delete(this.keys[i]!);
    return true;
  }

  clear(): void {
    this.keys = [];
    this.values = [];
    this.index = new Map();
    this.buckets = null;
    this.size = 0;
    this.version++;
  }

  private compact(): void {
    const keys = this.keys;
    const values = this.values;
    this.clear();
    for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.set(keys[i]!, values[i]!);
  }

  /** Live entries in order. */
  *entries(): Generator<[PyObject, PyObject]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k !== undefined) yield [k, this.values[i]!];
    }
  }

  /** Keys in order, as an array (a snapshot). */
  keyList(): PyObject[] {
    const out: PyObject[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== undefined) out.push(this.keys[i]!);
    return out;
  }
}

/** The JS key a dict indexes `key` by, or HASHED. */
function primKey(key: PyObject): Prim | typeof HASHED {
  const t = key.type;
  if (key instanceof PyStr) return t === strType || sameEqHash(t, strType) ? key.value : HASHED;
  if (key instanceof PyInt) {
    if (t.solid === t || sameEqHash(t, t.solid!)) {
      const n = key.num;
      return n === n ? n : key.value;
    }
    return HASHED;
  }
  if (key instanceof PyFloat) {
    if (t.solid === t || sameEqHash(t, t.solid!)) {
      const v = key.value;
      if (v !== v) return key;
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) return BigInt(v);
      return v === 0 ? 0 : v;
    }
    return HASHED;
  }
  return sameEqHash(t, objectType) ? key : HASHED;
}

/** Whether `t` compares and hashes exactly as `base` does. */
function sameEqHash(t: PyType, base: PyType): boolean {
  return t.lookup('__eq__') === base.lookup('__eq__') && t.lookup('__hash__') === base.lookup('__hash__');
}
