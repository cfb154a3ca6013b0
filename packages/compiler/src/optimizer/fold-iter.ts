// fold_iter and fold_compare: where only iteration matters (the right operand of a final in /
// not in, a for loop's or a comprehension's iterable) a list display becomes a tuple (a constant
// one if it can) and a set display of constants a constant frozenset.
import { NodeKind, type Compare, type expr } from '../ast/index.js';
import { makeFrozenSet } from './frozenset.js';
import { makeConst } from './make-const.js';
import { makeConstTuple } from './fold-tuple.js';

export function foldIter(arg: expr): void {
  if (arg._kind === NodeKind.List) {
    if (arg.elts.some((e) => e._kind === NodeKind.Starred)) return;
    const n = arg as unknown as { _type: string; _kind: NodeKind };
    n._type = 'Tuple'; // same fields: elts, ctx
    n._kind = NodeKind.Tuple;
    makeConst(arg, makeConstTuple(arg.elts));
  } else if (arg._kind === NodeKind.Set) {
    const tuple = makeConstTuple(arg.elts);
    makeConst(arg, tuple && makeFrozenSet(tuple.items));
  }
}

export function foldCompare(node: Compare): void {
  // only the last comparison: `a in [1] in [2]` leaves the first list alone
  const i = node.ops.length - 1;
  const op = node.ops[i]!._type;
  if (op === 'In' || op === 'NotIn') foldIter(node.comparators[i]!);
}
