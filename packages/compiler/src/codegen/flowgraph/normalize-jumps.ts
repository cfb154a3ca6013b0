// compile.c normalize_jumps: with the layout final, each direction-free jump becomes its forward or
// backward form (a jump to its own block or an earlier one is backward).
import type { BasicBlock } from '../ir.js';
import { JUMP, JUMP_NO_INTERRUPT, Op, opName, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE } from '../ir.js';
import { isJump } from './opcode-kinds.js';

const FORMS: ReadonlyMap<number, readonly [forward: number, backward: number]> = new Map([
  [JUMP, [Op.JUMP_FORWARD, Op.JUMP_BACKWARD]],
  [JUMP_NO_INTERRUPT, [Op.JUMP_FORWARD, Op.JUMP_BACKWARD_NO_INTERRUPT]],
  [POP_JUMP_IF_NOT_NONE, [Op.POP_JUMP_FORWARD_IF_NOT_NONE, Op.POP_JUMP_BACKWARD_IF_NOT_NONE]],
  [POP_JUMP_IF_NONE, [Op.POP_JUMP_FORWARD_IF_NONE, Op.POP_JUMP_BACKWARD_IF_NONE]],
  [POP_JUMP_IF_FALSE, [Op.POP_JUMP_FORWARD_IF_FALSE, Op.POP_JUMP_BACKWARD_IF_FALSE]],
  [POP_JUMP_IF_TRUE, [Op.POP_JUMP_FORWARD_IF_TRUE, Op.POP_JUMP_BACKWARD_IF_TRUE]],
]);

export function normalizeJumps(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.visited = false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    b.visited = true;
    const last = b.last;
    if (last === undefined || !isJump(last)) continue;
    const isForward = !last.target!.visited;
    const forms = FORMS.get(last.opcode);
    if (forms !== undefined) last.opcode = isForward ? forms[0] : forms[1];
    else if (!isForward && (last.opcode === Op.JUMP_IF_TRUE_OR_POP || last.opcode === Op.JUMP_IF_FALSE_OR_POP)) {
      throw new Error(`unexpected ${opName(last.opcode)} jumping backwards`);
    }
  }
}
