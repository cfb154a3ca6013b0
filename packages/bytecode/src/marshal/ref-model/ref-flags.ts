// Which objects marshal writes with FLAG_REF: w_ref() flags an object when its reference count is
// above 1 at write time or (3.11+) when it is an interned str. With identity settled, the count is
// the number of slots in the tree that point at the object, plus one for objects something outside
// the tree also holds (process singletons, the filename the caller passed, the cached co_code,
// the top-level code object py_compile holds). Only "above 1" matters, so the walk flags an object
// on its second slot rather than counting.
import type { CodeObject } from '../../code-object.js';
import { Kind, type PyValue } from '../../values.js';

/** The objects a value points at, in marshal's write order. */
export function childrenOf(v: PyValue): PyValue[] {
  switch (v.kind) {
    case Kind.Tuple:
    case Kind.List:
    case Kind.Set:
    case Kind.FrozenSet:
      return v.items;
    case Kind.Dict:
      return v.keys.flatMap((k, i) => [k, v.values[i]!]);
    case Kind.Code: {
      const out: PyValue[] = [v.code, v.consts, v.names];
      if (v.localsplusnames) out.push(v.localsplusnames);
      if (v.localspluskinds) out.push(v.localspluskinds);
      out.push(v.filename, v.name);
      if (v.qualname) out.push(v.qualname);
      out.push(v.linetable);
      if (v.exceptiontable) out.push(v.exceptiontable);
      return out;
    }
    default:
      return [];
  }
}

/**
 * Set `ref` on every object of the tree: held from outside, shared inside (reached through a
 * second slot), or interned. The tree's objects must all still have `ref` false (the model makes
 * them). Held objects are flagged first; then one walk, in which `ref` doubles as the mark of an
 * object already reached: set when it is first reached (its children are visited then, and not
 * again), it is taken back at the end unless a second slot reached it. (A set of the objects
 * seen, hashed into at every slot, was most of the cost of this pass.)
 */
export function assignRefFlags(top: CodeObject, held: Iterable<{ ref: boolean }>): void {
  for (const h of held) h.ref = true;
  /** objects marked on their first reach, whose mark is taken back unless they are in `again` */
  const reached: { ref: boolean }[] = [];
  /** objects reached while already marked (held ones included, which keeps them flagged) */
  const again: { ref: boolean }[] = [];
  const visit = (v: PyValue): void => {
    switch (v.kind) {
      case Kind.None:
      case Kind.Bool:
      case Kind.Ellipsis:
      case Kind.StopIteration:
        return;
      case Kind.Str:
        // no children; an interned one is flagged whatever reaches it
        if (v.interned) v.ref = true;
        else if (v.ref) again.push(v);
        else {
          v.ref = true;
          reached.push(v);
        }
        return;
    }
    if (v.ref) {
      again.push(v);
      return;
    }
    v.ref = true;
    reached.push(v);
    switch (v.kind) {
      case Kind.Tuple:
      case Kind.List:
      case Kind.Set:
      case Kind.FrozenSet: {
        const items = v.items;
        for (let i = 0; i < items.length; i++) visit(items[i]!);
        return;
      }
      case Kind.Code:
        // childrenOf's fields, without making its array
        visit(v.code);
        visit(v.consts);
        visit(v.names);
        if (v.localsplusnames) visit(v.localsplusnames);
        if (v.localspluskinds) visit(v.localspluskinds);
        visit(v.filename);
        visit(v.name);
        if (v.qualname) visit(v.qualname);
        visit(v.linetable);
        if (v.exceptiontable) visit(v.exceptiontable);
        return;
      case Kind.Dict:
        for (const child of childrenOf(v)) visit(child);
        return;
    }
  };
  for (const child of childrenOf(top)) visit(child);
  for (let i = 0; i < reached.length; i++) reached[i]!.ref = false;
  for (let i = 0; i < again.length; i++) again[i]!.ref = true;
}
