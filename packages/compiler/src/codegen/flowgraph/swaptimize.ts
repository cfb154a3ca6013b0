// compile.c swaptimize and apply_static_swaps: a run of SWAPs becomes the shortest equivalent run,
// and a SWAP before STORE_FASTs/POP_TOPs on one line is done by reordering those instead (unless
// two of the reordered stores write the same local).
import type { BasicBlock, Instr } from '../ir.js';
import { Op } from '../ir.js';

const VISITED = -1;

/** rewrites the run of SWAPs and NOPs starting at `ix`; returns the index of the run's last instruction */
export function swaptimize(block: BasicBlock, ix: number): number {
  const instructions = block.instrs;
  let depth = instructions[ix]!.oparg;
  let len = 0;
  let more = false;
  const limit = instructions.length - ix;
  while (++len < limit) {
    const op = instructions[ix + len]!;
    if (op.opcode === Op.SWAP) {
      depth = Math.max(depth, op.oparg);
      more = true;
    } else if (op.opcode !== Op.NOP) {
      break;
    }
  }
  // already optimal with a single SWAP
  if (!more) return ix;
  // simulate the run on the stack [0, 1, …, depth-1]
  const stack = Array.from({ length: depth }, (_, i) => i);
  for (let i = 0; i < len; i++) {
    const op = instructions[ix + i]!;
    if (op.opcode === Op.SWAP) {
      const top = stack[0]!;
      stack[0] = stack[op.oparg - 1]!;
      stack[op.oparg - 1] = top;
    }
  }
  // un-shuffle cycle by cycle through position 0, writing the swaps from the end of the run
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j !== 0) {
        const instr = instructions[ix + current--]!;
        instr.opcode = Op.SWAP;
        instr.oparg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j]!;
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) instructions[ix + current--]!.opcode = Op.NOP;
  return ix + len - 1;
}

/** SWAPPABLE: touches only the top of the stack, cannot jump, raise or run arbitrary code */
function swappable(opcode: number): boolean {
  return opcode === Op.STORE_FAST || opcode === Op.POP_TOP;
}

/** STORES_TO: the local a STORE_FAST writes, else -1 */
function storesTo(instr: Instr): number {
  return instr.opcode === Op.STORE_FAST ? instr.oparg : -1;
}

/** next_swappable_instruction: -1 at anything else, or (lineno ≥ 0) at a change of line */
function nextSwappableInstruction(block: BasicBlock, i: number, lineno: number): number {
  while (++i < block.instrs.length) {
    const instruction = block.instrs[i]!;
    if (lineno >= 0 && instruction.loc.lineno !== lineno) return -1;
    if (instruction.opcode === Op.NOP) continue;
    if (swappable(instruction.opcode)) return i;
    return -1;
  }
  return -1;
}

export function applyStaticSwaps(block: BasicBlock, i: number): void {
  // SWAPs are to our left, potential swaperands to our right
  for (; i >= 0; i--) {
    const swap = block.instrs[i]!;
    if (swap.opcode !== Op.SWAP) {
      if (swap.opcode === Op.NOP || swappable(swap.opcode)) continue;
      return;
    }
    const j = nextSwappableInstruction(block, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = block.instrs[j]!.loc.lineno;
    for (let count = swap.oparg - 1; count > 0; count--) {
      k = nextSwappableInstruction(block, k, lineno);
      if (k < 0) return;
    }
    // not safe if the two stores, or a store between them, write the same local
    const storeJ = storesTo(block.instrs[j]!);
    const storeK = storesTo(block.instrs[k]!);
    if (storeJ >= 0 || storeK >= 0) {
      if (storeJ === storeK) return;
      for (let idx = j + 1; idx < k; idx++) {
        const storeIdx = storesTo(block.instrs[idx]!);
        if (storeIdx >= 0 && (storeIdx === storeJ || storeIdx === storeK)) return;
      }
    }
    swap.opcode = Op.NOP;
    const temp = block.instrs[j]!;
    block.instrs[j] = block.instrs[k]!;
    block.instrs[k] = temp;
  }
}
