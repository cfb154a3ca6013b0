// The order marshal writes set and frozenset elements in, and their flags.
// CPython counterpart: Python/marshal.c (3.11+), w_complex_object for sets: each element is
// dumped on its own (a fresh marshal context, the element's own refcount deciding its flag), the
// (dump, element) pairs are sorted, and the elements are then written in that order. The pairs
// list holds one more reference to every element while they are written, so each element is
// written with FLAG_REF (or as a TYPE_REF) in the main stream.
import type { CodeObject } from '../../code-object.js';
import { Kind, type PyValue } from '../../values.js';
import { MarshalWriter, type WriteOptions } from '../writer.js';
import { childrenOf } from './ref-flags.js';

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function hasRefFlag(v: PyValue): v is Exclude<PyValue, { kind: Kind.None | Kind.Bool | Kind.Ellipsis | Kind.StopIteration }> {
  return !(v.kind === Kind.None || v.kind === Kind.Bool || v.kind === Kind.Ellipsis || v.kind === Kind.StopIteration);
}

/**
 * Sort every set/frozenset of the tree as marshal will write it and flag its elements. Runs after
 * the natural flags are set; inner sets first, since an outer element's dump writes them.
 */
export function orderSetElements(top: CodeObject, options: WriteOptions, keysFlagged: boolean): void {
  // sets are found only among the constants (at any tuple depth): leaves and the other code
  // fields are not looked at, and only containers are remembered as done
  const done = new Set<PyValue>();
  const visit = (v: PyValue): void => {
    switch (v.kind) {
      case Kind.Code:
        visit(v.consts);
        return;
      case Kind.Tuple:
      case Kind.List:
      case Kind.Dict:
      case Kind.Set:
      case Kind.FrozenSet:
        break;
      default:
        return;
    }
    if (done.has(v)) return;
    done.add(v);
    for (const child of childrenOf(v)) visit(child);
    if (v.kind !== Kind.FrozenSet && v.kind !== Kind.Set) return;
    const keyed = v.items.map((item) => {
      // (most elements are a few bytes: a small first buffer)
      const w = new MarshalWriter(options, 64);
      // 3.13 dumps the element while holding a reference of its own to it
      const natural = hasRefFlag(item) && item.ref;
      if (keysFlagged && hasRefFlag(item)) item.ref = true;
      w.writeObject(item);
      if (hasRefFlag(item)) item.ref = natural;
      return { item, key: w.result() };
    });
    keyed.sort((a, b) => compareBytes(a.key, b.key));
    keyed.forEach((k, i) => (v.items[i] = k.item));
    for (const item of v.items) if (hasRefFlag(item)) item.ref = true;
  };
  visit(top);
}
