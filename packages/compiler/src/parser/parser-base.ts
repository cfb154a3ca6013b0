// The runtime under the generated parser (CPython's Parser/pegen.c and pegen_errors.c): the token
// buffer filled on demand from the tokenizer, memo table, lookahead helpers, and the error raisers
// the grammar's actions call. Syntax errors are thrown as PySyntaxError and end the parse.
import { PySyntaxError, type SyntaxErrorType } from '../diagnostics/syntax-error.js';
import { TOKEN } from '../tokenize/generated/token311.js';
import { Token } from '../tokenizer/token.js';
import { Tokenizer } from '../tokenizer/tokenizer.js';
import { codePointLength, TokenizerDone } from '../tokenizer/tokenizer-errors.js';
import * as A from '../ast/generated/factory311.js';
import type { expr, Name } from '../ast/generated/nodes311.js';
import { acquireMemoTable, releaseMemoTable, type MemoTable } from './memo-table.js';
import { acquireTokenBuffer, releaseTokenBuffer, type TokenBuffer } from './token-buffer.js';
import { parseNumber } from './number.js';
import { getExprName, getInvalidTarget, type TargetsType } from './action-helpers.js';

/** RAISE_ERROR_KNOWN_LOCATION's "the tokenizer's current position" */
export const CURRENT_POS = -5;

export type StartRule = 'file' | 'eval' | 'single' | 'func_type' | 'fstring';

export interface ParserOptions {
  filename: string;
  startRule: StartRule;
  typeComments: boolean;
  /** convert byte columns of errors to characters (CPython: the tokenizer knows the encoding) */
  charOffsets: boolean;
  /** for f-string expressions: where the expression starts in the enclosing file */
  startingLineno?: number | undefined;
  startingColOffset?: number | undefined;
  /** compile-time warnings (PyErr_WarnExplicit); without a handler they are dropped */
  onWarning?: ((w: CompileWarning) => void) | undefined;
  /** the text of the file `filename` names (ParseOptions.programText); undefined: the source is that file */
  programText?: (() => string | null) | undefined;
}

export interface CompileWarning {
  category: 'DeprecationWarning' | 'SyntaxWarning';
  message: string;
  filename: string;
  lineno: number;
  /** the SyntaxError CPython raises in its place when the warnings filters make the warning an error */
  error: PySyntaxError;
}

export abstract class ParserBase {
  private buffer: TokenBuffer = acquireTokenBuffer();
  /** the tokens read: the first `fill` entries (the rest are spare Token objects, see token-buffer.ts) */
  tokens: Token[] = this.buffer.tokens;
  /** the types of the tokens read (tokens[i].type) */
  private types: Int32Array = this.buffer.types;
  fill = 0;
  mark = 0;
  callInvalidRules = false;
  readonly typeIgnores: { lineno: number; tag: string }[] = [];
  knownErrToken: Token | null = null;
  private parsingStarted = false;
  /** memo slots per token (the generated parser's memoised rules) */
  protected abstract readonly memoSlots: number;
  /** the token type of a hard keyword, 0 for other names */
  protected abstract keywordType(name: string): number;
  protected abstract readonly softKeywords: readonly string[];

  private readonly singleInput: boolean;

  constructor(
    readonly tok: Tokenizer,
    readonly options: ParserOptions,
  ) {
    this.singleInput = options.startRule === 'single';
  }

  // ---- tokens ----

  /** _PyPegen_fill_token: read one more token (skipping and recording `# type: ignore`) */
  fillToken(): void {
    const t = this.buffer.slot(this.fill);
    this.types = this.buffer.types;
    try {
      this.tok.nextInto(t);
      while (t.type === TOKEN.TYPE_IGNORE) {
        this.typeIgnores.push({ lineno: this.tok.lastTypeIgnoreLineno, tag: t.string });
        this.tok.nextInto(t);
      }
    } catch (e) {
      if (e instanceof TokenizerDone) {
        // CPython keeps the ERRORTOKEN (without a position) before reporting
        setToken(t, TOKEN.ERRORTOKEN, '', this.tok.lineno, -1, this.tok.lineno, -1, this.tok.level);
        this.types[this.fill++] = t.type;
        throw this.tokenizerError(e.done, e.detail);
      }
      throw e;
    }
    if (t.type === TOKEN.NAME) {
      const kw = this.keywordType(t.string);
      if (kw !== 0) t.type = kw;
    }
    // single input: the end of the source first reads as one more NEWLINE (ending a compound statement)
    if (this.singleInput && t.type === TOKEN.ENDMARKER && this.parsingStarted) {
      t.type = TOKEN.NEWLINE;
      this.parsingStarted = false;
    } else this.parsingStarted = true;
    const sl = this.options.startingLineno;
    if (sl !== undefined && this.tok.lineno === sl) {
      const shift = this.options.startingColOffset!;
      t.col_offset += shift;
      t.end_col_offset += shift;
    }
    this.types[this.fill++] = t.type;
  }

