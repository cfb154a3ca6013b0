// _PyCode_ConstantKey as numbers: every value gets the id of its equivalence class under
// constant-key.ts's keys (equal ids exactly when the keys are equal), found without building the
// key strings for the common constants. A str is looked up by its own value, an int by its value,
// a tuple or frozenset by its items' ids (hashed, each bucket comparing the id sequences: no key
// string, and no allocation for a sequence seen before), bytes by a hash of their contents, an
// object keyed by identity by the object; the rest fall back to constantKey.
import { Kind, type PyBytes, type PyValue } from '../../values.js';
import { constantKey } from './constant-key.js';
import { StrTable, type StrEntry } from './str-table.js';

/**
 * A tuple's or frozenset's class: its item ids (`n` of them at `start` in the items arena) and its
 * id; `next` chains the classes whose hash is the same (no array per bucket, no typed array per class).
 */
interface SeqEntry {
  readonly start: number;
  readonly n: number;
  readonly id: number;
  next: SeqEntry | null;
}

/** a bytes value's class, chained like SeqEntry */
interface BytesEntry {
  readonly value: Uint8Array;
  readonly id: number;
  next: BytesEntry | null;
}

export class ConstantIds {
  private next = 0;
  private readonly ints = new Map<bigint, number>();
  /** code objects, lists, dicts, sets and NaNs: each object is a class of its own */
  private readonly identities = new Map<object, number>();
  /** bytes by a hash of their contents */
  private readonly bytes = new Map<number, BytesEntry>();
  /** tuples by a hash of their items' ids */
  private readonly tuples = new Map<number, SeqEntry>();
  /** frozensets by a hash of their items' ids in ascending order */
  private readonly frozensets = new Map<number, SeqEntry>();
  /** item ids of the sequences being looked up, nested ones above their parents' */
  private stack = new Int32Array(256);
  private top = 0;
  /** item ids of every class of sequence, end to end */
  private arena = new Int32Array(1024);
  private arenaTop = 0;
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

  /**
   * The id of a tuple of plain strs (no utf8 form) given their StrTable entries: of(tuple) without
   * looking each item up by its value again (co_names and co_localsplusnames, whose entries the
   * reference model holds already).
   */
  strTupleId(entries: readonly StrEntry[]): number {
    const n = entries.length;
    const base = this.reserve(n);
    const ids = this.stack;
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      ids[base + i] = e.constId >= 0 ? e.constId : (e.constId = this.next++);
    }
    return this.sequenceClass(this.tuples, base, n);
  }

  /** room for `n` item ids on the stack, above the ones being used; where they start */
  private reserve(n: number): number {
    const base = this.top;
    if (base + n > this.stack.length) {
      const grown = new Int32Array(Math.max(2 * this.stack.length, base + n));
      grown.set(this.stack.subarray(0, base));
      this.stack = grown;
    }
    this.top = base + n;
    return base;
  }

  private sequenceId(table: Map<number, SeqEntry>, items: readonly PyValue[], sorted: boolean): number {
    const n = items.length;
    const base = this.reserve(n);
    // (the items' own lookups may grow the stack: it is read again afterwards)
    for (let i = 0; i < n; i++) {
      const id = this.of(items[i]!);
      this.stack[base + i] = id;
    }
    if (sorted && n > 1) this.stack.subarray(base, base + n).sort();
    return this.sequenceClass(table, base, n);
  }

  /** the class of the `n` item ids at `base` on the stack (popped from it), made if new */
  private sequenceClass(table: Map<number, SeqEntry>, base: number, n: number): number {
    const ids = this.stack;
    let h = n;
    for (let i = 0; i < n; i++) h = (Math.imul(h, 0x01000193) ^ ids[base + i]!) | 0;
    this.top = base;
    const head = table.get(h);
    const arena = this.arena;
    for (let e: SeqEntry | null = head ?? null; e !== null; e = e.next) {
      if (e.n !== n) continue;
      const at = e.start;
      let k = 0;
      while (k < n && arena[at + k] === ids[base + k]) k++;
      if (k === n) return e.id;
    }
    const id = this.next++;
    table.set(h, { start: this.keep(ids, base, n), n, id, next: head ?? null });
    return id;
  }

  /** copies ids[base, base + n) to the end of the arena; where it starts there */
  private keep(ids: Int32Array, base: number, n: number): number {
    const start = this.arenaTop;
    if (start + n > this.arena.length) {
      const grown = new Int32Array(Math.max(2 * this.arena.length, start + n));
      grown.set(this.arena.subarray(0, start));
      this.arena = grown;
    }
    // (a loop: a subarray to copy from would be one more object per class)
    const arena = this.arena;
    for (let i = 0; i < n; i++) arena[start + i] = ids[base + i]!;
    this.arenaTop = start + n;
    return start;
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
    const head = this.bytes.get(h);
    for (let e: BytesEntry | null = head ?? null; e !== null; e = e.next) if (sameBytes(e.value, b)) return e.id;
    const id = this.next++;
    this.bytes.set(h, { value: b, id, next: head ?? null });
    return id;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
