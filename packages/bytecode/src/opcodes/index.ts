// Public API of bytecode/opcodes: generated per-version opcode facts and the tables built from them.
export type { OpcodeFacts } from './facts.js';
export {
  HAS_ARG,
  HAS_COMPARE,
  HAS_CONST,
  HAS_EXC,
  HAS_FREE,
  HAS_JABS,
  HAS_JREL,
  HAS_JUMP,
  HAS_LOCAL,
  HAS_NAME,
  HAS_NARGS,
  opcodeTable,
  type OpcodeTable,
} from './table.js';
