// Annotations as strings (PEP 563): Python/ast_unparse.c.
export { exprAsUnicode } from './ast-unparse.js';
