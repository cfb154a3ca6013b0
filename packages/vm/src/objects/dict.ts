// dict: insertion-ordered hash table with Python hash and equality.
// CPython counterpart: Objects/dictobject.c.
//
// Keys whose equality is plain value equality (exact str, int, bool, float) are indexed by a JS
// primitive (the string, or the number/bigint value, so 1 == 1.0 == True share a slot as in
// Python). Keys with the default identity __eq__/__hash__ are indexed by the object itself. Every
// other key (tuples, user classes with __eq__) goes through its Python hash and __eq__.
//
// Small dicts whose keys are all plain strings (instance __dict__s, keyword arguments) have no
// index at all: up to SMALL slots are searched in order, which is quicker than a Map and far
// lighter to allocate. The first other key, or the SMALL+1-th slot, builds the index.
import { builtinType, TPFLAGS_BASETYPE, TPFLAGS_HEAPTYPE, TPFLAGS_MAPPING, objectType, PyObject, type PyType } from './object.js';
import { PyStr, strType } from './str.js';
import { PyInt } from './int.js';
import { PyFloat } from './float.js';
import { pyHash } from '../protocols/hash.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';

export const dictType = builtinType('dict', undefined, TPFLAGS_BASETYPE | TPFLAGS_MAPPING);

/** Marks a key that must be found through its Python hash. */
const HASHED = Symbol('hashed');
/** slots searched linearly before the dict gets an index */
const SMALL = 8;
type Prim = string | number | bigint | PyObject;

export class PyDict extends PyObject {
  /**
   * Slots 0..used-1 in insertion order (undefined where deleted). The arrays are sized by the dict
   * (grow()), not by push: V8 gives a pushed-to empty array room for 17 elements, 300 bytes a
   * small dict (an instance __dict__) would never use.
   */
  keys: (PyObject | undefined)[];
  values: (PyObject | undefined)[];
  /** slots used, live or deleted (CPython's dk_nentries) */
  used: number;
  /** null while the dict is small and string-keyed (see above) */
  private index: Map<Prim, number> | null;
  private buckets: Map<number, number[]> | null;
  size: number;
  /** bumped on every insertion or deletion (iterators detect size changes) */
  version: number;
  constructor(type: PyType = dictType) {
    super(type);
    this.keys = [];
    this.values = [];
    this.used = 0;
    this.index = null;
    this.buckets = null;
    this.size = 0;
    this.version = 0;
  }

  /** Store a new entry in the next slot; returns the slot. */
  private append(key: PyObject, value: PyObject): number {
    const n = this.used;
    if (n === this.keys.length) this.grow(n);
    this.keys[n] = key;
    this.values[n] = value;
    this.used = n + 1;
    this.size++;
    this.version++;
    return n;
  }

  /** Room for more slots: 4, 8, 16 … then half as much again. */
  private grow(n: number): void {
    const cap = n < 4 ? 4 : n < 64 ? n * 2 : n + (n >> 1);
    const keys = new Array<PyObject | undefined>(cap);
    const values = new Array<PyObject | undefined>(cap);
    const oldKeys = this.keys;
    const oldValues = this.values;
    for (let i = 0; i < n; i++) {
      keys[i] = oldKeys[i];
      values[i] = oldValues[i];
    }
    this.keys = keys;
    this.values = values;
  }

  /** The slot of a string key (a str with str's own __eq__ and __hash__), or -1. */
  private slotOfStr(key: string): number {
    const index = this.index;
    if (index !== null) {
      const i = index.get(key);
      return i === undefined ? -1 : i;
    }
    const keys = this.keys;
    for (let i = 0, n = this.used; i < n; i++) {
      const k = keys[i];
      if (k !== undefined && (k as PyStr).value === key) return i;
    }
    return -1;
  }

