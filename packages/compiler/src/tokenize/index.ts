// Public API of compiler/tokenize: Lib/tokenize.py of 3.11 (not the parser's tokenizer).
export { detectEncoding, EncodingError, LineDecodeError, lineDecoder, splitLines } from './detect-encoding.js';
export { EXACT_TOKEN_TYPES, TOK_NAME, TOKEN } from './generated/token311.js';
export { tokenizeMain, type TokenizeReport } from './main.js';
export { exactType, TokenError, TokenizeIndentationError, tokenizeBytes, tokenizeLines, type TokenInfo } from './tokenize.js';
