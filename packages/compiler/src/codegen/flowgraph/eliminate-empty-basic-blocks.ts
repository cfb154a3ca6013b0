// compile.c eliminate_empty_basic_blocks: empty blocks leave the layout chain and no jump or
// handler setup points at one.
import type { BasicBlock } from '../ir.js';
import { skipEmptyBlocks } from './normalize-basic-block.js';
import { isBlockPush, isJump } from './opcode-kinds.js';

export function eliminateEmptyBasicBlocks(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    let next: BasicBlock | null = b.next;
    if (next !== null) {
      while (next.instrs.length === 0 && next.next !== null) next = next.next;
      b.next = next;
    }
  }
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const instr of b.instrs) {
      if (isJump(instr) || isBlockPush(instr)) instr.target = skipEmptyBlocks(instr.target!);
    }
  }
}
