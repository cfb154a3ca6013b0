// compile.c propagate_line_numbers: an instruction without a location takes the one before it in
// its block; the first instruction of a block with a single predecessor takes the predecessor's.
import type { BasicBlock, Location } from '../ir.js';
import { UNSET_LOCATION } from './location.js';
import { isJump, noFallthrough } from './opcode-kinds.js';

export function propagateLineNumbers(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.instrs.length === 0) continue;
    let prev: Location = UNSET_LOCATION;
    for (const instr of b.instrs) {
      if (instr.loc.lineno < 0) instr.loc = prev;
      else prev = instr.loc;
    }
    if (!noFallthrough(b) && b.next !== null && b.next.predecessors === 1) {
      const first = b.next.instrs[0]!;
      if (first.loc.lineno < 0) first.loc = prev;
    }
    const last = b.last!;
    if (isJump(last)) {
      const target = last.target!;
      if (target.predecessors === 1 && target.instrs[0]!.loc.lineno < 0) target.instrs[0]!.loc = prev;
    }
  }
}
