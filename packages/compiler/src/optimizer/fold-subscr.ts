// fold_subscr: a loaded subscript of a constant by a constant (`"abc"[1]`, `(1, 2)[-1]`) is
// computed; slices are not constants in 3.11, so `"abc"[1:]` stays.
import type { Subscript } from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { makeConst } from './make-const.js';
import { sequenceItem } from './sequence-ops.js';

export function foldSubscr(node: Subscript): void {
  const arg = node.value;
  const idx = node.slice;
  if (node.ctx._kind !== NodeKind.Load || arg._kind !== NodeKind.Constant || idx._kind !== NodeKind.Constant) return;
  makeConst(node, sequenceItem(arg.value, idx.value));
}
