// The AST optimizer (Python/ast_opt.c): constant folding between symtable-free parsing and codegen.
export { optimizeAst, type OptimizeOptions } from './ast-optimizer.js';