  tokenAt(i: number): Token {
    while (i >= this.fill) this.fillToken();
    return this.tokens[i]!;
  }

  /** the type of the token at the mark */
  peekType(): number {
    if (this.mark === this.fill) this.fillToken();
    return this.types[this.mark]!;
  }

  expectToken(type: number): Token | null {
    const mark = this.mark;
    if (mark === this.fill) this.fillToken();
    if (this.types[mark] !== type) return null;
    this.mark = mark + 1;
    return this.tokens[mark]!;
  }

  /** expectToken for a token whose value no action takes */
  expectType(type: number): boolean {
    const mark = this.mark;
    if (mark === this.fill) this.fillToken();
    if (this.types[mark] !== type) return false;
    this.mark = mark + 1;
    return true;
  }

  expectForcedToken(type: number, expected: string): Token {
    if (this.mark === this.fill) this.fillToken();
    const t = this.tokens[this.mark]!;
    if (t.type !== type) throw this.raiseSyntaxErrorKnownLocation(t, `expected '${expected}'`);
    this.mark++;
    return t;
  }

  expectForcedResult<T>(result: T | null, expected: string): T {
    if (result === null) throw this.raiseSyntaxError(`expected (${expected})`);
    return result;
  }

  expectSoftKeyword(keyword: string): Name | null {
    if (this.mark === this.fill) this.fillToken();
    const t = this.tokens[this.mark]!;
    if (t.type !== TOKEN.NAME || t.string !== keyword) return null;
    this.mark++;
    return this.nameFromToken(t);
  }

