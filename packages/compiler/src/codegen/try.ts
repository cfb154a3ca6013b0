// try statements: compiler_try_finally, compiler_try_except, compiler_try_star_finally and
// compiler_try_star_except. Handlers are protected regions (SETUP_* … POP_BLOCK) that the
// flow-graph passes turn into exception-table entries.
import { None } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import type { Compiler } from './compiler.js';
import { visitExpr } from './expr.js';
import type { BasicBlock } from './ir.js';
import { JUMP, Op, POP_BLOCK, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, SETUP_CLEANUP, SETUP_FINALLY } from './jumps.js';
import { visitStmts } from './stmt.js';
import { FBlockType } from './unit.js';

/** `name = None; del name`: the handler's target must not outlive it (nor keep the traceback) */
export function clearHandlerName(c: Compiler, name: string): void {
  c.loadConst(None);
  c.nameop(name, 'Store');
  c.nameop(name, 'Del');
}

/** POP_EXCEPT_AND_RERAISE */
export function popExceptAndReraise(c: Compiler): void {
  c.addopI(Op.COPY, 3);
  c.addop(Op.POP_EXCEPT);
  c.addopI(Op.RERAISE, 1);
}

export function compileTry(c: Compiler, s: N.Try): void {
  if (s.finalbody.length) compileTryFinally(c, s, () => (s.handlers.length ? compileTryExcept(c, s) : visitStmts(c, s.body)));
  else compileTryExcept(c, s);
}

export function compileTryStar(c: Compiler, s: N.TryStar): void {
  if (s.finalbody.length) compileTryFinally(c, s, () => (s.handlers.length ? compileTryStarExcept(c, s) : visitStmts(c, s.body)));
  else compileTryStarExcept(c, s);
}

/** compiler_try_finally (and its except* twin): the body, then the finally code twice */
function compileTryFinally(c: Compiler, s: N.Try | N.TryStar, body: () => void): void {
  const bodyBlock = c.newBlock();
  const end = c.newBlock();
  const exit = c.newBlock();
  const cleanup = c.newBlock();
  c.addopJ(SETUP_FINALLY, end);
  c.useNextBlock(bodyBlock);
  c.pushFBlock(FBlockType.FinallyTry, bodyBlock, end, s.finalbody);
  body();
  c.addopNoLine(POP_BLOCK);
  c.popFBlock();
  visitStmts(c, s.finalbody);
  c.addopJNoLine(JUMP, exit);
  // the `finally` block for the exceptional exit
  handlerPrologue(c, end, cleanup);
  c.pushFBlock(FBlockType.FinallyEnd, end, null);
  visitStmts(c, s.finalbody);
  c.popFBlock();
  handlerEpilogue(c, cleanup);
  c.useNextBlock(exit);
}

/** SETUP_FINALLY to `except`, then the body as a TRY_EXCEPT frame block */
function protectedBody(c: Compiler, bodyBlock: BasicBlock, except: BasicBlock, body: readonly N.stmt[]): void {
  c.addopJ(SETUP_FINALLY, except);
  c.useNextBlock(bodyBlock);
  c.pushFBlock(FBlockType.TryExcept, bodyBlock, null);
  visitStmts(c, body);
  c.popFBlock();
  c.addopNoLine(POP_BLOCK);
}

/** the start of the handler code: artificial, protected by `cleanup`, the exception pushed */
function handlerPrologue(c: Compiler, except: BasicBlock, cleanup: BasicBlock): void {
  c.useNextBlock(except);
  c.u.unsetLoc();
  c.addopJ(SETUP_CLEANUP, cleanup);
  c.addop(Op.PUSH_EXC_INFO);
}

/** the end of the handlers: re-raise what no handler took; `cleanup` restores the previous exception */
function handlerEpilogue(c: Compiler, cleanup: BasicBlock): void {
  c.addopI(Op.RERAISE, 0);
  c.useNextBlock(cleanup);
  popExceptAndReraise(c);
}

