// compile.c label_exception_targets and convert_exception_handlers_to_nops: walking the graph with
// a stack of active handlers (SETUP_* pushes, POP_BLOCK pops), each instruction learns its handler;
// then the SETUP_* and POP_BLOCK pseudo-instructions become NOPs.
import type { BasicBlock } from '../ir.js';
import { Op, SETUP_CLEANUP, SETUP_WITH } from '../ir.js';
import { isBlockPush, isHandlerOp, isJump, isPopBlock, noFallthrough } from './opcode-kinds.js';

/** whether any instruction sets up or pops a handler (most code objects have none) */
function hasHandlerOps(entry: BasicBlock): boolean {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const instrs = b.instrs;
    for (let i = 0; i < instrs.length; i++) if (isHandlerOp(instrs[i]!.opcode)) return true;
  }
  return false;
}

/**
 * Sets i_except on each instruction that has a handler; returns false, having changed nothing,
 * when no instruction sets up or pops one (then no instruction has a handler). `handlerOps`:
 * false when normalize_basic_block found none in any block.
 */
export function labelExceptionTargets(entry: BasicBlock, handlerOps: boolean): boolean {
  if (!handlerOps || !hasHandlerOps(entry)) return false;
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
