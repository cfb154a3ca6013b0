// The PEG parser for CPython 3.11's grammar.
export { parse, UnsupportedTargetError, type ParseMode, type ParseOptions } from './parse.js';
export type { CompileWarning } from './parser-base.js';