  nameFromToken(t: Token): Name {
    return A.Name(newIdentifier(t.string), A.Load, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  nameToken(): Name | null {
    const t = this.expectToken(TOKEN.NAME);
    if (t === null) return null;
    // pegen makes a new node each time; backtracking asks again for the same token, and one node
    // per token is enough (a token appears once in a tree; contexts are set on copies)
    return (t.node ??= this.nameFromToken(t)) as Name;
  }

  /**
   * The NAME or NUMBER token at the mark as its atom, moving past it, when the token after it is
   * not in `cont` (the tokens that could continue it, see tools/gen-parser/lone-operand.ts); else
   * null, the mark unmoved. The full descent to atom reads the same two tokens and gives the
   * same node.
   */
  loneAtom(cont: Uint8Array): expr | null {
    const mark = this.mark;
    if (mark + 1 === this.fill) this.fillToken();
    if (cont[this.types[mark + 1]!] !== 0) return null;
    const t = this.tokens[mark]!;
    this.mark = mark + 1;
    return t.type === TOKEN.NAME ? ((t.node ??= this.nameFromToken(t)) as Name) : this.numberNode(t);
  }

  softKeywordToken(): Name | null {
    if (this.mark === this.fill) this.fillToken();
    const t = this.tokens[this.mark]!;
    // CPython compares only the token's length of each soft keyword (strncmp), so any prefix of
    // one ("m", "ca", ...) counts as a soft keyword here
    if (t.type !== TOKEN.NAME || !this.softKeywords.some((k) => k.startsWith(t.string))) return null;
    this.mark++;
    return this.nameFromToken(t);
  }

  numberToken(): expr | null {
    const t = this.expectToken(TOKEN.NUMBER);
    if (t === null) return null;
    return this.numberNode(t);
  }

  private numberNode(t: Token): expr {
    if (t.node !== null) return t.node as expr;
    const value = parseNumber(t.string.includes('_') ? t.string.replace(/_/g, '') : t.string);
    return (t.node = A.Constant(value, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset));
  }

  stringToken(): Token | null {
    return this.expectToken(TOKEN.STRING);
  }

  /** &item: restore the position, succeed when the item matched */
  positive(mark: number, value: unknown): boolean {
    this.mark = mark;
    return value !== null;
  }

  /** !item */
  negative(mark: number, value: unknown): boolean {
    this.mark = mark;
    return value === null;
  }

  lastNonWhitespaceToken(): Token {
    // (the types array, not the Token objects: most calls look at one token)
    const types = this.types;
    let m = this.mark - 1;
    for (; m > 0; m--) {
      const type = types[m]!;
      if (type !== TOKEN.ENDMARKER && (type < TOKEN.NEWLINE || type > TOKEN.DEDENT)) break;
    }
    return this.tokens[m < 0 ? 0 : m]!;
  }

  // ---- memo ----

  // ---- memo (see memo-table.ts) ----

  private memo: MemoTable | null = null;
  private memoValues: unknown[] = [];

  /** the rule's memoised result at the mark (moving the mark past it), or undefined when none */
  memoLookup(slot: number): unknown {
    const memo = this.memo;
    if (memo === null) return undefined;
    const i = this.mark * this.memoSlots + slot;
    if (i >= memo.used) return undefined;
    const entries = memo.entries;
    const e = entries[2 * i]!;
    if (e === 0) return undefined;
    if (e === 1) return null;
    this.mark = e - 2;
    return this.memoValues[entries[2 * i + 1]!];
  }

  memoize(mark: number, slot: number, value: unknown, end: number): void {
    const i = this.memoEntry(mark, slot);
    const entries = this.memo!.entries;
    // (an action may give null after consuming tokens: that end is kept, as pegen keeps it)
    if (value === null && end === mark) entries[2 * i] = 1;
    else {
      entries[2 * i] = end + 2;
      // the rules of one chain (disjunction ... primary) memoise the same node one after another
      const values = this.memoValues;
      const last = values.length - 1;
      if (last >= 0 && values[last] === value) entries[2 * i + 1] = last;
      else {
        entries[2 * i + 1] = last + 1;
        values.push(value);
      }
    }
  }

  /** memoize a failure at `mark` */
  memoizeFailure(mark: number, slot: number): void {
    const i = this.memoEntry(mark, slot);
    this.memo!.entries[2 * i] = 1;
  }

  /** the memo entry of a rule at a token, the table made and grown to hold it */
  private memoEntry(mark: number, slot: number): number {
    const memo = this.memo ?? (this.memo = acquireMemoTable());
    const i = mark * this.memoSlots + slot;
    if (i >= memo.used) {
      if (i >= memo.size) memo.grow(i + 1);
      memo.used = i + 1;
    }
    return i;
  }

  resetForErrorPass(): void {
    this.memo?.clear();
    this.memoValues = [];
    this.mark = 0;
    this.callInvalidRules = true;
  }

  /** give the memo and token buffer back for the next parse (the parser cannot continue afterwards) */
  releaseBuffers(): void {
    if (this.memo !== null) releaseMemoTable(this.memo);
    this.memo = null;
    this.memoValues = [];
    releaseTokenBuffer(this.buffer, this.fill);
    this.tokens = [];
    this.fill = 0;
  }

  /** a warning about token `t` (made an error, it is RAISE_SYNTAX_ERROR_KNOWN_TOKEN(t)) */
  warn(category: CompileWarning['category'], message: string, t: Token): void {
    const onWarning = this.options.onWarning;
    // (not in the second pass, for the invalid_* rules: the first pass warned already)
    if (!onWarning || this.callInvalidRules) return;
    const error = this.raiseErrorKnownLocationRaw('SyntaxError', t.lineno, t.col_offset + 1, t.end_lineno, t.end_col_offset + 1, message);
    onWarning({ category, message, filename: this.options.filename, lineno: t.lineno, error });
  }

  // ---- errors (pegen_errors.c) ----

  /** line `lineno` of the file the source is named after, with its newline; null without such a file or line */
  private fileLine(lineno: number): string | null {
    const programText = this.options.programText;
    const text = programText === undefined ? this.tok.src : programText();
    if (text === null || lineno < 1) return null;
    let start = 0;
    for (let l = 1; l < lineno; l++) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) return null;
      start = nl + 1;
    }
    if (start >= text.length) return null;
    const nl = text.indexOf('\n', start);
    return text.slice(start, nl < 0 ? text.length : nl + 1);
  }

  /** the text of source line `lineno` (1-based), without its newline */
  sourceLine(lineno: number): string {
    const src = this.tok.src;
    const start = this.lineStartOf(lineno);
    if (start < 0) return '';
    const nl = src.indexOf('\n', start);
    return src.slice(start, nl < 0 ? src.length : nl);
  }

  /** where source line `lineno` (1-based) starts, or -1 past the end */
  private lineStartOf(lineno: number): number {
    const src = this.tok.src;
    let start = 0;
    for (let l = 1; l < lineno; l++) {
      const nl = src.indexOf('\n', start);
      if (nl < 0) return -1;
      start = nl + 1;
    }
    return start;
  }

