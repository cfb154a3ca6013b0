// compile.c label_exception_targets and convert_exception_handlers_to_nops: walking the graph with
// a stack of active handlers (SETUP_* pushes, POP_BLOCK pops), each instruction learns its handler;
// then the SETUP_* and POP_BLOCK pseudo-instructions become NOPs.
import type { BasicBlock } from '../ir.js';
import { Op, POP_BLOCK, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH } from '../ir.js';
import { isBlockPush, isJump, isPopBlock, noFallthrough } from './opcode-kinds.js';

/** SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH and POP_BLOCK are numbered consecutively */
const FIRST_HANDLER_OP = Math.min(SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK);
const LAST_HANDLER_OP = Math.max(SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK);
if (LAST_HANDLER_OP - FIRST_HANDLER_OP !== 3) throw new Error('SETUP_* and POP_BLOCK must be consecutive');

/** whether any instruction sets up or pops a handler (most code objects have none) */
function hasHandlerOps(entry: BasicBlock): boolean {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const instrs = b.instrs;
    for (let i = 0; i < instrs.length; i++) {
      const op = instrs[i]!.opcode;
      if (op >= FIRST_HANDLER_OP && op <= LAST_HANDLER_OP) return true;
    }
  }
  return false;
}

/**
 * Sets i_except on each instruction that has a handler; returns false, having changed nothing,
 * when no instruction sets up or pops one (then no instruction has a handler).
 */
export function labelExceptionTargets(entry: BasicBlock): boolean {
  if (!hasHandlerOps(entry)) return false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    b.visited = false;
    b.exceptStack = null;
  }
  const todo: BasicBlock[] = [entry];
  entry.visited = true;
  entry.exceptStack = [null];
  while (todo.length > 0) {
    const b = todo.pop()!;
    const stack = b.exceptStack!;
    b.exceptStack = null;
    for (const instr of b.instrs) {
      if (isBlockPush(instr)) {
        const target = instr.target!;
        visit(target, stack, todo);
        if (instr.opcode === SETUP_WITH || instr.opcode === SETUP_CLEANUP) target.preserveLasti = true;
        target.exceptHandler = true;
        stack.push(target);
      } else if (isPopBlock(instr)) {
        if (stack.length <= 1) throw new Error(`POP_BLOCK without a handler in block ${b.id}`);
        stack.pop();
      } else {
        const handler = stack[stack.length - 1]!;
        if (handler !== null) instr.except = handler;
        if (isJump(instr)) visit(instr.target!, stack, todo);
      }
    }
    if (!noFallthrough(b) && b.next !== null) visit(b.next, stack, todo);
  }
  return true;
}

/** a block not seen yet starts with a copy of the handlers active where it is reached */
function visit(target: BasicBlock, stack: readonly (BasicBlock | null)[], todo: BasicBlock[]): void {
  if (target.visited) return;
  target.exceptStack = stack.slice();
  target.visited = true;
  todo.push(target);
}

export function convertExceptionHandlersToNops(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const instr of b.instrs) {
      if (isBlockPush(instr) || isPopBlock(instr)) {
        instr.opcode = Op.NOP;
        instr.target = null;
      }
    }
  }
}
