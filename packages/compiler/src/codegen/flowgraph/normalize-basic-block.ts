// compile.c normalize_basic_block: a jump or scope exit may only end a block, and a jump into an
// empty block goes on to the first non-empty one after it.
import type { BasicBlock } from '../ir.js';
import { opName } from '../ir.js';
import { isHandlerOp, isJump, isScopeExitOpcode } from './opcode-kinds.js';

/**
 * Also returns whether the block holds a SETUP_* or POP_BLOCK: where no block does, a jump can only
 * be the last instruction of its block, and the passes that look for jumps and handler setups
 * read only that one (most code objects have no handler).
 */
export function normalizeBasicBlock(bb: BasicBlock): boolean {
  const instrs = bb.instrs;
  let handlerOps = false;
  for (let i = 0; i < instrs.length; i++) {
    const instr = instrs[i]!;
    if (isHandlerOp(instr.opcode)) handlerOps = true;
    const jump = isJump(instr);
    if ((jump || isScopeExitOpcode(instr.opcode)) && i !== instrs.length - 1) {
      throw new Error(`malformed control flow graph: ${opName(instr.opcode)} in the middle of block ${bb.id}`);
    }
    if (jump) instr.target = skipEmptyBlocks(instr.target!);
  }
  return handlerOps;
}

/** the first non-empty block at or after `b` in layout order */
export function skipEmptyBlocks(b: BasicBlock): BasicBlock {
  while (b.instrs.length === 0) {
    if (b.next === null) throw new Error(`malformed control flow graph: jump to the empty last block ${b.id}`);
    b = b.next;
  }
  return b;
}
