// The AST optimizer (Python/ast_opt.c): constant folding between parsing and the symbol table.
export { optimizeAst, type OptimizeOptions } from './ast-optimizer.js';
