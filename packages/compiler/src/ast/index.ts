// AST node types of CPython 3.11's ast module, and ast.dump.
export type * from './generated/nodes311.js';
export { NODE_SPECS, NodeKind, type NodeSpec, type FieldSpec } from './generated/nodes311.js';
export { dump, type DumpOptions } from './dump.js';
