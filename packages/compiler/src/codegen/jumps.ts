// The opcodes codegen emits, real and pseudo, under one import.
export { Op, JUMP, JUMP_NO_INTERRUPT, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK } from './ir.js';
import { Op } from './ir.js';
export const JUMP_IF_FALSE_OR_POP = Op.JUMP_IF_FALSE_OR_POP;
export const JUMP_IF_TRUE_OR_POP = Op.JUMP_IF_TRUE_OR_POP;
