// compile.c clean_basic_block: drop the NOPs that carry no line of their own, so a NOP survives only
// where it is the sole instruction of its line (line-tracing needs it).
import type { BasicBlock } from '../ir.js';
import { Op } from '../ir.js';

export function cleanBasicBlock(bb: BasicBlock): void {
  // compacted in place: `dest` counts the instructions kept so far
  let dest = 0;
  let prevLineno = -1;
  const instrs = bb.instrs;
  for (let src = 0; src < instrs.length; src++) {
    const instr = instrs[src]!;
    const lineno = instr.loc.lineno;
    if (instr.opcode === Op.NOP) {
      // no line number, or the previous instruction's
      if (lineno < 0 || prevLineno === lineno) continue;
      if (src < instrs.length - 1) {
        // the next instruction has the same line number, or none (then it takes this location)
        const next = instrs[src + 1]!;
        if (next.loc.lineno === lineno) continue;
        if (next.loc.lineno < 0) {
          next.loc = instr.loc;
          continue;
        }
      } else {
        // the last instruction, and the next non-empty block starts on the same line
        let next = bb.next;
        while (next !== null && next.instrs.length === 0) next = next.next;
        if (next !== null && next.instrs[0]!.loc.lineno === lineno) continue;
      }
    }
    instrs[dest++] = instr;
    prevLineno = lineno;
  }
  // (setting an array's length is a call into the runtime: only when something was dropped)
  if (dest !== instrs.length) instrs.length = dest;
}
