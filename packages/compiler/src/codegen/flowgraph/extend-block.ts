// compile.c extend_block: a block ending in an unconditional jump to a small exit block without
// line numbers (an implicit `return None`) gets its own copy of that block instead of the jump.
import type { BasicBlock } from '../ir.js';
import { copyInstr, JUMP, Op } from '../ir.js';
import { exitsScope } from './opcode-kinds.js';

/** MAX_COPY_SIZE */
export const MAX_COPY_SIZE = 4;

/** basicblock_has_lineno */
export function basicblockHasLineno(b: BasicBlock): boolean {
  return b.instrs.some((i) => i.loc.lineno > 0);
}

export function extendBlock(bb: BasicBlock): void {
  const last = bb.last;
  if (last === undefined) return;
  if (last.opcode !== JUMP && last.opcode !== Op.JUMP_FORWARD && last.opcode !== Op.JUMP_BACKWARD) return;
  const toCopy = last.target!;
  if (!exitsScope(toCopy) || toCopy.instrs.length > MAX_COPY_SIZE) return;
  // copy only blocks without line number (like implicit 'return None's)
  if (basicblockHasLineno(toCopy)) return;
  last.opcode = Op.NOP;
  last.target = null;
  for (const i of toCopy.instrs) bb.instrs.push(copyInstr(i));
}
