// The per-module constant cache that makes equal constants one object.
// CPython counterpart: Python/compile.c (3.11), c->c_const_cache with merge_consts_recursive()
// (every constant, recursively into tuples and frozensets) and merge_const_one() (a code
// object's names/consts/localsplusnames tuples and its linetable/exceptiontable, not recursive).
// The first object entered under a key wins; later equal ones are replaced by it.
import { Kind, PyFrozenSet, type PyValue } from '../../values.js';
import { constantKey } from './constant-key.js';

export class ConstCache {
  private readonly cache = new Map<string, PyValue>();

  /** merge_consts_recursive: the cached object equal to `o`, entering `o` (and its items) if new. */
  mergeConstsRecursive(o: PyValue): PyValue {
    if (o.kind === Kind.None || o.kind === Kind.Ellipsis) return o;
    const key = constantKey(o);
    const cached = this.cache.get(key);
    if (cached) return cached;
    this.cache.set(key, o);
    if (o.kind === Kind.Tuple) {
      const items = o.items;
      for (let i = 0; i < items.length; i++) items[i] = this.mergeConstsRecursive(items[i]!);
    } else if (o.kind === Kind.FrozenSet && o.items.length > 0) {
      // a frozenset cannot be rewritten: CPython builds a new one from the merged items and
      // caches that in place of `o`
      const merged = new PyFrozenSet(o.items.map((item) => this.mergeConstsRecursive(item)));
      this.cache.set(key, merged);
      return merged;
    }
    return o;
  }

  /** merge_const_one: the cached object equal to `o`, entering `o` itself (not its items) if new. */
  mergeConstOne<T extends PyValue>(o: T): T {
    const key = constantKey(o);
    const cached = this.cache.get(key);
    if (cached) return cached as T;
    this.cache.set(key, o);
    return o;
  }
}
