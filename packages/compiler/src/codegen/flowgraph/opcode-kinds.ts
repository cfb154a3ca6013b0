// compile.c's instruction classes (IS_JUMP_OPCODE, IS_SCOPE_EXIT_OPCODE, is_block_push, …) over
// the real opcodes and the pseudo-opcodes of ../ir.ts.
import { opcodeTable, targetForVersion } from '@tspyc/bytecode';
import {
  BasicBlock, Instr, JUMP, JUMP_NO_INTERRUPT, Op, POP_BLOCK, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH,
} from '../ir.js';

const table = opcodeTable(targetForVersion('3.11')!);
const HAS_JREL = 8;
const HAS_JABS = 16;

/** IS_VIRTUAL_JUMP_OPCODE */
export function isVirtualJump(opcode: number): boolean {
  return opcode === JUMP || opcode === JUMP_NO_INTERRUPT || opcode === POP_JUMP_IF_FALSE || opcode === POP_JUMP_IF_TRUE ||
    opcode === POP_JUMP_IF_NONE || opcode === POP_JUMP_IF_NOT_NONE;
}

/** 1 for the jump opcodes, real and pseudo, indexed by opcode (pseudo-opcodes run to 265) */
const JUMP_OPCODES = new Uint8Array(512);
for (let op = 0; op < JUMP_OPCODES.length; op++) {
  JUMP_OPCODES[op] = (op >= 256 ? isVirtualJump(op) : ((table.flags[op] ?? 0) & (HAS_JREL | HAS_JABS)) !== 0) ? 1 : 0;
}

/** IS_JUMP_OPCODE / is_jump: the virtual jumps and 3.11's hasjrel/hasjabs opcodes */
export function isJumpOpcode(opcode: number): boolean {
  return JUMP_OPCODES[opcode] === 1;
}

export function isJump(i: Instr): boolean {
  return isJumpOpcode(i.opcode);
}

/** is_block_push: the SETUP_* pseudo-instructions, whose target is an exception handler */
export function isBlockPush(i: Instr): boolean {
  return i.opcode === SETUP_FINALLY || i.opcode === SETUP_CLEANUP || i.opcode === SETUP_WITH;
}

export function isPopBlock(i: Instr): boolean {
  return i.opcode === POP_BLOCK;
}

/** SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH or POP_BLOCK: the pseudo-instructions of handlers */
export function isHandlerOp(opcode: number): boolean {
  return opcode === SETUP_FINALLY || opcode === SETUP_CLEANUP || opcode === SETUP_WITH || opcode === POP_BLOCK;
}

/** IS_SCOPE_EXIT_OPCODE */
export function isScopeExitOpcode(opcode: number): boolean {
  return opcode === Op.RETURN_VALUE || opcode === Op.RAISE_VARARGS || opcode === Op.RERAISE;
}

/** IS_UNCONDITIONAL_JUMP_OPCODE */
export function isUnconditionalJumpOpcode(opcode: number): boolean {
  return opcode === JUMP || opcode === JUMP_NO_INTERRUPT || opcode === Op.JUMP_FORWARD || opcode === Op.JUMP_BACKWARD ||
    opcode === Op.JUMP_BACKWARD_NO_INTERRUPT;
}

/** b_exit: the block ends in a return or raise */
export function exitsScope(b: BasicBlock): boolean {
  const last = b.last;
  return last !== undefined && isScopeExitOpcode(last.opcode);
}

/** b_nofallthrough: control never reaches b_next from the end of this block */
export function noFallthrough(b: BasicBlock): boolean {
  const last = b.last;
  return last !== undefined && (isScopeExitOpcode(last.opcode) || isUnconditionalJumpOpcode(last.opcode));
}
