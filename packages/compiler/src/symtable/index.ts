// The symbol table stage (CPython 3.11's Python/symtable.c).
export { buildSymtable, SymbolTable, type SymtableOptions } from './symtable.js';
export { SymbolTableEntry, type Directive } from './entry.js';
export * from './flags.js';
export { futureFromAST, type FutureFeatures, CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL } from './future.js';
export { mangle } from './mangle.js';
export { PyRecursionError, RECURSION_MESSAGE } from './recursion-error.js';
export * from './code-facts.js';
export * as symtableMessages from './messages.js';
