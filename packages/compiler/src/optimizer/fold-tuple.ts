// make_const_tuple and fold_tuple: a loaded tuple display of constants becomes a constant tuple.
import { PyTuple } from '@tspyc/bytecode';
import type { Tuple, expr } from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { makeConst } from './make-const.js';

/** the constant tuple of `elts`, or null when one of them is not a Constant */
export function makeConstTuple(elts: readonly expr[]): PyTuple | null {
  const items = [];
  for (const e of elts) {
    if (e._kind !== NodeKind.Constant) return null;
    items.push(e.value);
  }
  return new PyTuple(items);
}

export function foldTuple(node: Tuple): void {
  if (node.ctx._kind !== NodeKind.Load) return;
  makeConst(node, makeConstTuple(node.elts));
}
