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
 * second slot), or interned. One walk: an object's children are visited when it is first reached.
 */
export function assignRefFlags(top: CodeObject, held: ReadonlySet<object>): void {
  const seen = new Set<PyValue>();
  const visit = (v: PyValue): void => {
    switch (v.kind) {
      case Kind.None:
      case Kind.Bool:
      case Kind.Ellipsis:
      case Kind.StopIteration:
        return;
    }
    if (seen.has(v)) {
      v.ref = true;
      return;
    }
    seen.add(v);
    v.ref = held.has(v) || (v.kind === Kind.Str && v.interned);
    switch (v.kind) {
      case Kind.Tuple:
      case Kind.List:
      case Kind.Set:
      case Kind.FrozenSet:
        for (const item of v.items) visit(item);
        return;
      case Kind.Dict:
      case Kind.Code:
        for (const child of childrenOf(v)) visit(child);
        return;
    }
  };
  top.ref = held.has(top);
  seen.add(top);
  for (const child of childrenOf(top)) visit(child);
}
