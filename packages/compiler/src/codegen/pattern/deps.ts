// TEMPORARY: the lead's expression visitor and compiler_jump_if are not on main yet. Until they
// are, they are plugged in here (tests plug in small stand-ins); then this file goes.
import type { PyValue } from '@tspyc/bytecode';
import type * as N from '../../ast/index.js';
import type { Compiler } from '../compiler.js';
import type { BasicBlock } from '../ir.js';

interface Deps {
  visitExpr(c: Compiler, e: N.expr): void;
  visitStmts(c: Compiler, body: N.stmt[]): void;
  jumpIf(c: Compiler, e: N.expr, next: BasicBlock, cond: boolean): void;
  /** Python == between constants (expr.ts's pyEqual) */
  pyEqual(a: PyValue, b: PyValue): boolean;
}

const missing = (): never => {
  throw new Error('codegen visitors are not wired into pattern matching yet');
};

export const deps: Deps = { visitExpr: missing, visitStmts: missing, jumpIf: missing, pyEqual: missing };

export function visitExpr(c: Compiler, e: N.expr): void {
  deps.visitExpr(c, e);
}
export function visitStmts(c: Compiler, body: N.stmt[]): void {
  deps.visitStmts(c, body);
}
export function jumpIf(c: Compiler, e: N.expr, next: BasicBlock, cond: boolean): void {
  deps.jumpIf(c, e, next, cond);
}
export function pyEqual(a: PyValue, b: PyValue): boolean {
  return deps.pyEqual(a, b);
}
