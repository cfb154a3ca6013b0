// Loops: compiler_for, compiler_async_for, compiler_while, compiler_break, compiler_continue.
import { None } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import type { Compiler } from './compiler.js';
import { addYieldFrom, visitExpr } from './expr.js';
import { unwindFBlock, unwindFBlockStack } from './fblock.js';
import { jumpIf } from './jump-if.js';
import { JUMP, Op, POP_BLOCK, SETUP_FINALLY } from './jumps.js';
import { visitStmts } from './stmt.js';
import { FBlockType, ScopeType } from './unit.js';

export function compileFor(c: Compiler, s: N.For): void {
  const start = c.newBlock();
  const body = c.newBlock();
  const cleanup = c.newBlock();
  const end = c.newBlock();
  c.pushFBlock(FBlockType.ForLoop, start, end);
  visitExpr(c, s.iter);
  c.addop(Op.GET_ITER);
  c.useNextBlock(start);
  c.addopJ(Op.FOR_ITER, cleanup);
  c.useNextBlock(body);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  c.u.unsetLoc(); // the jump back is artificial
  c.addopJ(JUMP, start);
  c.useNextBlock(cleanup);
  c.popFBlock();
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

export function compileAsyncFor(c: Compiler, s: N.AsyncFor): void {
  if (c.u.scopeType !== ScopeType.AsyncFunction) throw c.error("'async for' outside async function");
  const start = c.newBlock();
  const except = c.newBlock();
  const end = c.newBlock();
  visitExpr(c, s.iter);
  c.addop(Op.GET_AITER);
  c.useNextBlock(start);
  c.pushFBlock(FBlockType.ForLoop, start, end);
  // SETUP_FINALLY guards the __anext__ call
  c.addopJ(SETUP_FINALLY, except);
  c.addop(Op.GET_ANEXT);
  c.loadConst(None);
  addYieldFrom(c, true);
  c.addop(POP_BLOCK);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  c.u.unsetLoc();
  c.addopJ(JUMP, start);
  c.popFBlock();
  c.useNextBlock(except);
  // END_ASYNC_FOR follows the `for`, so it takes the iterator's line
  c.setLoc(s.iter);
  c.addop(Op.END_ASYNC_FOR);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

/** compiler_while: the test is compiled twice, at the top and (inverted) at the bottom */
export function compileWhile(c: Compiler, s: N.While): void {
  const loop = c.newBlock();
  const body = c.newBlock();
  const anchor = c.newBlock();
  const end = c.newBlock();
  c.useNextBlock(loop);
  c.pushFBlock(FBlockType.WhileLoop, loop, end);
  jumpIf(c, s.test, anchor, false);
  c.useNextBlock(body);
  visitStmts(c, s.body);
  c.setLoc(s);
  jumpIf(c, s.test, body, true);
  c.popFBlock();
  c.useNextBlock(anchor);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

export function compileBreak(c: Compiler): void {
  const origin = c.saveLoc(); // the error is the statement's, not the location unwinding left
  c.addop(Op.NOP); // an instruction with the statement's line
  const loop = unwindFBlockStack(c, false, true);
  if (loop === null) {
    c.restoreLoc(origin);
    throw c.error("'break' outside loop");
  }
  unwindFBlock(c, loop, false);
  c.addopJ(JUMP, loop.exit!);
  c.nextBlock();
}

export function compileContinue(c: Compiler): void {
  const origin = c.saveLoc();
  c.addop(Op.NOP);
  const loop = unwindFBlockStack(c, false, true);
  if (loop === null) {
    c.restoreLoc(origin);
    throw c.error("'continue' not properly in loop");
  }
  c.addopJ(JUMP, loop.block);
  c.nextBlock();
}
