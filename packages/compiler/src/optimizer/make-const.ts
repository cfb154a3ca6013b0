// ast_opt.c rewrites expression nodes in place (node->kind = Constant_kind, COPY_NODE): the node
// object keeps its identity and, for make_const, its location.
import type { PyValue } from '@tspyc/bytecode';
import type { Constant, expr } from '../ast/index.js';

const LOCATION: readonly string[] = ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'];

type Mutable = Record<string, unknown>;

function clearFields(node: Mutable, keep: readonly string[]): void {
  for (const key of Object.keys(node)) if (!keep.includes(key)) delete node[key];
}

/** make_const: `node` becomes Constant(value, kind=None) at its own location; null (an operation that raised) changes nothing. */
export function makeConst(node: expr, value: PyValue | null): void {
  if (value === null) return;
  const n = node as unknown as Mutable;
  clearFields(n, LOCATION);
  Object.assign(n, { _type: 'Constant', value, kind: null } satisfies Pick<Constant, '_type' | 'value' | 'kind'>);
}

/** COPY_NODE(to, from): every field and the location of `from` copied onto `to`. */
export function copyNode(to: expr, from: expr): void {
  const n = to as unknown as Mutable;
  clearFields(n, []);
  Object.assign(n, from);
}
