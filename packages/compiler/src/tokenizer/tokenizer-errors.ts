// The tokenizer's own SyntaxErrors (tokenizer.c's syntaxerror / syntaxerror_known_range /
// indenterror / verify_identifier). Errors that CPython's parser words from `tok->done` (EOF inside
// brackets, a bad dedent, a character after a line continuation) need the parser's token state, so
// those are thrown as a TokenizerDone signal for the parser to turn into the message.
import { isPrintable } from '@tspyc/bytecode';
import { PySyntaxError } from '../diagnostics/syntax-error.js';
import { utf8ErrorMessage } from '../parser/source.js';
import { Done, type Tokenizer } from './tokenizer.js';

/** thrown when the tokenizer stops with a `done` code the parser reports */
export class TokenizerDone extends Error {
  constructor(
    readonly done: number,
    /** E_DECODE: the codec's message */
    readonly detail = '',
  ) {
    super(`tokenizer stopped (${done})`);
  }
}

/** number of code points in s[from, to) */
export function codePointLength(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

export class TokenizerErrors {
  constructor(private readonly tok: Tokenizer) {}

  /** the current line's text without its newline */
  private lineText(): string {
    const src = this.tok.src;
    const nl = src.indexOf('\n', this.tok.lineStart);
    return src.slice(this.tok.lineStart, nl < 0 ? src.length : nl);
  }

  /** syntaxerror(tok, msg): points just past tok->cur's last character */
  syntaxError(msg: string): PySyntaxError {
    const col = codePointLength(this.tok.src, this.tok.lineStart, this.tok.cur);
    return this.build(msg, col, col);
  }

  /** syntaxerror_known_range with columns given as source indices from the line start */
  syntaxErrorRange(colOffset: number, endColOffset: number, msg: string): PySyntaxError {
    const s = this.tok.lineStart;
    const toChars = (c: number) => codePointLength(this.tok.src, s, s + c);
    return this.build(msg, toChars(colOffset), toChars(endColOffset));
  }

  /** the SyntaxError a tokenizer warning becomes (parser_warn → syntaxerror) with the tokenizer at `cur`; the tokenizer goes on */
  warningError(msg: string, cur: number): PySyntaxError {
    const col = codePointLength(this.tok.src, this.tok.lineStart, cur);
    return new PySyntaxError('SyntaxError', msg, this.tok.filename, this.tok.lineno, col, this.lineText(), this.tok.lineno, col);
  }

  private build(msg: string, col: number, endCol: number): PySyntaxError {
    this.tok.done = 17;
    const e = new PySyntaxError('SyntaxError', msg, this.tok.filename, this.tok.lineno, col, this.lineText(), this.tok.lineno, endCol);
    return e;
  }

  /** inconsistent tabs and spaces: reported by the parser as a TabError */
  indentError(): TokenizerDone {
    this.tok.done = 18;
    this.tok.cur = this.endOfLine();
    return new TokenizerDone(18);
  }

  fromDone(): TokenizerDone {
    return new TokenizerDone(this.tok.done);
  }

  private endOfLine(): number {
    const nl = this.tok.src.indexOf('\n', this.tok.lineStart);
    return nl < 0 ? this.tok.src.length : nl + 1;
  }

  /** verify_identifier: a non-ASCII identifier must be XID_Start XID_Continue* */
  verifyIdentifier(start: number, end: number): void {
    const s = this.tok.src.slice(start, end);
    // bytes that are not UTF-8 (kept as U+DC80..U+DCFF): the codec's error, E_DECODE
    const undecodable = /[\udc80-\udcff]/u.test(s) ? utf8ErrorMessage(s) : null;
    if (undecodable) {
      this.tok.done = Done.DECODE;
      throw new TokenizerDone(22, undecodable);
    }
    const cps = Array.from(s);
    let invalid = 0;
    for (; invalid < cps.length; invalid++) {
      const ch = cps[invalid]!;
      if (!(invalid === 0 ? XID_START.test(ch) || ch === '_' : XID_CONTINUE.test(ch))) break;
    }
    if (invalid === cps.length) return;
    const ch = cps[invalid]!;
    if (invalid + 1 < cps.length) this.tok.cur = start + cps.slice(0, invalid + 1).join('').length;
    const cp = ch.codePointAt(0)!;
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    throw this.syntaxError(isPrintable(cp, '3.11') ? `invalid character '${ch}' (U+${hex})` : `invalid non-printable character U+${hex}`);
  }
}