  /** The index, built from the live slots when the dict stops being small. */
  private indexed(): Map<Prim, number> {
    let index = this.index;
    if (index === null) {
      index = new Map();
      const keys = this.keys;
      for (let i = 0; i < this.used; i++) if (keys[i] !== undefined) index.set((keys[i] as PyStr).value, i);
      this.index = index;
    }
    return index;
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

  /**
   * The slot of a key equal to `key` kept in the other kind of index: a user number stored hashed
   * that equals an int or float looked up by value, or the reverse (found through the hash value,
   * which for ints is the int itself).
   */
  private findOther(key: PyObject, p: Prim | typeof HASHED, h: bigint | null): number {
    if (p !== HASHED) {
      if (this.buckets === null || this.buckets.size === 0) return -1;
      return this.findHashed(key, Number(pyHash(key)));
    }
    if (h === null || this.size === 0) return -1;
    const cands: Prim[] = (h === -2n ? [-2n, -1n] : [h]).map((c) => (c >= -9007199254740991n && c <= 9007199254740991n ? Number(c) : c));
    // a str/int/float subclass overriding __eq__ may equal the plain value it holds
    if (key instanceof PyStr) cands.push(key.value);
    else if (key instanceof PyInt) cands.push(primKeyOfValue(key.value));
    for (const c of cands) {
      const i = typeof c === 'string' ? this.slotOfStr(c) : this.index === null ? -1 : (this.index.get(c) ?? -1);
      if (i >= 0 && this.keys[i] !== undefined && richCompareBool(this.keys[i]!, key, CMP_EQ)) return i;
    }
    // a class's own __eq__ may equal a str or float key of the same hash, which is indexed by its
    // value, not its hash: look through those (only for such keys, and only on a miss)
    const t = key.type;
    if (t.flags & TPFLAGS_HEAPTYPE && t.lookup('__eq__') !== objectType.lookup('__eq__')) {
      const keys = this.keys;
      for (let i = 0; i < this.used; i++) {
        const k = keys[i];
        if ((k instanceof PyStr || k instanceof PyFloat) && primKey(k) !== HASHED && pyHash(k) === h && richCompareBool(k, key, CMP_EQ)) return i;
      }
    }
    return -1;
  }

  /**
   * The slot of a str key indexed by its value, trying the slot it was last seen at first: an exact
   * str holding the same value there is the one entry for that value.
   */
  private slotOfStrKey(key: PyStr, value: string): number {
    const h = key.slot;
    if (h < this.used) {
      const k = this.keys[h];
      if (k !== undefined && k.type === strType && (k as PyStr).value === value) return h;
    }
    const i = this.slotOfStr(value);
    if (i >= 0) key.slot = i;
    return i;
  }

  /** The slot of `key`, or -1. */
  find(key: PyObject): number {
    const p = primKey(key);
    if (p !== HASHED) {
      const i = typeof p === 'string' ? this.slotOfStrKey(key as PyStr, p) : this.index === null ? -1 : (this.index.get(p) ?? -1);
      return i >= 0 ? i : this.findOther(key, p, null);
    }
    const h = pyHash(key);
    const i = this.findHashed(key, Number(h));
    return i >= 0 ? i : this.findOther(key, p, h);
  }

  get(key: PyObject): PyObject | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.values[i];
  }

  /** The slot of a JS string key, or -1 (the global caches of eval/global-cache.ts keep it). */
  findStr(key: string): number {
    return this.slotOfStr(key);
  }

  /** Lookup by a JS string (globals, attribute dicts). */
  getStr(key: string): PyObject | undefined {
    const i = this.slotOfStr(key);
    return i < 0 ? undefined : this.values[i];
  }

  /** Store under a JS string; `keyObj`, when given, is the exact str object for it (an interned name). */
  setStr(key: string, value: PyObject, keyObj?: PyStr): void {
    const i = this.slotOfStr(key);
    if (i >= 0) {
      this.values[i] = value;
      return;
    }
    if (this.index !== null || this.used >= SMALL) this.indexed().set(key, this.used);
    const k = keyObj ?? new PyStr(key);
    k.slot = this.append(k, value);
  }

  set(key: PyObject, value: PyObject): void {
    this.store(key, value, true);
  }

  /** dict.setdefault: the value of `key`, or `value` stored under it — one hash, one search. */
  setDefault(key: PyObject, value: PyObject): PyObject {
    return this.store(key, value, false);
  }

