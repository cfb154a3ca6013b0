// compile.c optimize_cfg: peephole each block, inline small exits again, drop unreachable blocks,
// empty blocks and jumps to the next block.
import type { BasicBlock, Instr } from '../ir.js';
import { JUMP, JUMP_NO_INTERRUPT, Op } from '../ir.js';
import { cleanBasicBlock } from './clean-basic-block.js';
import { eliminateEmptyBasicBlocks } from './eliminate-empty-basic-blocks.js';
import { extendBlock } from './extend-block.js';
import type { CfgUnit } from './input.js';
import { markReachable } from './mark-reachable.js';
import { optimizeBasicBlock } from './optimize-basic-block.js';

/**
 * `allocated`: every block in allocation order (u_blocks reversed); `handlerOps`: false when no
 * block holds a SETUP_* or POP_BLOCK
 */
export function optimizeCfg(unit: CfgUnit, entry: BasicBlock, allocated: readonly BasicBlock[], handlerOps: boolean): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    optimizeBasicBlock(unit, b);
    cleanBasicBlock(b);
  }
  // u_blocks order: the most recently allocated block first
  for (let i = allocated.length - 1; i >= 0; i--) extendBlock(allocated[i]!);
  markReachable(entry, handlerOps);
  // delete unreachable instructions (emptying the array in place: a new `[]` would be an array
  // of another elements kind, and every later pass would see two)
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.predecessors === 0 && b.instrs.length > 0) b.instrs.length = 0;
  }
  eliminateEmptyBasicBlocks(entry, handlerOps);
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) cleanBasicBlock(b);
  removeRedundantJumps(entry, handlerOps);
}

/** a jump to the block that follows anyway becomes a NOP (keeping its line) */
function removeRedundantJumps(entry: BasicBlock, handlerOps: boolean): void {
  let maybeEmptyBlocks = false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const last: Instr | undefined = b.last;
    if (last !== undefined && (last.opcode === JUMP || last.opcode === JUMP_NO_INTERRUPT) && last.target === b.next) {
      last.opcode = Op.NOP;
      last.target = null;
      maybeEmptyBlocks = true;
    }
  }
  if (maybeEmptyBlocks) eliminateEmptyBasicBlocks(entry, handlerOps);
}
