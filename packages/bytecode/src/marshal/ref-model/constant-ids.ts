// _PyCode_ConstantKey as numbers: every value gets the id of its equivalence class under
// constant-key.ts's keys (equal ids exactly when the keys are equal), found without building the
// key strings for the common constants. A str is looked up by its own value, an int by its value,
// a tuple or frozenset by its items' ids (hashed, each bucket comparing the id sequences: no key
// string, and no allocation for a sequence seen before), bytes by a hash of their contents, an
// object keyed by identity by the object; the rest fall back to constantKey.
import { Kind, type PyBytes, type PyValue } from '../../values.js';
import { constantKey } from './constant-key.js';
import { StrTable } from './str-table.js';

/** a tuple's or frozenset's item ids and the id of that sequence's class */
interface SeqEntry {
  readonly items: Int32Array;
  readonly id: number;
}

export class ConstantIds {
  private next = 0;
  private readonly ints = new Map<bigint, number>();
  /** code objects, lists, dicts, sets and NaNs: each object is a class of its own */
  private readonly identities = new Map<object, number>();
  /** bytes by a hash of their contents, each bucket holding [value, id] pairs */
  private readonly bytes = new Map<number, [Uint8Array, number][]>();
  /** tuples by a hash of their items' ids */
  private readonly tuples = new Map<number, SeqEntry[]>();
  /** frozensets by a hash of their items' ids in ascending order */
  private readonly frozensets = new Map<number, SeqEntry[]>();
  /** item ids of the sequences being looked up, nested ones above their parents' */
  private stack = new Int32Array(256);
  private top = 0;
  /** everything else by constantKey */
  private readonly composite = new Map<string, number>();

  /** @param strs where a plain str's id is kept (the reference model shares its table) */
  constructor(private readonly strs: StrTable = new StrTable()) {}

  /** the id of `v`'s class, allocating one for a value not seen before */
  of(v: PyValue): number {
    switch (v.kind) {
      case Kind.Str:
        if (v.utf8 === null) {
          const e = this.strs.entry(v.value);
          return e.constId >= 0 ? e.constId : (e.constId = this.next++);
        }
        return this.lookup(this.composite, constantKey(v));
      case Kind.Int: {
        let id = this.ints.get(v.value);
        if (id === undefined) this.ints.set(v.value, (id = this.next++));
        return id;
      }
      case Kind.Bytes:
        return this.bytesId(v);
      case Kind.Tuple:
        return this.sequenceId(this.tuples, v.items, false);
      case Kind.FrozenSet:
        // a frozenset of keys: element order does not matter
        return this.sequenceId(this.frozensets, v.items, true);
      case Kind.Code:
      case Kind.List:
      case Kind.Dict:
      case Kind.Set:
        return this.identity(v);
      case Kind.Float:
        return v.value !== v.value ? this.identity(v) : this.lookup(this.composite, constantKey(v));
      case Kind.Complex:
        return v.real !== v.real || v.imag !== v.imag ? this.identity(v) : this.lookup(this.composite, constantKey(v));
      default:
        return this.lookup(this.composite, constantKey(v));
    }
  }

  private sequenceId(table: Map<number, SeqEntry[]>, items: readonly PyValue[], sorted: boolean): number {
    const n = items.length;
    const base = this.top;
    if (base + n > this.stack.length) {
      const grown = new Int32Array(Math.max(2 * this.stack.length, base + n));
      grown.set(this.stack.subarray(0, base));
      this.stack = grown;
    }
    this.top = base + n;
    // (the items' own lookups may grow the stack: it is read again afterwards)
    for (let i = 0; i < n; i++) {
      const id = this.of(items[i]!);
      this.stack[base + i] = id;
    }
    const ids = this.stack;
    if (sorted && n > 1) ids.subarray(base, base + n).sort();
    let h = n;
    for (let i = 0; i < n; i++) h = (Math.imul(h, 0x01000193) ^ ids[base + i]!) | 0;
    this.top = base;
    let bucket = table.get(h);
    if (bucket === undefined) table.set(h, (bucket = []));
    for (let j = 0; j < bucket.length; j++) {
      const e = bucket[j]!;
      const other = e.items;
      if (other.length !== n) continue;
      let k = 0;
      while (k < n && other[k] === ids[base + k]) k++;
      if (k === n) return e.id;
    }
    const id = this.next++;
    bucket.push({ items: ids.slice(base, base + n), id });
    return id;
  }

  private identity(v: object): number {
    let id = this.identities.get(v);
    if (id === undefined) this.identities.set(v, (id = this.next++));
    return id;
  }

  private lookup(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = this.next++));
    return id;
  }

  private bytesId(v: PyBytes): number {
    const b = v.value;
    // FNV-1a over at most 64 of the bytes, spread over them (the cache holds every code object's
    // linetable and exceptiontable: hashing them whole was a visible cost; equal buckets compare whole)
    let h = 0x811c9dc5 ^ b.length;
    const step = b.length <= 64 ? 1 : Math.floor(b.length / 64);
    for (let i = 0; i < b.length; i += step) h = Math.imul(h ^ b[i]!, 0x01000193);
    let bucket = this.bytes.get(h);
    if (bucket === undefined) this.bytes.set(h, (bucket = []));
    for (const [other, id] of bucket) if (sameBytes(other, b)) return id;
    const id = this.next++;
    bucket.push([b, id]);
    return id;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
