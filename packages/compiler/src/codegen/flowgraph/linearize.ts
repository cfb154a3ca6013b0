// The emitting loop of compile.c assemble(): the blocks in layout order as the assembler's
// instruction list, jumps and handlers pointing at instruction indices.
import { LinearCode, type Handler } from '../../assemble/assemble.js';
import type { Position } from '@tspyc/bytecode';
import type { BasicBlock, Location } from '../ir.js';
import { opName } from '../ir.js';
import { toPosition } from './location.js';
import { isJump } from './opcode-kinds.js';

export function linearize(entry: BasicBlock): LinearCode {
  // an empty block starts where the next instruction does
  let n = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    b.offset = n;
    n += b.instrs.length;
  }
  // one Handler per handler block, one Position per run of instructions sharing a location
  const handlers = new Map<BasicBlock, Handler>();
  const handlerOf = (h: BasicBlock): Handler => {
    let handler = handlers.get(h);
    if (handler === undefined) {
      const lasti = h.preserveLasti;
      handlers.set(h, (handler = { target: h.offset, depth: h.startDepth - 1 - (lasti ? 1 : 0), lasti }));
    }
    return handler;
  };
  let lastLoc: Location | null = null;
  let lastPosition: Position | null = null;
  const out = new LinearCode(n);
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const instr of b.instrs) {
      if (instr.opcode >= 256) throw new Error(`pseudo-instruction ${opName(instr.opcode)} left at assembly`);
      let jumpTarget = -1;
      if (isJump(instr)) {
        const to = instr.target!.offset;
        if (to < 0) throw new Error(`${opName(instr.opcode)} to block ${instr.target!.id}, which is not laid out`);
        jumpTarget = to;
      }
      const h = instr.except;
      if (instr.loc !== lastLoc) {
        lastLoc = instr.loc;
        lastPosition = toPosition(lastLoc);
      }
      out.push(instr.opcode, instr.oparg, jumpTarget, lastPosition!, h ? handlerOf(h) : null);
    }
  }
  return out;
}
