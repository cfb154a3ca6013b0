// compile.c jump_thread: a jump to a jump goes straight to the second jump's target, when both are
// on the same line (line events must not change) and that actually changes something.
import type { Instr } from '../ir.js';

export function jumpThread(inst: Instr, target: Instr, opcode: number): boolean {
  if (inst.loc.lineno === target.loc.lineno && inst.target !== target.target) {
    inst.target = target.target;
    inst.opcode = opcode;
    return true;
  }
  return false;
}
