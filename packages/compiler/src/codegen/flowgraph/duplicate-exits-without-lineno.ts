// compile.c duplicate_exits_without_lineno (PEP 626): an exit block without line numbers reached by
// more than one jump is copied so each jump has its own, which then takes the jump's location; an
// exit reached by falling through takes the location of the instruction before it.
import { BasicBlock, copyInstr } from '../ir.js';
import { isJump, noFallthrough, exitsScope } from './opcode-kinds.js';

function isExitWithoutLineno(b: BasicBlock): boolean {
  return exitsScope(b) && b.instrs.every((i) => i.loc.lineno < 0);
}

/** compiler_copy_block */
function copyBlock(block: BasicBlock, allocated: BasicBlock[]): BasicBlock {
  const result = new BasicBlock();
  result.instrs = block.instrs.map(copyInstr);
  allocated.push(result);
  return result;
}

/** `allocated`: the blocks in allocation order (u_blocks reversed); copies are added to it */
export function duplicateExitsWithoutLineno(entry: BasicBlock, allocated: BasicBlock[]): void {
  // u_blocks order: the most recently allocated block first (not the copies this loop adds)
  for (let i = allocated.length - 1; i >= 0; i--) {
    const b = allocated[i]!;
    const last = b.last;
    if (last === undefined || !isJump(last)) continue;
    const target = last.target!;
    if (isExitWithoutLineno(target) && target.predecessors > 1) {
      const newTarget = copyBlock(target, allocated);
      newTarget.instrs[0]!.loc = last.loc;
      last.target = newTarget;
      target.predecessors--;
      newTarget.predecessors = 1;
      newTarget.next = target.next;
      target.next = newTarget;
    }
  }
  // eliminate empty blocks
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    while (b.next !== null && b.next.instrs.length === 0) b.next = b.next.next;
  }
  // any remaining exit without line number is reached by falling through, from a single predecessor
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (!noFallthrough(b) && b.next !== null && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      b.next.instrs[0]!.loc = b.last!.loc;
    }
  }
}
