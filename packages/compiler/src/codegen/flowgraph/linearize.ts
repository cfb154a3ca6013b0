// The emitting loop of compile.c assemble(): the blocks in layout order as the assembler's
// instruction list, jumps and handlers pointing at instruction indices.
import { LinearCode } from '../../assemble/assemble.js';
import type { BasicBlock } from '../ir.js';
import { Op, opName } from '../ir.js';
import { isJump } from './opcode-kinds.js';

export function linearize(entry: BasicBlock): LinearCode {
  // an empty block starts where the next instruction does
  let n = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    b.offset = n;
    n += b.instrs.length;
  }
  // one Handler per handler block (most code has none: no map is made then)
  const out = LinearCode.scratch(n);
  let handlerIds: Map<BasicBlock, number> | null = null;
  const handlerId = (h: BasicBlock): number => {
    handlerIds ??= new Map();
    let id = handlerIds.get(h);
    if (id === undefined) {
      const lasti = h.preserveLasti;
      handlerIds.set(h, (id = out.handlers.push({ target: h.offset, depth: h.startDepth - 1 - (lasti ? 1 : 0), lasti }) - 1));
    }
    return id;
  };
  // (trim_unused_consts' walk is done here: one walk of every instruction less)
  let maxConstIndex = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const instr of b.instrs) {
      const opcode = instr.opcode;
      if (opcode >= 256) throw new Error(`pseudo-instruction ${opName(opcode)} left at assembly`);
      if ((opcode === Op.LOAD_CONST || opcode === Op.KW_NAMES) && instr.oparg > maxConstIndex) maxConstIndex = instr.oparg;
      let jumpTarget = -1;
      if (isJump(instr)) {
        const to = instr.target!.offset;
        if (to < 0) throw new Error(`${opName(instr.opcode)} to block ${instr.target!.id}, which is not laid out`);
        jumpTarget = to;
      }
      const h = instr.except;
      // a negative field is absent (null) to the assembler; no line means no columns either
      const loc = instr.loc;
      if (loc.lineno < 0) out.push(instr.opcode, instr.oparg, jumpTarget, -1, -1, -1, -1, h ? handlerId(h) : -1);
      else out.push(instr.opcode, instr.oparg, jumpTarget, loc.lineno, loc.endLineno, loc.colOffset, loc.endColOffset, h ? handlerId(h) : -1);
    }
  }
  out.maxConstIndex = maxConstIndex;
  return out;
}
