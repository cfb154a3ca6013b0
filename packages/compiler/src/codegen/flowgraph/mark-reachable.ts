// compile.c mark_reachable: counts each block's predecessors (fall-through, jumps, exception
// handler setups) over the blocks reachable from the entry; unreachable blocks keep 0.
import type { BasicBlock } from '../ir.js';
import { isBlockPush, isJump, noFallthrough } from './opcode-kinds.js';

/** `handlerOps`: false when no block holds a SETUP_* (then only a block's last instruction can jump) */
export function markReachable(entry: BasicBlock, handlerOps: boolean): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.predecessors = 0;
  entry.predecessors = 1;
  const stack: BasicBlock[] = [entry];
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (b.next !== null && !noFallthrough(b)) {
      if (b.next.predecessors === 0) stack.push(b.next);
      b.next.predecessors++;
    }
    const instrs = b.instrs;
    for (let i = handlerOps ? 0 : Math.max(0, instrs.length - 1); i < instrs.length; i++) {
      const instr = instrs[i]!;
      if (isJump(instr) || isBlockPush(instr)) {
        const target = instr.target!;
        if (target.predecessors === 0) stack.push(target);
        target.predecessors++;
      }
    }
  }
}
