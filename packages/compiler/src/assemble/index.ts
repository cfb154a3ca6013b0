// The assembler: laid-out instructions to the code object's byte tables.
export { assemble311, LinearCode, type AsmInstruction, type Assembled, type Handler } from './assemble.js';
