// Public API of bytecode/exception-table.
export {
  decodeExceptionTable,
  encodeExceptionTable,
  ExceptionTableWriter,
  ExceptionTableError,
  type ExceptionTableEntry,
} from './exception-table.js';
