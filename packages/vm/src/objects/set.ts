// set and frozenset: CPython's open-addressing table (linear probes + perturbation, dummies on
// delete, the same resize rule), so iteration order is CPython's.
// CPython counterpart: Objects/setobject.c (set_add_entry, set_lookkey, set_table_resize,
// set_insert_clean, set_merge, set_discard_entry, set_pop).
import { builtinType, PyObject, type PyType } from './object.js';
import { PyStr, strType } from './str.js';
import { boolType, intType, type PyInt } from './int.js';
import { PyDict, dictType } from './dict.js';
import { pyHash } from '../protocols/hash.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';

export const setType = builtinType('set');
export const frozenSetType = builtinType('frozenset');

const MINSIZE = 8;
const LINEAR_PROBES = 9;

/**
 * A key's hash: a number when it is a safe integer (every small int's, most of the others'), else
 * the bigint; one value always has the same form, so entries compare hashes with ===.
 */
export type SetHash = number | bigint;

interface Entry {
  key: PyObject;
  hash: SetHash;
}
/** A deleted slot. */
const DUMMY: Entry = { key: null as unknown as PyObject, hash: -1 };

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** hash(key) in its SetHash form; an exact int or bool below 2**53 without making a bigint. */
function hashOf(key: PyObject): SetHash {
  if ((key.type === intType || key.type === boolType) && (key as PyInt).num === (key as PyInt).num) {
    const n = (key as PyInt).num;
    return n === -1 ? -2 : n; // hash(-1) is -2; other ints below 2**61 - 1 hash to themselves
  }
  const h = pyHash(key);
  return h >= -MAX_SAFE && h <= MAX_SAFE ? Number(h) : h;
}

// The probe sequence (i = i*5 + 1 + perturb, perturb >>= 5, perturb starting as the hash taken as
// unsigned 64-bit) in numbers: perturb is kept in locals as two int32 halves (a key's __eq__ may
// probe another set meanwhile), and only the low 32 bits of i*5 + 1 + perturb matter under the
// mask. No BigInt is made while probing.
const hashView = new DataView(new ArrayBuffer(8));

/** The low (0) or high (1) 32 bits of a 64-bit hash, as an int32. */
function hashHalf(hash: SetHash, half: 0 | 1): number {
  if (typeof hash === 'number') return half === 0 ? hash | 0 : Math.floor(hash / 4294967296) | 0;
  hashView.setBigInt64(0, hash, true);
  return hashView.getInt32(half * 4, true);
}

export class PySet extends PyObject {
  table: (Entry | null)[];
  mask: number;
  fill: number;
  used: number;
  finger: number;
  /** bumped on every change (iterators detect size changes) */
  version: number;
  constructor(type: PyType = setType) {
    super(type);
    this.table = new Array(MINSIZE).fill(null);
    this.mask = MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.finger = 0;
    this.version = 0;
  }

  get size(): number {
    return this.used;
  }

