// The parser's token array (pegen's p->tokens), kept from parse to parse with its Token objects:
// the tokenizer refills them in place. A Token per token read was a third of the parse's
// allocation, and every one lived to the end of its file's parse, so the young-generation
// collector copied them around; reused ones sit in the old generation. Only the first `fill`
// entries belong to the current parse.
import { Token } from '../tokenizer/token.js';

const pool: Token[][] = [];

/** an array of reusable tokens (nested parses, such as f-string expressions, each take their own) */
export function acquireTokenBuffer(): Token[] {
  return pool.pop() ?? [];
}

/** a fresh Token for the end of a buffer (the tokenizer overwrites every field) */
export function newBufferToken(): Token {
  return new Token(0, '', 0, 0, 0, 0, 0);
}

export function releaseTokenBuffer(tokens: Token[], fill: number): void {
  // drop the nodes and texts of this parse, so the pool does not keep its tree alive
  for (let i = 0; i < fill; i++) {
    const t = tokens[i]!;
    t.node = null;
    t.string = '';
  }
  // a few arrays cover the nesting of f-strings in f-strings; the rest are left to the GC
  if (pool.length < 4) pool.push(tokens);
}
