// compile.c stackdepth: the maximum stack depth over every path, exception handlers included
// (a SETUP_* pushes its handler with the depth at the setup plus what unwinding pushes). Leaves
// each reachable block's start depth in startDepth (the exception table needs the handlers').
import { opcodeTable, stackEffect311, targetForVersion } from '@tspyc/bytecode';
import type { BasicBlock, Instr } from '../ir.js';
import { JUMP, JUMP_NO_INTERRUPT, Op, opName, POP_BLOCK, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH } from '../ir.js';
import { isBlockPush, isJump, isVirtualJump } from './opcode-kinds.js';

const names = opcodeTable(targetForVersion('3.11')!).name;

// stackEffect311 dispatches on the opcode's name; the effects of one-byte arguments are memoised
// here by (opcode, oparg, jump), NO_EFFECT marking a slot not computed yet
const NO_EFFECT = -0x8000;
const memo = new Int16Array(256 * 256 * 2).fill(NO_EFFECT);

/** compile.c stack_effect, the pseudo-opcodes included */
export function stackEffect(instr: Instr, jump: boolean): number {
  const { opcode, oparg } = instr;
  if (opcode < 256 && oparg >= 0 && oparg < 256) {
    const slot = (((opcode << 8) | oparg) << 1) | (jump ? 1 : 0);
    let effect = memo[slot]!;
    if (effect === NO_EFFECT) memo[slot] = effect = computeStackEffect(instr, jump);
    return effect;
  }
  return computeStackEffect(instr, jump);
}

function computeStackEffect(instr: Instr, jump: boolean): number {
  switch (instr.opcode) {
    case SETUP_FINALLY:
    case SETUP_WITH:
      return jump ? 1 : 0;
    case SETUP_CLEANUP:
      return jump ? 2 : 0;
    case POP_BLOCK:
    case JUMP:
    case JUMP_NO_INTERRUPT:
      return 0;
  }
  if (isVirtualJump(instr.opcode)) return -1; // POP_JUMP_IF_*
  const effect = instr.opcode < 256 ? stackEffect311(names[instr.opcode] ?? '', instr.oparg, jump) : undefined;
  if (effect === undefined) throw new Error(`compiler stack_effect(opcode=${opName(instr.opcode)}, arg=${instr.oparg}) failed`);
  return effect;
}

const NOT_REACHED = -(2 ** 30);

export function stackdepth(entry: BasicBlock, generatorLike: boolean): number {
  // "not reached" (CPython's INT_MIN): a small integer, so that startDepth stays an integer field
  // for V8 (MIN_SAFE_INTEGER made it a double field of every block)
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.startDepth = NOT_REACHED;
  const stack: BasicBlock[] = [];
  const push = (b: BasicBlock, depth: number) => {
    if (b.startDepth < depth && b.startDepth < 100) {
      b.startDepth = depth;
      stack.push(b);
    }
  };
  let maxdepth = 0;
  // a generator starts with the value RETURN_GENERATOR leaves, which POP_TOP removes
  push(entry, generatorLike ? 1 : 0);
  while (stack.length > 0) {
    const b = stack.pop()!;
    let depth = b.startDepth;
    let next = b.next;
    for (const instr of b.instrs) {
      const newDepth = depth + stackEffect(instr, false);
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (isJump(instr) || isBlockPush(instr)) {
        const targetDepth = depth + stackEffect(instr, true);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(instr.target!, targetDepth);
      }
      depth = newDepth;
      if (instr.opcode === JUMP_NO_INTERRUPT || instr.opcode === JUMP || instr.opcode === Op.RETURN_VALUE ||
          instr.opcode === Op.RAISE_VARARGS || instr.opcode === Op.RERAISE) {
        next = null; // the rest is dead
        break;
      }
    }
    if (next !== null) push(next, depth);
  }
  return maxdepth;
}
