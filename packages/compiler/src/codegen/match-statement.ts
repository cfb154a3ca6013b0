// match statements: the pattern compiler lives in codegen/pattern/ (being written).
import type * as N from '../ast/index.js';
import type { Compiler } from './compiler.js';

export function compileMatchStatement(c: Compiler, _s: N.Match): void {
  throw c.error('tspyc cannot compile match statements yet');
}
