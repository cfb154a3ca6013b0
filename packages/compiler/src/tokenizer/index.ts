// The tokenizer the parser reads from (CPython's C tokenizer, not Lib/tokenize).
export { Tokenizer } from './tokenizer.js';
export { Token } from './token.js';
