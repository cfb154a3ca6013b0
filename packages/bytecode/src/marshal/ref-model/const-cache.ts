// The per-module constant cache that makes equal constants one object.
// CPython counterpart: Python/compile.c (3.11), c->c_const_cache with merge_consts_recursive()
// (every constant, recursively into tuples and frozensets) and merge_const_one() (a code
// object's names/consts/localsplusnames tuples and its linetable/exceptiontable, not recursive).
// The first object entered under a key wins; later equal ones are replaced by it.
import { Kind, PyFrozenSet, type PyTuple, type PyValue } from '../../values.js';
import { ConstantIds } from './constant-ids.js';
import type { StrEntry, StrTable } from './str-table.js';

export class ConstCache {
  private readonly ids: ConstantIds;
  /** by constant id (ConstantIds hands them out densely) */
  private readonly cache: (PyValue | undefined)[] = [];

  constructor(strs: StrTable) {
    this.ids = new ConstantIds(strs);
  }

  /** merge_consts_recursive: the cached object equal to `o`, entering `o` (and its items) if new. */
  mergeConstsRecursive(o: PyValue): PyValue {
    if (o.kind === Kind.None || o.kind === Kind.Ellipsis) return o;
    const key = this.ids.of(o);
    const cached = this.cache[key];
    if (cached) return cached;
    this.cache[key] = o;
    if (o.kind === Kind.Tuple) {
      const items = o.items;
      for (let i = 0; i < items.length; i++) items[i] = this.mergeConstsRecursive(items[i]!);
    } else if (o.kind === Kind.FrozenSet && o.items.length > 0) {
      // a frozenset cannot be rewritten: CPython builds a new one from the merged items and
      // caches that in place of `o`
      const merged = new PyFrozenSet(o.items.map((item) => this.mergeConstsRecursive(item)));
      this.cache[key] = merged;
      return merged;
    }
    return o;
  }

  /** mergeConstOne() of a tuple of plain strs whose StrTable entries are `entries`, item for item */
  mergeStrTuple(o: PyTuple, entries: readonly StrEntry[]): PyTuple {
    const key = this.ids.strTupleId(entries);
    const cached = this.cache[key];
    if (cached) return cached as PyTuple;
    this.cache[key] = o;
    return o;
  }

  /** merge_const_one: the cached object equal to `o`, entering `o` itself (not its items) if new. */
  mergeConstOne<T extends PyValue>(o: T): T {
    const key = this.ids.of(o);
    const cached = this.cache[key];
    if (cached) return cached as T;
    this.cache[key] = o;
    return o;
  }
}
