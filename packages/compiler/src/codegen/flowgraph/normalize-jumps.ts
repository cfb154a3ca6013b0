// compile.c normalize_jumps: with the layout final, each direction-free jump becomes its forward or
// backward form (a jump to its own block or an earlier one is backward).
import type { BasicBlock } from '../ir.js';
import { JUMP, JUMP_NO_INTERRUPT, Op, opName, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE } from '../ir.js';
import { isJump } from './opcode-kinds.js';

/** by pseudo-opcode (less 256): its forward form, then its backward form; 0 where none */
const FORMS = new Int32Array(2 * 16);
function setForms(pseudo: number, forward: number, backward: number): void {
  FORMS[2 * (pseudo - 256)] = forward;
  FORMS[2 * (pseudo - 256) + 1] = backward;
}
setForms(JUMP, Op.JUMP_FORWARD, Op.JUMP_BACKWARD);
setForms(JUMP_NO_INTERRUPT, Op.JUMP_FORWARD, Op.JUMP_BACKWARD_NO_INTERRUPT);
setForms(POP_JUMP_IF_NOT_NONE, Op.POP_JUMP_FORWARD_IF_NOT_NONE, Op.POP_JUMP_BACKWARD_IF_NOT_NONE);
setForms(POP_JUMP_IF_NONE, Op.POP_JUMP_FORWARD_IF_NONE, Op.POP_JUMP_BACKWARD_IF_NONE);
setForms(POP_JUMP_IF_FALSE, Op.POP_JUMP_FORWARD_IF_FALSE, Op.POP_JUMP_BACKWARD_IF_FALSE);
setForms(POP_JUMP_IF_TRUE, Op.POP_JUMP_FORWARD_IF_TRUE, Op.POP_JUMP_BACKWARD_IF_TRUE);

export function normalizeJumps(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.visited = false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    b.visited = true;
    const last = b.last;
    if (last === undefined || !isJump(last)) continue;
    const isForward = !last.target!.visited;
    const op = last.opcode;
    const slot = 2 * (op - 256);
    if (op >= 256 && slot < FORMS.length && FORMS[slot] !== 0) last.opcode = FORMS[slot + (isForward ? 0 : 1)]!;
    else if (!isForward && (last.opcode === Op.JUMP_IF_TRUE_OR_POP || last.opcode === Op.JUMP_IF_FALSE_OR_POP)) {
      throw new Error(`unexpected ${opName(last.opcode)} jumping backwards`);
    }
  }
}
