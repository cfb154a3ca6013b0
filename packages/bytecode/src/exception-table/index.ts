// Public API of bytecode/exception-table.
export {
  decodeExceptionTable,
  encodeExceptionTable,
  ExceptionTableError,
  type ExceptionTableEntry,
} from './exception-table.js';