  /** Insert `key` or, if present, replace its value (`replace`) or keep it; returns the value now held. */
  private store(key: PyObject, value: PyObject, replace: boolean): PyObject {
    const p = primKey(key);
    if (typeof p === 'string') {
      let i = this.slotOfStrKey(key as PyStr, p);
      if (i < 0) i = this.findOther(key, p, null);
      if (i >= 0) {
        if (!replace) return this.values[i]!;
        this.values[i] = value;
        return value;
      }
      if (this.index !== null || this.used >= SMALL) this.indexed().set(p, this.used);
      (key as PyStr).slot = this.used;
    } else if (p !== HASHED) {
      const index = this.indexed();
      let i = index.get(p) ?? -1;
      if (i < 0) i = this.findOther(key, p, null);
      if (i >= 0) {
        if (!replace) return this.values[i]!;
        this.values[i] = value;
        return value;
      }
      index.set(p, this.used);
    } else {
      const hb = pyHash(key);
      const h = Number(hb);
      let i = this.findHashed(key, h);
      if (i < 0) i = this.findOther(key, p, hb);
      if (i >= 0) {
        if (!replace) return this.values[i]!;
        this.values[i] = value;
        return value;
      }
      this.indexed(); // a small dict's linear search sees string keys only
      if (!this.buckets) this.buckets = new Map();
      const b = this.buckets.get(h);
      if (b) b.push(this.used);
      else this.buckets.set(h, [this.used]);
    }
    this.append(key, value);
    return value;
  }

  /** Remove `key`; returns its value or undefined. */
  delete(key: PyObject): PyObject | undefined {
    // the stored key may sit in the other kind of index than the one `key` is looked up by
    const p = primKey(key);
    let i: number;
    let bucket: number | null = null;
    if (p !== HASHED) {
      i = typeof p === 'string' ? this.slotOfStr(p) : this.index === null ? -1 : (this.index.get(p) ?? -1);
      if (i < 0) {
        i = this.findOther(key, p, null);
        if (i >= 0) bucket = Number(pyHash(key));
      }
    } else {
      const hb = pyHash(key);
      i = this.findHashed(key, Number(hb));
      if (i >= 0) bucket = Number(hb);
      else i = this.findOther(key, p, hb);
    }
    if (i < 0) return undefined;
    if (bucket === null) this.index?.delete(primKey(this.keys[i]!) as Prim);
    else {
      const b = this.buckets!.get(bucket)!;
      b.splice(b.indexOf(i), 1);
      if (b.length === 0) this.buckets!.delete(bucket);
    }
    const v = this.values[i];
    this.keys[i] = undefined;
    this.values[i] = undefined;
    this.size--;
    this.version++;
    if (this.used > 16 && this.size * 2 < this.used) this.compact();
    return v;
  }

  deleteStr(key: string): boolean {
    const i = this.slotOfStr(key);
    if (i < 0) return false;
    this.delete(this.keys[i]!);
    return true;
  }

  clear(): void {
    this.keys = [];
    this.values = [];
    this.used = 0;
    this.index = null;
    this.buckets = null;
    this.size = 0;
    this.version++;
  }

  private compact(): void {
    const keys = this.keys;
    const values = this.values;
    const n = this.used;
    this.clear();
    for (let i = 0; i < n; i++) if (keys[i] !== undefined) this.set(keys[i]!, values[i]!);
  }

  /** Live entries in order. */
  *entries(): Generator<[PyObject, PyObject]> {
    for (let i = 0; i < this.used; i++) {
      const k = this.keys[i];
      if (k !== undefined) yield [k, this.values[i]!];
    }
  }

  /** Keys in order, as an array (a snapshot). */
  keyList(): PyObject[] {
    const out: PyObject[] = [];
    for (let i = 0; i < this.used; i++) if (this.keys[i] !== undefined) out.push(this.keys[i]!);
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

function primKeyOfValue(v: bigint): Prim {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** Whether `t` compares and hashes exactly as `base` does. */
function sameEqHash(t: PyType, base: PyType): boolean {
  return t.lookup('__eq__') === base.lookup('__eq__') && t.lookup('__hash__') === base.lookup('__hash__');
}
