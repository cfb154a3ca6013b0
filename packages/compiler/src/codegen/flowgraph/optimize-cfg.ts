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

/** `allocated`: every block in allocation order (u_blocks reversed) */
export function optimizeCfg(unit: CfgUnit, entry: BasicBlock, allocated: readonly BasicBlock[]): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    optimizeBasicBlock(unit, b);
    cleanBasicBlock(b);
  }
  // u_blocks order: the most recently allocated block first
  for (let i = allocated.length - 1; i >= 0; i--) extendBlock(allocated[i]!);
  markReachable(entry);
  // delete unreachable instructions (emptying the array in place: a new `[]` would be an array
  // of another elements kind, and every later pass would see two)
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.predecessors === 0 && b.instrs.length > 0) b.instrs.length = 0;
  }
  eliminateEmptyBasicBlocks(entry);
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) cleanBasicBlock(b);
  removeRedundantJumps(entry);
}

/** a jump to the block that follows anyway becomes a NOP (keeping its line) */
function removeRedundantJumps(entry: BasicBlock): void {
  let maybeEmptyBlocks = false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const last: Instr | undefined = b.last;
    if (last !== undefined && (last.opcode === JUMP || last.opcode === JUMP_NO_INTERRUPT) && last.target === b.next) {
      last.opcode = Op.NOP;
      last.target = null;
      maybeEmptyBlocks = true;
    }
  }
  if (maybeEmptyBlocks) eliminateEmptyBasicBlocks(entry);
}
