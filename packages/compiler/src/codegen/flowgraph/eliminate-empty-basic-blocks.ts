// compile.c eliminate_empty_basic_blocks: empty blocks leave the layout chain and no jump or
// handler setup points at one.
import type { BasicBlock } from '../ir.js';
import { skipEmptyBlocks } from './normalize-basic-block.js';
import { isBlockPush, isJump } from './opcode-kinds.js';

/** `handlerOps`: false when no block holds a SETUP_* (then only a block's last instruction can jump) */
export function eliminateEmptyBasicBlocks(entry: BasicBlock, handlerOps: boolean): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    let next: BasicBlock | null = b.next;
    if (next !== null) {
      while (next.instrs.length === 0 && next.next !== null) next = next.next;
      b.next = next;
    }
  }
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const instrs = b.instrs;
    for (let i = handlerOps ? 0 : Math.max(0, instrs.length - 1); i < instrs.length; i++) {
      const instr = instrs[i]!;
      if (isJump(instr) || isBlockPush(instr)) instr.target = skipEmptyBlocks(instr.target!);
    }
  }
}