  /** The slot index holding an equal key, or -1. */
  private lookup(key: PyObject, hash: SetHash): number {
    const mask = this.mask;
    const table = this.table;
    let plo = hashHalf(hash, 0);
    let phi = hashHalf(hash, 1);
    let i = plo & mask;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      for (;;) {
        const e = table[j]!;
        if (e === null) return -1;
        if (e !== DUMMY && e.hash === hash) {
          if (e.key === key) return j;
          const eq = keyEq(e.key, key);
          // set_lookkey: an __eq__ that changed the set (a resize, or this entry) restarts the lookup
          if (this.table !== table || table[j] !== e) return this.lookup(key, hash);
          if (eq) return j;
        }
        if (probes-- === 0) break;
        j++;
      }
      plo = (plo >>> 5) | (phi << 27);
      phi >>>= 5;
      i = (i * 5 + 1 + (plo >>> 0)) & mask;
    }
  }

  has(key: PyObject): boolean {
    return this.lookup(key, hashOf(key)) >= 0;
  }

  add(key: PyObject): void {
    this.addEntry(key, hashOf(key));
  }

  /** set_add_entry: a dummy met along the probe sequence is reused (3.11's freeslot). */
  private addEntry(key: PyObject, hash: SetHash): void {
    const mask = this.mask;
    const table = this.table;
    let plo = hashHalf(hash, 0);
    let phi = hashHalf(hash, 1);
    let i = plo & mask;
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      for (;;) {
        const e = table[j]!;
        if (e === null) {
          if (freeslot >= 0) {
            this.table[freeslot] = { key, hash };
            this.used++;
            this.version++;
            return;
          }
          this.table[j] = { key, hash };
          this.fill++;
          this.used++;
          this.version++;
          if (this.fill * 5 >= this.mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (e === DUMMY) {
          // 3.11 keeps the last dummy met (checked against CPython on discard-heavy sequences)
          freeslot = j;
        } else if (e.hash === hash) {
          if (e.key === key) return;
          const eq = keyEq(e.key, key);
          // set_add_entry: an __eq__ that changed the set restarts the insertion
          if (this.table !== table || table[j] !== e) return this.addEntry(key, hash);
          if (eq) return;
        }
        if (probes-- === 0) break;
        j++;
      }
      plo = (plo >>> 5) | (phi << 27);
      phi >>>= 5;
      i = (i * 5 + 1 + (plo >>> 0)) & mask;
    }
  }

  private findUnused(hash: SetHash): number {
    const mask = this.mask;
    let plo = hashHalf(hash, 0);
    let phi = hashHalf(hash, 1);
    let i = plo & mask;
    for (;;) {
      if (this.table[i] === null) return i;
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) if (this.table[i + j] === null) return i + j;
      }
      plo = (plo >>> 5) | (phi << 27);
      phi >>>= 5;
      i = (i * 5 + 1 + (plo >>> 0)) & mask;
    }
  }

  private resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size <<= 1;
    const old = this.table;
    this.table = new Array(size).fill(null);
    this.mask = size - 1;
    for (const e of old) if (e !== null && e !== DUMMY) this.table[this.findUnused(e.hash)] = e;
    this.fill = this.used;
  }

  /** Remove `key`; whether it was there. */
  discard(key: PyObject): boolean {
    const j = this.lookup(key, hashOf(key));
    if (j < 0) return false;
    this.table[j] = DUMMY;
    this.used--;
    this.version++;
    return true;
  }

  /** set.pop(): the element at the finger, as CPython picks it; null when empty. */
  pop(): PyObject | null {
    if (this.used === 0) return null;
    let i = this.finger & this.mask;
    for (;;) {
      const e = this.table[i];
      if (e !== null && e !== DUMMY) break;
      i = (i + 1) & this.mask;
    }
    const e = this.table[i]!;
    this.table[i] = DUMMY;
    this.used--;
    this.finger = i + 1;
    this.version++;
    return e.key;
  }

  clear(): void {
    this.table = new Array(MINSIZE).fill(null);
    this.mask = MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.version++;
  }

  /** The end of set_difference_update_internal: a table over a quarter dummies is rebuilt. */
  purgeDummies(): void {
    if (this.fill - this.used <= Math.floor(this.mask / 4)) return;
    this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  /** set_swap_bodies: take over another set's table (its layout included). */
  adopt(other: PySet): void {
    this.table = other.table;
    this.mask = other.mask;
    this.fill = other.fill;
    this.used = other.used;
    this.version++;
  }

  /** The one big resize set_update_internal does before adding `n` keys. */
  reserve(n: number): void {
    if ((this.fill + n) * 5 >= this.mask * 3) this.resize((this.used + n) * 2);
  }

  /** set_merge / set_update_internal for another set. */
  mergeSet(other: PySet): void {
    if (other.used === 0) return;
    this.reserve(other.used);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      for (let i = 0; i <= other.mask; i++) this.table[i] = other.table[i] ?? null;
      this.fill = other.fill;
      this.used = other.used;
      this.version++;
      return;
    }
    for (const e of other.table) if (e !== null && e !== DUMMY) this.addEntry(e.key, e.hash);
  }

  /** Elements in table (iteration) order. */
  items(): PyObject[] {
    const out: PyObject[] = [];
    for (const e of this.table) if (e !== null && e !== DUMMY) out.push(e.key);
    return out;
  }

  /** Entries with their hashes, in table order. */
  entries(): Entry[] {
    return this.table.filter((e): e is Entry => e !== null && e !== DUMMY);
  }
}

function keyEq(a: PyObject, b: PyObject): boolean {
  if (a.type === strType && b.type === strType) return (a as PyStr).value === (b as PyStr).value;
  return richCompareBool(a, b, CMP_EQ);
}

export function newSet(items: PyObject[], type: PyType = setType): PySet {
  const s = new PySet(type);
  for (const it of items) s.add(it);
  return s;
}

export function newFrozenSet(items: PyObject[]): PySet {
  return newSet(items, frozenSetType);
}

/** set_update_internal: another set merges its table; an exact dict pre-sizes; others add one by one. */
export function setUpdate(s: PySet, iterable: PyObject, toArray: (o: PyObject) => PyObject[]): void {
  if (iterable instanceof PySet) {
    s.mergeSet(iterable);
    return;
  }
  if (iterable instanceof PyDict && iterable.type === dictType) {
    s.reserve(iterable.size);
    for (const k of iterable.keyList()) s.add(k);
    return;
  }
  for (const v of toArray(iterable)) s.add(v);
}
