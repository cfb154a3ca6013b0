// The tokenizer the parser reads from, following CPython 3.11's C tokenizer (Parser/tokenizer.c):
// no COMMENT/NL tokens, INDENT/DEDENT from an indentation stack with tabs to multiples of 8 checked
// against tabs of width 1, ASYNC/AWAIT token types, TYPE_COMMENT/TYPE_IGNORE when type comments are
// on, and the C tokenizer's error messages. It works on the decoded source (newlines already
// translated to '\n') and reports columns as UTF-8 byte offsets, as CPython does.
import { EXACT_TOKEN_TYPES, TOKEN } from '../tokenize/generated/token311.js';
import { Token } from './token.js';
import { isPrintable } from '@tspyc/bytecode';
import { TokenizerErrors } from './tokenizer-errors.js';
import type { PySyntaxError } from '../diagnostics/syntax-error.js';

const EOF = -1;

/** the text of each operator token type */
const OP_TEXT: string[] = [];
for (const [text, type] of Object.entries(EXACT_TOKEN_TYPES)) OP_TEXT[type] = text;
// operators by their ASCII characters, so reading one builds no strings: ONE_CHAR[c] and
// TWO_CHAR[c1 << 7 | c2] are token types (0: none); THIRD_CHAR[two-character type] is
// (c3 << 8 | type) of the three-character operator that extends it
const ONE_CHAR = new Uint8Array(128);
const TWO_CHAR = new Uint8Array(128 * 128);
const THIRD_CHAR = new Uint16Array(256);
for (const [text, type] of Object.entries(EXACT_TOKEN_TYPES)) {
  if (text.length === 1) ONE_CHAR[text.charCodeAt(0)] = type;
  else if (text.length === 2) TWO_CHAR[(text.charCodeAt(0) << 7) | text.charCodeAt(1)] = type;
}
for (const [text, type] of Object.entries(EXACT_TOKEN_TYPES)) {
  if (text.length !== 3) continue;
  const two = TWO_CHAR[(text.charCodeAt(0) << 7) | text.charCodeAt(1)]!;
  // ('...' never gets here: a '.' is read by its own branch)
  if (two !== 0) THIRD_CHAR[two] = (text.charCodeAt(2) << 8) | type;
}
TWO_CHAR[(60 << 7) | 62] = TOKEN.NOTEQUAL; // '<>' (Barry as FLUFL) is read, and rejected by the parser
const TABSIZE = 8;
const MAXINDENT = 100;
const MAXLEVEL = 200;

/** why the tokenizer stopped, as tok->done */
export const enum Done {
  OK = 0,
  EOF = 11,
  DEDENT = 21,
  TABSPACE = 18,
  TOODEEP = 20,
  LINECONT = 25,
  ERROR = 17,
  DECODE = 22,
}

const CH_TAB = 9;
const CH_NL = 10;
const CH_FF = 12;
const CH_SPACE = 32;
const CH_HASH = 35;
const CH_QUOTE = 39;
const CH_DQUOTE = 34;
const CH_BACKSLASH = 92;
const CH_DOT = 46;
const CH_UNDERSCORE = 95;

function isPotentialIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === CH_UNDERSCORE || c >= 128;
}
function isPotentialIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === CH_UNDERSCORE || c >= 128;
}
/** ASCII identifier characters, for the identifier loop: [A-Za-z0-9_] */
const ASCII_ID_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_ID_CHAR[c] = isPotentialIdentifierChar(c) ? 1 : 0;
/** the letters of string prefixes: b, r, u, f, either case */
const STRING_PREFIX = new Uint8Array(128);
for (const ch of 'bBrRuUfF') STRING_PREFIX[ch.charCodeAt(0)] = 1;
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isXDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export interface TokenizerOptions {
  typeComments: boolean;
  /** the caller knows every character counts one byte in columns (see parser/source.ts) */
  oneBytePerChar?: boolean;
  /** parser_warn: the tokenizer's SyntaxWarnings (a number running into a keyword), with the line and the SyntaxError each becomes as an error */
  onSyntaxWarning?: ((message: string, lineno: number, error: PySyntaxError) => void) | undefined;
}

