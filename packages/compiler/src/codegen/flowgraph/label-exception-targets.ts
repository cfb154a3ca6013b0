// compile.c label_exception_targets and convert_exception_handlers_to_nops: walking the graph with
// a stack of active handlers (SETUP_* pushes, POP_BLOCK pops), each instruction learns its handler;
// then the SETUP_* and POP_BLOCK pseudo-instructions become NOPs.
import type { BasicBlock } from '../ir.js';
import { Op, SETUP_CLEANUP, SETUP_WITH } from '../ir.js';
import { isBlockPush, isJump, isPopBlock, noFallthrough } from './opcode-kinds.js';

/** sets i_except on each instruction that has a handler */
export function labelExceptionTargets(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.visited = false;
  const stacks = new Map<BasicBlock, (BasicBlock | null)[]>();
  const todo: BasicBlock[] = [entry];
  entry.visited = true;
  stacks.set(entry, [null]);
  const visit = (target: BasicBlock, stack: (BasicBlock | null)[]) => {
    if (target.visited) return;
    stacks.set(target, [...stack]);
    target.visited = true;
    todo.push(target);
  };
  while (todo.length > 0) {
    const b = todo.pop()!;
    const stack = stacks.get(b)!;
    stacks.delete(b);
    for (const instr of b.instrs) {
      if (isBlockPush(instr)) {
        const target = instr.target!;
        visit(target, stack);
        if (instr.opcode === SETUP_WITH || instr.opcode === SETUP_CLEANUP) target.preserveLasti = true;
        target.exceptHandler = true;
        stack.push(target);
      } else if (isPopBlock(instr)) {
        if (stack.length <= 1) throw new Error(`POP_BLOCK without a handler in block ${b.id}`);
        stack.pop();
      } else {
        const handler = stack[stack.length - 1]!;
        if (handler !== null) instr.except = handler;
        if (isJump(instr)) visit(instr.target!, stack);
      }
    }
    if (!noFallthrough(b) && b.next !== null) visit(b.next, stack);
  }
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
