// Which objects marshal writes with FLAG_REF: w_ref() flags an object when its reference count is
// above 1 at write time or (3.11+) when it is an interned str. With identity settled, the count is
// the number of slots in the tree that point at the object, plus one for objects something outside
// the tree also holds (process singletons, the filename the caller passed, the cached co_code,
// the top-level code object py_compile holds).
import type { CodeObject } from '../../code-object.js';
import { Kind, type PyValue } from '../../values.js';

/** Slots pointing at each object, counting each container once however often it is reached. */
export function countReferences(top: CodeObject): Map<PyValue, number> {
  const counts = new Map<PyValue, number>();
  // an object's children are visited when it is first counted
  const visit = (v: PyValue): void => {
    const n = counts.get(v);
    if (n !== undefined) {
      counts.set(v, n + 1);
      return;
    }
    counts.set(v, 1);
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
  // the top is not counted: its flag comes from `held` alone
  counts.set(top, 0);
  for (const child of childrenOf(top)) visit(child);
  counts.delete(top);
  return counts;
}

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

/** Set `ref` on every object of the tree: held from outside, shared inside, or interned. */
export function assignRefFlags(top: CodeObject, held: ReadonlySet<object>): void {
  const counts = countReferences(top);
  top.ref = held.has(top);
  for (const [v, n] of counts) {
    if (v.kind === Kind.None || v.kind === Kind.Bool || v.kind === Kind.Ellipsis || v.kind === Kind.StopIteration) continue;
    v.ref = n > 1 || held.has(v) || (v.kind === Kind.Str && v.interned);
  }
}
