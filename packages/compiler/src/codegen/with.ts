// with / async with: compiler_with, compiler_async_with, compiler_with_except_finish.
import { None } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import type { Compiler } from './compiler.js';
import { addYieldFrom, visitExpr } from './expr.js';
import { callExitWithNones } from './fblock.js';
import type { BasicBlock } from './ir.js';
import { JUMP, Op, POP_BLOCK, POP_JUMP_IF_TRUE, SETUP_CLEANUP, SETUP_WITH } from './jumps.js';
import { visitStmts } from './stmt.js';
import { popExceptAndReraise } from './try.js';
import { FBlockType, ScopeType } from './unit.js';

/** BEFORE_WITH / BEFORE_ASYNC_WITH done: the protected body, binding or dropping __enter__'s result */
function withBody(c: Compiler, s: N.With | N.AsyncWith, pos: number, block: BasicBlock, final: BasicBlock, type: FBlockType, rest: () => void): void {
  const item = s.items[pos]!;
  c.addopJ(SETUP_WITH, final);
  c.useNextBlock(block);
  c.pushFBlock(type, block, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else c.addop(Op.POP_TOP); // the result of __enter__()
  if (pos + 1 === s.items.length) visitStmts(c, s.body);
  else rest();
}

/** the exceptional exit: WITH_EXCEPT_START calls __exit__ with the exception (awaited if async) */
function withExceptional(c: Compiler, final: BasicBlock, cleanup: BasicBlock, isAsync: boolean): void {
  c.useNextBlock(final);
  c.addopJ(SETUP_CLEANUP, cleanup);
  c.addop(Op.PUSH_EXC_INFO);
  c.addop(Op.WITH_EXCEPT_START);
  if (isAsync) {
    c.addopI(Op.GET_AWAITABLE, 2);
    c.loadConst(None);
    addYieldFrom(c, true);
  }
  withExceptFinish(c, cleanup);
}

/** compiler_with_except_finish: __exit__'s answer decides between swallowing and re-raising */
function withExceptFinish(c: Compiler, cleanup: BasicBlock): void {
  c.u.unsetLoc();
  const exit = c.newBlock();
  c.addopJ(POP_JUMP_IF_TRUE, exit);
  c.nextBlock();
  c.addopI(Op.RERAISE, 2);
  c.useNextBlock(cleanup);
  popExceptAndReraise(c);
  c.useNextBlock(exit);
  c.addop(Op.POP_TOP); // exc_value
  c.addop(POP_BLOCK);
  c.addop(Op.POP_EXCEPT);
  c.addop(Op.POP_TOP);
  c.addop(Op.POP_TOP);
}

export function compileWith(c: Compiler, s: N.With, pos: number): void {
  const item = s.items[pos]!;
  const block = c.newBlock();
  const final = c.newBlock();
  const exit = c.newBlock();
  const cleanup = c.newBlock();
  visitExpr(c, item.context_expr);
  c.addop(Op.BEFORE_WITH); // pushes the bound __exit__
  withBody(c, s, pos, block, final, FBlockType.With, () => compileWith(c, s, pos + 1));
  c.u.unsetLoc();
  c.addop(POP_BLOCK);
  c.popFBlock();
  // success: __exit__(None, None, None)
  c.setLoc(s);
  callExitWithNones(c);
  c.addop(Op.POP_TOP);
  c.addopJ(JUMP, exit);
  withExceptional(c, final, cleanup, false);
  c.useNextBlock(exit);
}

export function compileAsyncWith(c: Compiler, s: N.AsyncWith, pos: number): void {
  const item = s.items[pos]!;
  if (c.u.scopeType !== ScopeType.AsyncFunction) throw c.error("'async with' outside async function");
  const block = c.newBlock();
  const final = c.newBlock();
  const exit = c.newBlock();
  const cleanup = c.newBlock();
  visitExpr(c, item.context_expr);
  c.addop(Op.BEFORE_ASYNC_WITH);
  c.addopI(Op.GET_AWAITABLE, 1);
  c.loadConst(None);
  addYieldFrom(c, true);
  withBody(c, s, pos, block, final, FBlockType.AsyncWith, () => compileAsyncWith(c, s, pos + 1));
  c.popFBlock();
  c.addop(POP_BLOCK);
  c.setLoc(s);
  callExitWithNones(c);
  c.addopI(Op.GET_AWAITABLE, 2);
  c.loadConst(None);
  addYieldFrom(c, true);
  c.addop(Op.POP_TOP);
  c.addopJ(JUMP, exit);
  withExceptional(c, final, cleanup, true);
  c.useNextBlock(exit);
}