export class Tokenizer {
  /** index of the next character */
  cur = 0;
  /** end (exclusive) of the current line */
  private inp = 0;
  lineStart = 0;
  lineno = 0;
  private lineAscii = true;
  /** every character of the source counts one byte in columns: ASCII, or an undecodable byte (then no line needs checking) */
  private readonly srcAscii: boolean;
  done: Done = Done.OK;
  level = 0;
  readonly parenStack: number[] = [];
  readonly parenLineno: number[] = [];
  readonly parenCol: number[] = [];
  private atbol = true;
  private pendin = 0;
  private indent = 0;
  private readonly indstack: number[] = [0];
  private readonly altindstack: number[] = [0];
  /** for STRING tokens: where the string began */
  private firstLineno = 0;
  private multiLineStart = 0;
  readonly errors: TokenizerErrors;
  /** the line of the TYPE_IGNORE token just returned (TypeIgnore.lineno) */
  lastTypeIgnoreLineno = 0;
  /** where the token being read goes (nextInto), null for a new Token */
  private into: Token | null = null;

  constructor(
    readonly src: string,
    readonly filename: string,
    private readonly options: TokenizerOptions,
  ) {
    this.errors = new TokenizerErrors(this);
    this.srcAscii = options.oneBytePerChar === true || !/[^\0-\x7f]/.test(src);
  }

  // ---- character source (tok_nextc / tok_backup) ----

  nextc(): number {
    if (this.cur === this.inp) {
      if (this.inp >= this.src.length) {
        this.done = Done.EOF;
        return EOF;
      }
      this.lineStart = this.cur;
      this.lineno++;
      this.recomputeLine();
    }
    return this.src.charCodeAt(this.cur++);
  }

  backup(c: number): void {
    if (c !== EOF) this.cur--;
  }