  /** _PyPegen_raise_error_known_location: columns here are 1-based byte offsets (or CURRENT_POS) */
  raiseErrorKnownLocationRaw(type: SyntaxErrorType, lineno: number, colOffset: number, endLineno: number, endColOffset: number, msg: string): PySyntaxError {
    if (endLineno === CURRENT_POS) endLineno = this.tok.lineno;
    if (endColOffset === CURRENT_POS) endColOffset = this.tok.byteCol(this.tok.cur);
    if (this.options.startRule === 'fstring') {
      msg = `f-string: ${msg}`;
      colOffset -= this.options.startingColOffset ?? 0;
      endColOffset -= this.options.startingColOffset ?? 0;
      // CPython cannot place an error that falls before the expression's own text: it reports 0
      if (colOffset < 0) colOffset = 0;
      if (endColOffset < 0) endColOffset = 0;
    }
    const line = this.errorLine(lineno);
    let col = colOffset;
    let endCol = endColOffset;
    if (this.options.charOffsets) {
      col = byteOffsetToCharOffset(line, colOffset);
      if (endCol > 0) endCol = byteOffsetToCharOffset(line, endCol);
    }
    // (bytes that are not UTF-8 are kept as lone low surrogates; the text decodes them with 'replace')
    const text = line.replace(/(?<![\ud800-\udbff])[\udc80-\udcff]/g, '\ufffd');
    return new PySyntaxError(type, msg, this.options.filename, lineno, col, text, endLineno, endCol);
  }

  /**
   * The text of a parser error (_PyPegen_raise_error_known_location). Exec input named after a
   * file quotes that file's line. Otherwise (source text, as compile() of a string): an error at
   * or after the tokenizer's current line quotes the tokenizer's buffer: that line with its newline
   * (exec input always ends in one; eval and single input may not), from the first line of a token
   * read across lines up to it (the buffer moves on only between tokens). An earlier line is cut
   * from the source without its newline (get_error_line_from_tokenizer_buffers).
   */
  protected errorLine(lineno: number): string {
    if (this.options.startRule === 'file') {
      // exec input: the line is read back from the file (_PyErr_ProgramDecodedTextObject)
      const line = this.fileLine(lineno);
      if (line !== null) return line;
    }
    const sl = this.options.startingLineno;
    const own = (l: number) => (sl !== undefined ? l - sl + 1 : l);
    const current = this.tok.lineno;
    if (lineno < current || current === 0) return this.sourceLine(own(lineno));
    let first = current;
    for (let i = this.fill - 1; i >= 0 && this.tokens[i]!.end_lineno === current; i--) first = Math.min(first, this.tokens[i]!.lineno);
    const src = this.tok.src;
    const from = this.lineStartOf(own(first));
    const last = this.lineStartOf(own(current));
    if (from < 0 || last < 0) return this.sourceLine(own(lineno));
    const nl = src.indexOf('\n', last);
    return src.slice(from, nl < 0 ? src.length : nl + 1);
  }

  /** RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns */
  raiseErrorKnownLocation(type: SyntaxErrorType, lineno: number, col: number, endLineno: number, endCol: number, msg: string, ...args: unknown[]): never {
    throw this.raiseErrorKnownLocationRaw(type, lineno, col === CURRENT_POS ? CURRENT_POS : col + 1, endLineno, endCol === CURRENT_POS ? CURRENT_POS : endCol + 1, format(msg, args));
  }

  /** _PyPegen_raise_error: at the last token read (or the token at the mark) */
  raiseError(type: SyntaxErrorType, useMark: boolean, msg: string): PySyntaxError {
    if (this.fill === 0) return this.raiseErrorKnownLocationRaw(type, 0, 0, 0, -1, msg);
    if (useMark && this.mark === this.fill) this.fillToken();
    const t = this.knownErrToken ?? this.tokens[useMark ? this.mark : this.fill - 1]!;
    let col: number;
    if (t.col_offset === -1) {
      col = this.tok.cur === this.tok.lineStart ? 0 : this.tok.byteCol(this.tok.cur);
    } else col = t.col_offset + 1;
    const endCol = t.end_col_offset !== -1 ? t.end_col_offset + 1 : -1;
    return this.raiseErrorKnownLocationRaw(type, t.lineno, col, t.end_lineno, endCol, msg);
  }

  raiseSyntaxError(msg: string, ...args: unknown[]): never {
    throw this.raiseError('SyntaxError', false, format(msg, args));
  }

  raiseIndentationError(msg: string, ...args: unknown[]): never {
    throw this.raiseError('IndentationError', false, format(msg, args));
  }

