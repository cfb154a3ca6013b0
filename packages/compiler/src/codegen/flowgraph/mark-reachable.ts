// compile.c mark_reachable: counts each block's predecessors (fall-through, jumps, exception
// handler setups) over the blocks reachable from the entry; unreachable blocks keep 0.
import type { BasicBlock } from '../ir.js';
import { isBlockPush, isJump, noFallthrough } from './opcode-kinds.js';

export function markReachable(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.predecessors = 0;
  entry.predecessors = 1;
  const stack: BasicBlock[] = [entry];
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (b.next !== null && !noFallthrough(b)) {
      if (b.next.predecessors === 0) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const instr of b.instrs) {
      if (isJump(instr) || isBlockPush(instr)) {
        const target = instr.target!;
        if (target.predecessors === 0) stack.push(target);
        target.predecessors++;
      }
    }
  }
}
