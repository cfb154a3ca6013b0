// Unwinding frame blocks for break / continue / return (compiler_unwind_fblock,
// compiler_unwind_fblock_stack): each enclosing with, try/finally, handler or loop gets its
// cleanup code emitted inline before the jump.
import { None } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import type { Compiler } from './compiler.js';
import { addYieldFrom } from './expr.js';
import { Op, POP_BLOCK } from './jumps.js';
import { visitStmts } from './stmt.js';
import { clearHandlerName } from './try.js';
import { FBlockType, type FBlock } from './unit.js';

/** compiler_call_exit_with_nones: __exit__(None, None, None) */
export function callExitWithNones(c: Compiler): void {
  c.loadConst(None);
  c.loadConst(None);
  c.loadConst(None);
  c.addopI(Op.PRECALL, 2);
  c.addopI(Op.CALL, 2);
}

/** compiler_unwind_fblock */
export function unwindFBlock(c: Compiler, info: FBlock, preserveTos: boolean): void {
  switch (info.type) {
    case FBlockType.WhileLoop:
    case FBlockType.ExceptionHandler:
    case FBlockType.ExceptionGroupHandler:
    case FBlockType.AsyncComprehensionGenerator:
      return;
    case FBlockType.ForLoop:
      // pop the iterator
      if (preserveTos) c.addopI(Op.SWAP, 2);
      c.addop(Op.POP_TOP);
      return;
    case FBlockType.TryExcept:
      c.addop(POP_BLOCK);
      return;
    case FBlockType.FinallyTry:
      // this POP_BLOCK gets the line number of the unwinding statement
      c.addop(POP_BLOCK);
      if (preserveTos) c.pushFBlock(FBlockType.PopValue, null as never, null);
      visitStmts(c, info.datum as N.stmt[]);
      if (preserveTos) c.popFBlock();
      // the finally body appears to run after the unwinding statement
      c.u.unsetLoc();
      return;
    case FBlockType.FinallyEnd:
      if (preserveTos) c.addopI(Op.SWAP, 2);
      c.addop(Op.POP_TOP); // exc_value
      if (preserveTos) c.addopI(Op.SWAP, 2);
      c.addop(POP_BLOCK);
      c.addop(Op.POP_EXCEPT);
      return;
    case FBlockType.With:
    case FBlockType.AsyncWith:
      c.setLoc(info.datum as N.With);
      c.addop(POP_BLOCK);
      if (preserveTos) c.addopI(Op.SWAP, 2);
      callExitWithNones(c);
      if (info.type === FBlockType.AsyncWith) {
        c.addopI(Op.GET_AWAITABLE, 2);
        c.loadConst(None);
        addYieldFrom(c, true);
      }
      c.addop(Op.POP_TOP);
      c.u.unsetLoc();
      return;
    case FBlockType.HandlerCleanup: {
      const name = info.datum as string | null;
      if (name) c.addop(POP_BLOCK);
      if (preserveTos) c.addopI(Op.SWAP, 2);
      c.addop(POP_BLOCK);
      c.addop(Op.POP_EXCEPT);
      if (name) clearHandlerName(c, name);
      return;
    }
    case FBlockType.PopValue:
      if (preserveTos) c.addopI(Op.SWAP, 2);
      c.addop(Op.POP_TOP);
      return;
  }
}

/**
 * compiler_unwind_fblock_stack: unwind every frame block (for return), or up to the innermost
 * loop (for break / continue, which get that loop back; null if there is none)
 */
export function unwindFBlockStack(c: Compiler, preserveTos: boolean, toLoop: boolean): FBlock | null {
  const stack = c.u.fblocks;
  if (stack.length === 0) return null;
  const top = stack[stack.length - 1]!;
  if (top.type === FBlockType.ExceptionGroupHandler) {
    throw c.error("'break', 'continue' and 'return' cannot appear in an except* block");
  }
  if (toLoop && (top.type === FBlockType.WhileLoop || top.type === FBlockType.ForLoop)) return top;
  stack.pop();
  unwindFBlock(c, top, preserveTos);
  const loop = unwindFBlockStack(c, preserveTos, toLoop);
  stack.push(top);
  return loop;
}
