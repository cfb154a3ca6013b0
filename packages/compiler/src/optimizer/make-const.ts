// ast_opt.c rewrites expression nodes in place (node->kind = Constant_kind, COPY_NODE): the node
// object keeps its identity and, for make_const, its location.
import type { PyValue } from '@tspyc/bytecode';
import { NodeKind, type Constant, type expr } from '../ast/index.js';

type Mutable = Record<string, unknown>;

/**
 * Every own property deleted, the last added first: V8 then steps the object back along its map
 * transitions, where deleting any other property first turns it into a slow dictionary-mode
 * object (which every later pass then reads).
 */
function clearFields(node: Mutable): void {
  const keys = Object.keys(node);
  for (let i = keys.length - 1; i >= 0; i--) delete node[keys[i]!];
}

/** make_const: `node` becomes Constant(value, kind=None) at its own location; null (an operation that raised) changes nothing. */
export function makeConst(node: expr, value: PyValue | null): void {
  if (value === null) return;
  const n = node as unknown as Mutable;
  const { lineno, col_offset, end_lineno, end_col_offset } = node;
  clearFields(n);
  // the fields in the parser's order for a Constant
  const c: Omit<Constant, 'kind'> & { kind: null } = { _type: 'Constant', _kind: NodeKind.Constant, value, kind: null, lineno, col_offset, end_lineno, end_col_offset };
  Object.assign(n, c);
}

/** COPY_NODE(to, from): every field and the location of `from` copied onto `to`. */
export function copyNode(to: expr, from: expr): void {
  const n = to as unknown as Mutable;
  clearFields(n);
  Object.assign(n, from);
}