/** compiler_try_except */
function compileTryExcept(c: Compiler, s: N.Try): void {
  const body = c.newBlock();
  let except = c.newBlock();
  const end = c.newBlock();
  const cleanup = c.newBlock();
  protectedBody(c, body, except, s.body);
  visitStmts(c, s.orelse);
  c.addopJNoLine(JUMP, end);
  const n = s.handlers.length;
  handlerPrologue(c, except, cleanup);
  // the runtime pushes a block here
  c.pushFBlock(FBlockType.ExceptionHandler, null as never, null);
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i]!;
    c.setLoc(handler);
    if (!handler.type && i < n - 1) throw c.error("default 'except:' must be last");
    except = c.newBlock();
    if (handler.type) {
      visitExpr(c, handler.type);
      c.addop(Op.CHECK_EXC_MATCH);
      c.addopJ(POP_JUMP_IF_FALSE, except);
      c.nextBlock();
    }
    if (handler.name) {
      const cleanupEnd = c.newBlock();
      const cleanupBody = c.newBlock();
      c.nameop(handler.name, 'Store');
      // try: body  finally: name = None; del name
      c.addopJ(SETUP_CLEANUP, cleanupEnd);
      c.useNextBlock(cleanupBody);
      c.pushFBlock(FBlockType.HandlerCleanup, cleanupBody, null, handler.name);
      visitStmts(c, handler.body);
      c.popFBlock();
      c.u.unsetLoc();
      c.addop(POP_BLOCK);
      c.addop(POP_BLOCK);
      c.addop(Op.POP_EXCEPT);
      clearHandlerName(c, handler.name);
      c.addopJ(JUMP, end);
      // except:
      c.useNextBlock(cleanupEnd);
      c.u.unsetLoc();
      clearHandlerName(c, handler.name);
      c.addopI(Op.RERAISE, 1);
    } else {
      const cleanupBody = c.newBlock();
      c.addop(Op.POP_TOP); // exc_value
      c.useNextBlock(cleanupBody);
      c.pushFBlock(FBlockType.HandlerCleanup, cleanupBody, null, null);
      visitStmts(c, handler.body);
      c.popFBlock();
      c.u.unsetLoc();
      c.addop(POP_BLOCK);
      c.addop(Op.POP_EXCEPT);
      c.addopJ(JUMP, end);
    }
    c.useNextBlock(except);
  }
  c.u.unsetLoc();
  c.popFBlock();
  handlerEpilogue(c, cleanup);
  c.useNextBlock(end);
}

/** compiler_try_star_except: except* handlers split an exception group step by step */
function compileTryStarExcept(c: Compiler, s: N.TryStar): void {
  const body = c.newBlock();
  let except: BasicBlock = c.newBlock();
  const orelse = c.newBlock();
  const end = c.newBlock();
  const cleanup = c.newBlock();
  const reraiseStar = c.newBlock();
  protectedBody(c, body, except, s.body);
  c.addopJNoLine(JUMP, orelse);
  const n = s.handlers.length;
  handlerPrologue(c, except, cleanup);
  c.pushFBlock(FBlockType.ExceptionGroupHandler, null as never, null, 'except handler');
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i]!;
    c.setLoc(handler);
    except = c.newBlock();
    const exceptWithError = c.newBlock();
    const noMatch = c.newBlock();
    if (i === 0) {
      // [exc] → [orig, [], exc]: the original group and the list of raised exceptions
      c.addopI(Op.COPY, 1);
      c.addopI(Op.BUILD_LIST, 0);
      c.addopI(Op.SWAP, 2);
    }
    if (handler.type) {
      visitExpr(c, handler.type);
      c.addop(Op.CHECK_EG_MATCH);
      c.addopI(Op.COPY, 1);
      c.addopJ(POP_JUMP_IF_NONE, noMatch);
      c.nextBlock();
    }
    const cleanupEnd = c.newBlock();
    const cleanupBody = c.newBlock();
    if (handler.name) c.nameop(handler.name, 'Store');
    else c.addop(Op.POP_TOP); // match
    c.addopJ(SETUP_CLEANUP, cleanupEnd);
    c.useNextBlock(cleanupBody);
    c.pushFBlock(FBlockType.HandlerCleanup, cleanupBody, null, handler.name);
    visitStmts(c, handler.body);
    c.popFBlock();
    c.u.unsetLoc();
    c.addop(POP_BLOCK);
    if (handler.name) {
      clearHandlerName(c, handler.name);
    }
    c.addopJ(JUMP, except);
    // except:
    c.useNextBlock(cleanupEnd);
    c.u.unsetLoc();
    if (handler.name) {
      clearHandlerName(c, handler.name);
    }
    // add the raised exception to the list
    c.addopI(Op.LIST_APPEND, 3);
    c.addop(Op.POP_TOP); // lasti
    c.addopJ(JUMP, exceptWithError);
    c.useNextBlock(except);
    c.addop(Op.NOP); // holds a propagated location
    c.addopJ(JUMP, exceptWithError);
    c.useNextBlock(noMatch);
    c.addop(Op.POP_TOP); // match (None)
    c.useNextBlock(exceptWithError);
    if (i === n - 1) {
      // add exc to the list (if not None it is the unhandled part of the group)
      c.addopI(Op.LIST_APPEND, 1);
      c.addopJ(JUMP, reraiseStar);
    }
  }
  c.u.unsetLoc();
  c.popFBlock();
  const reraise = c.newBlock();
  c.useNextBlock(reraiseStar);
  c.addop(Op.PREP_RERAISE_STAR);
  c.addopI(Op.COPY, 1);
  c.addopJ(POP_JUMP_IF_NOT_NONE, reraise);
  c.nextBlock();
  // nothing to reraise
  c.addop(Op.POP_TOP);
  c.addop(POP_BLOCK);
  c.addop(Op.POP_EXCEPT);
  c.addopJ(JUMP, end);
  c.useNextBlock(reraise);
  c.addop(POP_BLOCK);
  c.addopI(Op.SWAP, 2);
  c.addop(Op.POP_EXCEPT);
  handlerEpilogue(c, cleanup);
  c.useNextBlock(orelse);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}
