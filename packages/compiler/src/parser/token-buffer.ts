// The parser's token array (pegen's p->tokens), kept from parse to parse with its Token objects:
// the tokenizer refills them in place. A Token per token read was a third of the parse's
// allocation, and every one lived to the end of its file's parse, so the young-generation
// collector copied them around; reused ones sit in the old generation. Only the first `fill`
// entries belong to the current parse.
// The token types are also kept in a typed array: the parser asks for a type some ten times per
// token (first-set checks, expected tokens, mostly failing), and reads it there without touching
// the Token object.
import { Token } from '../tokenizer/token.js';

export class TokenBuffer {
  readonly tokens: Token[] = [];
  types = new Int32Array(1 << 12);

  /** the Token object for entry i (the tokenizer overwrites every field) */
  slot(i: number): Token {
    let t = this.tokens[i];
    if (t === undefined) {
      t = new Token(0, '', 0, 0, 0, 0, 0);
      this.tokens.push(t);
      if (this.tokens.length > this.types.length) {
        const types = new Int32Array(this.types.length * 2);
        types.set(this.types);
        this.types = types;
      }
    }
    return t;
  }
}

const pool: TokenBuffer[] = [];

/** a buffer of reusable tokens (nested parses, such as f-string expressions, each take their own) */
export function acquireTokenBuffer(): TokenBuffer {
  return pool.pop() ?? new TokenBuffer();
}

export function releaseTokenBuffer(b: TokenBuffer, fill: number): void {
  // drop the nodes and texts of this parse, so the pool does not keep its tree alive
  for (let i = 0; i < fill; i++) {
    const t = b.tokens[i]!;
    t.node = null;
    t.string = '';
  }
  // a few buffers cover the nesting of f-strings in f-strings; the rest are left to the GC
  if (pool.length < 4) pool.push(b);
}