  raiseSyntaxErrorKnownLocation(a: Located, msg: string, ...args: unknown[]): never {
    this.raiseErrorKnownLocation('SyntaxError', a.lineno, a.col_offset, a.end_lineno!, a.end_col_offset!, msg, ...args);
  }

  raiseSyntaxErrorKnownRange(a: Located, b: Located, msg: string, ...args: unknown[]): never {
    this.raiseErrorKnownLocation('SyntaxError', a.lineno, a.col_offset, b.end_lineno!, b.end_col_offset!, msg, ...args);
  }

  /** RAISE_SYNTAX_ERROR_INVALID_TARGET: null (the alternative fails) when no part is invalid */
  raiseSyntaxErrorInvalidTarget(type: TargetsType, e: expr | null): null {
    const invalid = getInvalidTarget(e, type);
    if (invalid === null) return null;
    const msg = type === 'DEL_TARGETS' ? 'cannot delete %s' : 'cannot assign to %s';
    this.raiseSyntaxErrorKnownLocation(invalid, msg, getExprName(invalid));
  }

  raiseSyntaxErrorStartingFrom(a: Located, msg: string, ...args: unknown[]): never {
    this.raiseErrorKnownLocation('SyntaxError', a.lineno, a.col_offset, CURRENT_POS, CURRENT_POS, msg, ...args);
  }

  /** tokenizer_error(p): the messages for the tokenizer's `done` codes */
  tokenizerError(done: number, detail = ''): PySyntaxError {
    switch (done) {
      case 22: // E_DECODE: _Pypegen_raise_decode_error
        return this.raiseError('SyntaxError', false, `(unicode error) ${detail}`);
      case 11: // E_EOF
        if (this.tok.level) return this.unclosedParenthesesError();
        return this.raiseError('SyntaxError', false, 'unexpected EOF while parsing');
      case 21: // E_DEDENT
        return this.raiseError('IndentationError', false, 'unindent does not match any outer indentation level');
      case 18: // E_TABSPACE
        return this.raiseErrorKnownLocationRaw('TabError', this.tok.lineno, 1, this.tok.lineno, 0, 'inconsistent use of tabs and spaces in indentation');
      case 20: // E_TOODEEP
        return this.raiseErrorKnownLocationRaw('IndentationError', this.tok.lineno, 1, this.tok.lineno, 0, 'too many levels of indentation');
      case 25: {
        // E_LINECONT
        const col = this.tok.byteCol(this.tok.cur) - 1;
        return this.raiseErrorKnownLocationRaw('SyntaxError', this.tok.lineno, col + 1, this.tok.lineno, 0, 'unexpected character after line continuation character');
      }
      default:
        return this.raiseErrorKnownLocationRaw('SyntaxError', this.tok.lineno, 1, this.tok.lineno, 0, 'unknown parsing error');
    }
  }

  unclosedParenthesesError(): PySyntaxError {
    const level = this.tok.level - 1;
    const lineno = this.tok.parenLineno[level]!;
    const line = this.sourceLine(lineno);
    const colChars = this.tok.parenCol[level]!;
    const byteCol = utf8Length(line.slice(0, colChars));
    const ch = String.fromCharCode(this.tok.parenStack[level]!);
    return this.raiseErrorKnownLocationRaw('SyntaxError', lineno, byteCol + 1, lineno, 0, `'${ch}' was never closed`);
  }
}

function setToken(t: Token, type: number, string: string, lineno: number, col: number, endLineno: number, endCol: number, level: number): void {
  t.type = type;
  t.string = string;
  t.lineno = lineno;
  t.col_offset = col;
  t.end_lineno = endLineno;
  t.end_col_offset = endCol;
  t.level = level;
  t.node = null;
}

export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

/** PyUnicode_FromFormat for the few conversions the grammar uses */
function format(msg: string, args: unknown[]): string {
  let i = 0;
  return msg.replace(/%[sdUc]/g, () => String(args[i++]));
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xdc80 && c <= 0xdcff) n += 1; // an undecodable source byte
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** _PyPegen_byte_offset_to_character_offset: characters in the first `col` bytes of `line` */
export function byteOffsetToCharOffset(line: string, col: number): number {
  const bytes = new TextEncoder().encode(line);
  if (col > bytes.length + 1) col = bytes.length + 1;
  if (col <= bytes.length) return codePointLength(new TextDecoder('utf-8').decode(bytes.subarray(0, col)));
  return codePointLength(line) + (col - bytes.length);
}

/** _PyPegen_new_identifier: identifiers are NFKC-normalised */
export function newIdentifier(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return s.normalize('NFKC');
  return s;
}
