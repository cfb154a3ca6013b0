// Public API of bytecode/dis: a disassembler whose text is CPython's dis.dis, and Python repr().
export { disassemble, DisError } from './format.js';
export { findLabels, getInstructions, jumpTarget, unpackOpargs, type Instruction } from './instruction.js';
export { bytesRepr, codeRepr, codePoints as strCodePoints, pyRepr, strRepr, type ReprOptions } from './repr.js';
export { formatComplexRepr, formatFloatRepr } from './float-repr.js';
export { setIterationOrder } from './set-order.js';
export { floatHash, intHash, valueHash, type PyHash } from './value-hash.js';
export { isPrintable } from './printable.js';