  /** UTF-8 byte offset of source index `idx` from `lineStart` (a column in CPython's units) */
  byteCol(idx: number, lineStart: number = this.lineStart): number {
    if (this.lineAscii && lineStart === this.lineStart) return idx - lineStart;
    let n = 0;
    for (let i = lineStart; i < idx; i++) {
      const c = this.src.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xdc80 && c <= 0xdcff) n += 1; // an undecodable source byte (see parser/source.ts)
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < idx) {
        const d = this.src.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          n += 4;
          i++;
        } else n += 3;
      } else n += 3;
    }
    return n;
  }

  private make(type: number, start: number, end: number): Token {
    const isString = type === TOKEN.STRING;
    // operators share one string each (no slice per token); '<>' is NOTEQUAL too
    const text = type >= TOKEN.LPAR && type <= TOKEN.COLONEQUAL && type !== TOKEN.NOTEQUAL ? OP_TEXT[type]! : this.src.slice(start, end);
    const lineStart = isString ? this.multiLineStart : this.lineStart;
    const lineno = isString ? this.firstLineno : this.lineno;
    const col = start >= lineStart ? this.byteCol(start, lineStart) : -1;
    const endCol = end >= this.lineStart ? this.byteCol(end) : -1;
    return this.emit(type, text, lineno, col, endCol);
  }

  private noPos(type: number): Token {
    return this.emit(type, '', this.lineno, -1, -1);
  }

  /** the token read: written into the caller's Token (nextInto), else a new one */
  private emit(type: number, text: string, lineno: number, col: number, endCol: number): Token {
    const t = this.into;
    if (t === null) return new Token(type, text, lineno, col, this.lineno, endCol, this.level);
    t.type = type;
    t.string = text;
    t.lineno = lineno;
    t.col_offset = col;
    t.end_lineno = this.lineno;
    t.end_col_offset = endCol;
    t.level = this.level;
    t.node = null;
    return t;
  }

  /** the next token, written into `t` (the parser reuses its Token objects) */
  nextInto(t: Token): Token {
    this.into = t;
    return this.get();
  }

  /** the next token; tokenizer errors are thrown as PySyntaxError */
  next(): Token {
    this.into = null;
    return this.get();
  }

  // ---- the token loop (tok_get) ----

  private get(): Token {
    let blankline = false;
    for (;;) {
      // nextline:
      blankline = false;
      if (this.atbol) {
        this.atbol = false;
        let col = 0;
        let altcol = 0;
        // a backslash continuation inside the indentation: the first one fixes the indentation
        let contLineCol = 0;
        let c: number;
        for (;;) {
          c = this.nextc();
          if (c === CH_SPACE) {
            // the rest of a run of spaces read in place (it ends before the line's '\n')
            let i = this.cur;
            const inp = this.inp;
            while (i < inp && this.src.charCodeAt(i) === CH_SPACE) i++;
            col += 1 + i - this.cur;
            altcol += 1 + i - this.cur;
            this.cur = i;
          } else if (c === CH_TAB) {
            col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
            altcol = altcol + 1;
          } else if (c === CH_FF) {
            col = altcol = 0;
          } else if (c === CH_BACKSLASH) {
            contLineCol = contLineCol ? contLineCol : col;
            this.readContinuation();
          } else break;
        }
        this.backup(c);
        if (c === CH_HASH || c === CH_NL) blankline = true;
        if (!blankline && this.level === 0) {
          if (contLineCol) {
            col = contLineCol;
            altcol = contLineCol;
          }
          const ind = this.indent;
          if (col === this.indstack[ind]) {
            if (altcol !== this.altindstack[ind]) throw this.errors.indentError();
          } else if (col > this.indstack[ind]!) {
            if (ind + 1 >= MAXINDENT) {
              this.done = Done.TOODEEP;
              throw this.errors.fromDone();
            }
            if (altcol <= this.altindstack[ind]!) throw this.errors.indentError();
            this.pendin++;
            this.indent++;
            this.indstack[this.indent] = col;
            this.altindstack[this.indent] = altcol;
          } else {
            while (this.indent > 0 && col < this.indstack[this.indent]!) {
              this.pendin--;
              this.indent--;
            }
            if (col !== this.indstack[this.indent]) {
              this.done = Done.DEDENT;
              this.cur = this.inp;
              throw this.errors.fromDone();
            }
            if (altcol !== this.altindstack[this.indent]) throw this.errors.indentError();
          }
        }
      }
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return this.noPos(TOKEN.DEDENT);
        }
        this.pendin--;
        return this.noPos(TOKEN.INDENT);
      }
      // again:
      for (;;) {
        let c: number;
        do c = this.nextc();
        while (c === CH_SPACE || c === CH_TAB || c === CH_FF);
        const start = c === EOF ? this.cur : this.cur - 1;

        if (c === CH_HASH) {
          // the comment runs to the end of the line ('\n' is the line's last character, if any)
          const nl = this.inp > this.cur && this.src.charCodeAt(this.inp - 1) === CH_NL ? this.inp - 1 : this.inp;
          this.cur = nl;
          c = this.nextc();
          if (this.options.typeComments) {
            const tc = this.typeComment(start, c, blankline);
            if (tc) return tc;
          }
        }
        if (c === EOF) {
          if (this.level) {
            throw this.errors.fromDone();
          }
          return this.noPos(TOKEN.ENDMARKER);
        }

        if (isPotentialIdentifierStart(c)) {
          let sawB = false,
            sawR = false,
            sawU = false,
            sawF = false;
          let isString = false;
          // (most names do not start with a string prefix letter: b, r, u, f in either case)
          for (; c < 128 && STRING_PREFIX[c] === 1; ) {
            if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
            else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
            else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
            else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
            else break;
            c = this.nextc();
            if (c === CH_DQUOTE || c === CH_QUOTE) {
              isString = true;
              break;
            }
          }
          if (isString) return this.string(start, c);
          // hot path: the rest of the identifier, read in place (it cannot cross the line's end)
          let nonascii = false;
          if (isPotentialIdentifierChar(c)) {
            nonascii = c >= 128;
            let i = this.cur;
            const src = this.src;
            const inp = this.inp;
            while (i < inp) {
              const d = src.charCodeAt(i);
              if (d < 128) {
                if (ASCII_ID_CHAR[d] === 0) break;
              } else nonascii = true;
              i++;
            }
            this.cur = i;
          } else this.backup(c);
          if (nonascii) this.errors.verifyIdentifier(start, this.cur);
          const len = this.cur - start;
          if (len === 5 && this.src.startsWith('async', start)) return this.make(TOKEN.ASYNC, start, this.cur);
          if (len === 5 && this.src.startsWith('await', start)) return this.make(TOKEN.AWAIT, start, this.cur);
          return this.make(TOKEN.NAME, start, this.cur);
        }

        if (c === CH_NL) {
          this.atbol = true;
          if (blankline || this.level > 0) break; // goto nextline
          // the token leaves the '\n' out: it starts and ends where the newline is
          return this.make(TOKEN.NEWLINE, start, this.cur - 1);
        }

        if (c === CH_DOT) {
          c = this.nextc();
          if (isDigit(c)) return this.number(start, c, 'fraction');
          if (c === CH_DOT) {
            c = this.nextc();
            if (c === CH_DOT) return this.make(TOKEN.ELLIPSIS, start, this.cur);
            this.backup(c);
            this.backup(CH_DOT);
          } else this.backup(c);
          return this.make(TOKEN.DOT, start, this.cur);
        }

        if (isDigit(c)) return this.number(start, c, 'start');

        if (c === CH_QUOTE || c === CH_DQUOTE) return this.string(start, c);

        if (c === CH_BACKSLASH) {
          this.readContinuation();
          continue; // goto again
        }

        // operators: three, two, then one character (c is ASCII here: the rest start names)
        const c2 = this.nextc();
        const t2 = c2 >= 0 && c2 < 128 ? TWO_CHAR[(c << 7) | c2]! : 0;
        if (t2 !== 0) {
          const c3 = this.nextc();
          const third = THIRD_CHAR[t2]!;
          if (third !== 0 && third >> 8 === c3) return this.make(third & 0xff, start, this.cur);
          this.backup(c3);
          return this.make(t2, start, this.cur);
        }
        this.backup(c2);

        switch (c) {
          case 40: // (
          case 91: // [
          case 123: // {
            if (this.level >= MAXLEVEL) throw this.errors.syntaxError('too many nested parentheses');
            this.parenStack[this.level] = c;
            this.parenLineno[this.level] = this.lineno;
            this.parenCol[this.level] = start - this.lineStart;
            this.level++;
            break;
          case 41: // )
          case 93: // ]
          case 125: {
            // }
            if (!this.level) throw this.errors.syntaxError(`unmatched '${String.fromCharCode(c)}'`);
            this.level--;
            const opening = this.parenStack[this.level]!;
            if (!((opening === 40 && c === 41) || (opening === 91 && c === 93) || (opening === 123 && c === 125))) {
              const o = String.fromCharCode(opening);
              const cl = String.fromCharCode(c);
              if (this.parenLineno[this.level] !== this.lineno) {
                throw this.errors.syntaxError(`closing parenthesis '${cl}' does not match opening parenthesis '${o}' on line ${this.parenLineno[this.level]}`);
              }
              throw this.errors.syntaxError(`closing parenthesis '${cl}' does not match opening parenthesis '${o}'`);
            }
            break;
          }
        }
        const one = ONE_CHAR[c]!;
        if (one === 0 && !isPrintable(c, '3.11')) {
          throw this.errors.syntaxError(`invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
        }
        return this.make(one === 0 ? TOKEN.OP : one, start, this.cur);
      }
    }
  }

  /** tok_continuation_line: after a backslash, the newline, then the next line must exist */
  private readContinuation(): void {
    let c = this.nextc();
    if (c !== CH_NL) {
      this.done = Done.LINECONT;
      throw this.errors.fromDone();
    }
    c = this.nextc();
    if (c === EOF) {
      this.done = Done.EOF;
      this.cur = this.inp;
      throw this.errors.fromDone();
    }
    this.backup(c);
  }

  /** `# type: ...` comments (c is the '\n' or EOF that ended the comment) */
  private typeComment(start: number, c: number, blankline: boolean): Token | null {
    const end = c === EOF ? this.cur : this.cur - 1;
    const prefix = '# type: ';
    let p = start;
    let i = 0;
    for (; i < prefix.length && p < end; i++) {
      const pc = prefix.charCodeAt(i);
      if (pc === CH_SPACE) {
        while (p < end && (this.src.charCodeAt(p) === CH_SPACE || this.src.charCodeAt(p) === CH_TAB)) p++;
      } else if (pc === this.src.charCodeAt(p)) p++;
      else break;
    }
    if (i < prefix.length) return null;
    this.backup(c);
    const ignoreEnd = p + 6;
    const after = ignoreEnd < end ? this.src.charCodeAt(ignoreEnd) : -1;
    const isIgnore =
      end >= ignoreEnd &&
      this.src.startsWith('ignore', p) &&
      !(end > ignoreEnd && (after >= 128 || (after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122)));
    if (isIgnore) {
      const tok = this.make(TOKEN.TYPE_IGNORE, ignoreEnd, end);
      this.lastTypeIgnoreLineno = this.lineno;
      if (blankline) {
        this.nextc();
        this.atbol = true;
      }
      return tok;
    }
    return this.make(TOKEN.TYPE_COMMENT, p, end);
  }

  // ---- numbers ----

  /** tok_decimal_tail: digits with single underscores between them; returns the char after */
  private decimalTail(): number {
    let c: number;
    for (;;) {
      do c = this.nextc();
      while (isDigit(c));
      if (c !== CH_UNDERSCORE) break;
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        throw this.errors.syntaxError('invalid decimal literal');
      }
    }
    return c;
  }

  /** verify_end_of_number: a number may not run into an identifier */
  private verifyEndOfNumber(c: number, kind: string): void {
    let r = false;
    const la = (s: string): boolean => {
      let ok = true;
      const read: number[] = [];
      for (let i = 0; i < s.length; i++) {
        const x = this.nextc();
        read.push(x);
        if (x !== s.charCodeAt(i)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        const x = this.nextc();
        read.push(x);
        ok = !isPotentialIdentifierChar(x);
      }
      for (let i = read.length - 1; i >= 0; i--) this.backup(read[i]!);
      return ok;
    };
    if (c === 97) r = la('nd');
    else if (c === 101) r = la('lse');
    else if (c === 102) r = la('or');
    else if (c === 105) {
      const c2 = this.nextc();
      if (c2 === 102 || c2 === 110 || c2 === 115) r = true;
      this.backup(c2);
    } else if (c === 111) r = la('r');
    else if (c === 110) r = la('ot');
    if (r) {
      const onWarning = this.options.onSyntaxWarning;
      // (as an error it points where the number ends: `c` given back first)
      if (onWarning) onWarning(`invalid ${kind} literal`, this.lineno, this.errors.warningError(`invalid ${kind} literal`, this.cur - 1));
      return;
    }
    // (a non-ASCII character after a number is left to be the next token)
    if (c < 128 && isPotentialIdentifierChar(c)) {
      this.backup(c);
      throw this.errors.syntaxError(`invalid ${kind} literal`);
    }
  }

  private number(start: number, c: number, entry: 'start' | 'fraction'): Token {
    let fraction = entry === 'fraction';
    if (entry === 'start' && c === 48) {
      c = this.nextc();
      if (c === 120 || c === 88) return this.radixNumber(start, 'hexadecimal', isXDigit);
      if (c === 111 || c === 79) return this.radixNumber(start, 'octal', (x) => x >= 48 && x < 56);
      if (c === 98 || c === 66) return this.radixNumber(start, 'binary', (x) => x === 48 || x === 49);
      // maybe old-style octal: only zeros are allowed before a '.', 'e' or 'j'
      let nonzero = false;
      for (;;) {
        if (c === CH_UNDERSCORE) {
          c = this.nextc();
          if (!isDigit(c)) {
            this.backup(c);
            throw this.errors.syntaxError('invalid decimal literal');
          }
        }
        if (c !== 48) break;
        c = this.nextc();
      }
      const zerosEnd = this.cur;
      if (isDigit(c)) {
        nonzero = true;
        c = this.decimalTail();
      }
      if (c === CH_DOT) {
        c = this.nextc();
        fraction = true;
      } else if (c !== 101 && c !== 69 && c !== 106 && c !== 74) {
        if (nonzero) {
          this.backup(c);
          throw this.errors.syntaxErrorRange(
            start + 1 - this.lineStart,
            zerosEnd - this.lineStart,
            'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          );
        }
        this.verifyEndOfNumber(c, 'decimal');
        this.backup(c);
        return this.make(TOKEN.NUMBER, start, this.cur);
      }
    } else if (entry === 'start') {
      c = this.decimalTail();
      if (c === CH_DOT) {
        c = this.nextc();
        fraction = true;
      }
    }
    if (fraction && isDigit(c)) c = this.decimalTail();
    if (c === 101 || c === 69) {
      const e = c;
      c = this.nextc();
      if (c === 43 || c === 45) {
        c = this.nextc();
        if (!isDigit(c)) {
          this.backup(c);
          throw this.errors.syntaxError('invalid decimal literal');
        }
      } else if (!isDigit(c)) {
        this.backup(c);
        this.verifyEndOfNumber(e, 'decimal');
        this.backup(e);
        return this.make(TOKEN.NUMBER, start, this.cur);
      }
      c = this.decimalTail();
    }
    if (c === 106 || c === 74) {
      c = this.nextc();
      this.verifyEndOfNumber(c, 'imaginary');
    } else this.verifyEndOfNumber(c, 'decimal');
    this.backup(c);
    return this.make(TOKEN.NUMBER, start, this.cur);
  }

  /** 0x / 0o / 0b literals (c was the letter) */
  private radixNumber(start: number, kind: 'hexadecimal' | 'octal' | 'binary', ok: (c: number) => boolean): Token {
    let c = this.nextc();
    do {
      if (c === CH_UNDERSCORE) c = this.nextc();
      if (!ok(c)) {
        if (kind !== 'hexadecimal' && isDigit(c)) throw this.errors.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
        this.backup(c);
        throw this.errors.syntaxError(`invalid ${kind} literal`);
      }
      do c = this.nextc();
      while (ok(c));
    } while (c === CH_UNDERSCORE);
    if (kind !== 'hexadecimal' && isDigit(c)) throw this.errors.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
    this.verifyEndOfNumber(c, kind);
    this.backup(c);
    return this.make(TOKEN.NUMBER, start, this.cur);
  }

  // ---- strings ----

  private string(start: number, quote: number): Token {
    let quoteSize = 1;
    let endQuoteSize = 0;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;
    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1;
    }
    if (c !== quote) this.backup(c);
    const src = this.src;
    while (endQuoteSize !== quoteSize) {
      // the string's ordinary characters up to the line's end, read in place
      let i = this.cur;
      const inp = this.inp;
      while (i < inp) {
        const d = src.charCodeAt(i);
        if (d === quote || d === CH_BACKSLASH || d === CH_NL) break;
        i++;
      }
      if (i !== this.cur) {
        this.cur = i;
        endQuoteSize = 0;
      }
      c = this.nextc();
      if (c === EOF || (quoteSize === 1 && c === CH_NL)) {
        const detectedAt = this.lineno;
        this.cur = start + 1;
        this.lineStart = this.multiLineStart;
        this.lineno = this.firstLineno;
        this.recomputeLine();
        if (quoteSize === 3) throw this.errors.syntaxError(`unterminated triple-quoted string literal (detected at line ${detectedAt})`);
        throw this.errors.syntaxError(`unterminated string literal (detected at line ${detectedAt})`);
      }
      if (c === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (c === CH_BACKSLASH) this.nextc();
      }
    }
    return this.make(TOKEN.STRING, start, this.cur);
  }

  /** the current line's end and whether it is all ASCII, from lineStart */
  private recomputeLine(): void {
    const nl = this.src.indexOf('\n', this.lineStart);
    this.inp = nl < 0 ? this.src.length : nl + 1;
    this.lineAscii = true;
    if (this.srcAscii) return;
    for (let i = this.lineStart; i < this.inp; i++) {
      if (this.src.charCodeAt(i) >= 128) {
        this.lineAscii = false;
        break;
      }
    }
  }
}
