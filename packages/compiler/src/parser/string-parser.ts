// String literals (CPython's Parser/string_parser.c, 3.11): prefixes, escape decoding, implicit
// concatenation, and f-strings parsed into JoinedStr / FormattedValue with 3.11's node positions
// (every literal piece and FormattedValue spans the whole concatenation; the expression inside is
// parsed by a sub-parser whose first line is shifted to the expression's column).
import { PyBytes, PyStr } from '@tspyc/bytecode';
import * as A from '../ast/generated/factory311.js';
import type * as N from '../ast/generated/nodes311.js';
import type { Token } from '../tokenizer/token.js';
import type { ParserBase } from './parser-base.js';
import { utf8Length } from './parser-base.js';
import { lookupUnicodeName } from './unicode-name.js';
import { undecodableLiteralMessage } from './source.js';

type P = ParserBase;

/** parses an f-string expression's text (set by the parser entry point, which owns the parser class) */
export type FstringExprCompiler = (p: P, text: string, t: Token, lines: number, cols: number) => N.expr;
let compileExpr: FstringExprCompiler | null = null;
export function setFstringExprCompiler(f: FstringExprCompiler): void {
  compileExpr = f;
}

interface Parsed {
  bytesmode: boolean;
  rawmode: boolean;
  /** for plain literals: the value (the str's text, or the bytes) */
  value: string | Uint8Array | null;
  /** for f-strings: the body (between the quotes) and its offset in the token text */
  fstr: string | null;
  fstrOffset: number;
  cps: number[] | null;
}

function parsestr(p: P, t: Token): Parsed {
  const s = t.string;
  let i = 0;
  let bytesmode = false;
  let rawmode = false;
  let fmode = false;
  for (;;) {
    const c = s[i];
    if (c === 'b' || c === 'B') bytesmode = true;
    else if (c === 'u' || c === 'U') {
      /* no effect */
    } else if (c === 'r' || c === 'R') rawmode = true;
    else if (c === 'f' || c === 'F') fmode = true;
    else break;
    i++;
  }
  const quote = s[i]!;
  let start = i + 1;
  let end = s.length - 1;
  if (end - start >= 4 && s[start] === quote && s[start + 1] === quote) {
    start += 2;
    end -= 2;
  }
  const body = s.slice(start, end);
  if (fmode) return { bytesmode, rawmode, value: null, fstr: body, fstrOffset: start, cps: null };
  rawmode ||= !body.includes('\\');
  if (bytesmode) {
    for (let k = 0; k < body.length; k++) {
      if (body.charCodeAt(k) >= 0x80) p.raiseSyntaxErrorKnownLocation(t, 'bytes can only contain ASCII literal characters');
    }
    const bytes = rawmode ? latin1(body) : decodeBytesWithEscapes(p, body, t);
    return { bytesmode, rawmode, value: bytes, fstr: null, fstrOffset: 0, cps: null };
  }
  const undecodable = bytesmode ? null : undecodableLiteralMessage(body, rawmode || !body.includes('\\'));
  if (undecodable) p.raiseSyntaxError(`(unicode error) ${undecodable}`);
  if (rawmode) return { bytesmode, rawmode, value: body, fstr: null, fstrOffset: 0, cps: null };
  const text = decodeUnicodeWithEscapes(p, body, t);
  return { bytesmode, rawmode, value: text, fstr: null, fstrOffset: 0, cps: lastDecodedCps };
}

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** the codec error CPython reports as "(unicode error) 'unicodeescape' codec can't decode ..." */
function unicodeError(p: P, codec: string, s: string, from: number, to: number, reason: string): never {
  // positions are byte positions in the (UTF-8) literal body
  const a = utf8Length(s.slice(0, from));
  const b = utf8Length(s.slice(0, to)) - 1;
  const where = a === b ? `byte 0x${s.charCodeAt(from).toString(16).padStart(2, '0')} in position ${a}` : `bytes in position ${a}-${b}`;
  p.raiseSyntaxError(`(unicode error) '${codec}' codec can't decode ${where}: ${reason}`);
}

/**
 * A decoded str whose escapes produced surrogate code points keeps them as a list of code points:
 * a JS string cannot tell "\\ud834\\udd20" (two code points in Python) from one astral character.
 */
let lastDecodedCps: number[] | null = null;

function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/**
 * What follows the backslash of the last decode's first invalid escape, for the warning: the
 * character of an unknown escape, or the three digits of an octal escape above 0o377.
 */
let firstInvalidEscape: string | null = null;

/** warn_invalid_escape_sequence */
function warnInvalidEscape(p: P, t: Token): void {
  const e = firstInvalidEscape;
  firstInvalidEscape = null;
  if (e === null) return;
  // (an unknown escape is never a digit 4-7: those begin octal escapes)
  const octal = e.charCodeAt(0) >= 0x34 && e.charCodeAt(0) <= 0x37;
  p.warn('DeprecationWarning', octal ? `invalid octal escape sequence '\\${e}'` : `invalid escape sequence '\\${e}'`, t);
}

export function decodeUnicodeWithEscapes(p: P, s: string, t: Token): string {
  lastDecodedCps = null;
  firstInvalidEscape = null;
  const text = decodeEscapes(p, s, t, null);
  warnInvalidEscape(p, t);
  if (/[\ud800-\udfff]/.test(text) && /\\[uU]/.test(s)) {
    const cps: number[] = [];
    decodeEscapes(p, s, t, cps);
    lastDecodedCps = cps;
  }
  return text;
}

function decodeEscapes(p: P, s: string, _t: Token, cps: number[] | null): string {
  let out = '';
  const emit = (x: string, cp?: number) => {
    out += x;
    if (cps) {
      if (cp !== undefined) cps.push(cp);
      else for (const ch of x) cps.push(ch.codePointAt(0)!);
    }
  };
  let i = 0;
  while (i < s.length) {
    const j = s.indexOf('\\', i);
    if (j < 0) {
      emit(s.slice(i));
      break;
    }
    emit(s.slice(i, j));
    i = j + 1;
    if (i >= s.length) {
      // only an f-string's literal part can end in a lone backslash (before "{"): it stays
      emit('\\');
      break;
    }
    const c = s[i++]!;
    if (c === '\n') continue;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      emit(simple);
      continue;
    }
    if (c >= '0' && c <= '7') {
      let v = c.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && i < s.length && s[i]! >= '0' && s[i]! <= '7'; k++) v = v * 8 + (s.charCodeAt(i++) - 48);
      // above 0o377 (three digits, the first 4-7): still decoded, but an invalid escape
      if (v > 0o377 && firstInvalidEscape === null) firstInvalidEscape = s.slice(i - 3, i);
      emit(String.fromCodePoint(v), v);
      continue;
    }
    if (c === 'x' || c === 'u' || c === 'U') {
      const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      let k = 0;
      while (k < n && isHex(s[i + k])) k++;
      if (k < n) unicodeError(p, 'unicodeescape', s, j, i + k, `truncated \\${c}${c === 'x' ? 'XX' : c === 'u' ? 'XXXX' : 'XXXXXXXX'} escape`);
      const v = parseInt(s.slice(i, i + n), 16);
      if (v > 0x10ffff) unicodeError(p, 'unicodeescape', s, j, i + n, 'illegal Unicode character');
      i += n;
      emit(String.fromCodePoint(v), v);
      continue;
    }
    if (c === 'N') {
      if (s[i] === '{') {
        const close = s.indexOf('}', i + 1);
        if (close > i + 1) {
          const cp = lookupUnicodeName(s.slice(i + 1, close));
          if (cp !== null) {
            emit(String.fromCodePoint(cp), cp);
            i = close + 1;
            continue;
          }
          unicodeError(p, 'unicodeescape', s, j, close + 1, 'unknown Unicode character name');
        }
        // no closing brace: the decoder has scanned to the end of the text for one
        unicodeError(p, 'unicodeescape', s, j, close < 0 ? s.length : i + 1, 'malformed \\N character escape');
      }
      unicodeError(p, 'unicodeescape', s, j, i, 'malformed \\N character escape');
    }
    // an unknown escape keeps its backslash (and CPython warns about the first ASCII one: a
    // backslash before a non-ASCII character is rewritten to a plain backslash before decoding)
    if (firstInvalidEscape === null && c.charCodeAt(0) < 0x80) firstInvalidEscape = c;
    emit('\\' + c);
  }
  return out;
}

export function decodeBytesWithEscapes(p: P, s: string, t: Token): Uint8Array {
  firstInvalidEscape = null;
  const out = decodeBytes(p, s);
  warnInvalidEscape(p, t);
  return out;
}

function decodeBytes(p: P, s: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i++]!;
    if (ch !== '\\') {
      out.push(ch.charCodeAt(0));
      continue;
    }
    if (i >= s.length) p.raiseSyntaxError('(value error) Trailing \\ in string');
    const c = s[i++]!;
    if (c === '\n') continue;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out.push(simple.charCodeAt(0));
      continue;
    }
    if (c >= '0' && c <= '7') {
      let v = c.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && i < s.length && s[i]! >= '0' && s[i]! <= '7'; k++) v = v * 8 + (s.charCodeAt(i++) - 48);
      if (v > 0o377 && firstInvalidEscape === null) firstInvalidEscape = s.slice(i - 3, i);
      out.push(v & 0xff);
      continue;
    }
    if (c === 'x') {
      if (isHex(s[i]) && isHex(s[i + 1])) {
        out.push(parseInt(s.slice(i, i + 2), 16));
        i += 2;
        continue;
      }
      p.raiseSyntaxError(`(value error) invalid \\x escape at position ${i - 2}`);
    }
    if (firstInvalidEscape === null) firstInvalidEscape = c;
    out.push(92, c.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

/** FstringParser: the pieces of a (possibly concatenated) string being built */
class FstringState {
  lastStr: string | null = null;
  /** lastStr as code points, once a piece with split surrogates joined it */
  lastCps: number[] | null = null;
  readonly exprs: N.expr[] = [];
  fmode = false;

  concat(s: string, cps: number[] | null = null): void {
    if (s.length === 0) return;
    if (cps || this.lastCps) this.lastCps = [...(this.lastCps ?? codePointsOf(this.lastStr ?? '')), ...(cps ?? codePointsOf(s))];
    this.lastStr = this.lastStr === null ? s : this.lastStr + s;
  }
}

/** UTF-8 with surrogates encoded as themselves (Python's "surrogatepass") */
function utf8Surrogatepass(cps: number[]): Uint8Array {
  const out: number[] = [];
  for (const c of cps) {
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/** a PyStr; with split surrogate pairs, their exact code points travel in `utf8` */
export function makePyStr(s: string, cps: number[] | null): PyStr {
  if (cps) {
    for (let i = 0; i + 1 < cps.length; i++) {
      if (cps[i]! >= 0xd800 && cps[i]! <= 0xdbff && cps[i + 1]! >= 0xdc00 && cps[i + 1]! <= 0xdfff) return new PyStr(s, false, false, utf8Surrogatepass(cps));
    }
  }
  return new PyStr(s);
}

function makeStrNode(state: FstringState, first: Token, last: Token): N.Constant {
  const s = state.lastStr!;
  const cps = state.lastCps;
  state.lastStr = null;
  state.lastCps = null;
  const kind = first.string[0] === 'u' ? 'u' : null;
  return A.Constant(makePyStr(s, cps), kind, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
}

function finish(state: FstringState, first: Token, last: Token): N.expr {
  if (!state.fmode) {
    if (state.lastStr === null) state.lastStr = '';
    return makeStrNode(state, first, last);
  }
  if (state.lastStr !== null) state.exprs.push(makeStrNode(state, first, last));
  return A.JoinedStr(state.exprs, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
}

/** cursor over an f-string body; `base` is the body's offset in the token's text */
interface Cursor {
  s: string;
  pos: number;
  end: number;
  base: number;
}

function concatFstring(p: P, state: FstringState, cur: Cursor, raw: boolean, recurseLvl: number, first: Token, t: Token, last: Token): void {
  state.fmode = true;
  for (;;) {
    const r = findLiteralAndExpr(p, cur, raw, recurseLvl, first, t, last);
    if (r.literal !== null) state.concat(r.literal, r.literalCps ?? null);
    if (r.exprText !== null) state.concat(r.exprText);
    if (r.more) continue;
    if (r.expression === null) break;
    if (state.lastStr !== null) state.exprs.push(makeStrNode(state, first, last));
    state.exprs.push(r.expression);
  }
  if (recurseLvl === 0 && cur.pos < cur.end - 1) p.raiseSyntaxError('f-string: unexpected end of string');
  if (recurseLvl !== 0 && cur.s[cur.pos] !== '}') p.raiseSyntaxError("f-string: expecting '}'");
}

interface Found {
  literal: string | null;
  literalCps?: number[] | null;
  exprText: string | null;
  expression: N.expr | null;
  more: boolean;
}

function findLiteralAndExpr(p: P, cur: Cursor, raw: boolean, recurseLvl: number, first: Token, t: Token, last: Token): Found {
  const found: Found = { literal: null, exprText: null, expression: null, more: false };
  const more = findLiteral(p, cur, raw, recurseLvl, t, found);
  if (more) {
    found.more = true;
    return found;
  }
  if (cur.pos >= cur.end || cur.s[cur.pos] === '}') return found;
  findExpr(p, cur, raw, recurseLvl, first, t, last, found);
  return found;
}

function findLiteral(p: P, cur: Cursor, raw: boolean, recurseLvl: number, t: Token, found: Found): boolean {
  const { s, end } = cur;
  let i = cur.pos;
  const literalStart = i;
  let result = false;
  let stop = i;
  scan: {
    while (i < end) {
      let ch = s[i++]!;
      if (!raw && ch === '\\' && i < end) {
        ch = s[i++]!;
        if (ch === '{') p.warn('DeprecationWarning', "invalid escape sequence '\\{'", t);
        if (ch === 'N') {
          if (i < end && s[i++] === '{') {
            while (i < end && s[i++] !== '}') {
              /* skip the name */
            }
            continue;
          }
          continue;
        }
      }
      if (ch === '{' || ch === '}') {
        if (recurseLvl === 0) {
          if (i < end && s[i] === ch) {
            cur.pos = i + 1;
            stop = i;
            result = true;
            break scan;
          }
          if (ch === '}') {
            cur.pos = i - 1;
            p.raiseSyntaxError("f-string: single '}' is not allowed");
          }
        }
        i--;
        break;
      }
    }
    cur.pos = i;
    stop = i;
  }
  if (literalStart !== stop) {
    const text = s.slice(literalStart, stop);
    // an f-string's literal parts always go through the escape decoder unless raw
    const undecodable = undecodableLiteralMessage(text, raw);
    if (undecodable) p.raiseSyntaxError(`(unicode error) ${undecodable}`);
    found.literal = raw ? text : decodeUnicodeWithEscapes(p, text, t);
    found.literalCps = raw ? null : lastDecodedCps;
  }
  return result;
}

function findExpr(p: P, cur: Cursor, raw: boolean, recurseLvl: number, first: Token, t: Token, last: Token, found: Found): void {
  const { s, end } = cur;
  let quoteChar = '';
  let stringType = 0;
  let nestedDepth = 0;
  const parenstack: string[] = [];
  if (recurseLvl >= 2) p.raiseSyntaxError('f-string: expressions nested too deeply');
  cur.pos++;
  const exprStart = cur.pos;
  for (; cur.pos < end; cur.pos++) {
    const ch = s[cur.pos]!;
    if (ch === '\\') p.raiseSyntaxError('f-string expression part cannot include a backslash');
    if (quoteChar) {
      if (ch === quoteChar) {
        if (stringType === 3) {
          if (cur.pos + 2 < end && s[cur.pos + 1] === ch && s[cur.pos + 2] === ch) {
            cur.pos += 2;
            stringType = 0;
            quoteChar = '';
            continue;
          }
        } else {
          quoteChar = '';
          stringType = 0;
          continue;
        }
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      if (cur.pos + 2 < end && s[cur.pos + 1] === ch && s[cur.pos + 2] === ch) {
        stringType = 3;
        cur.pos += 2;
      } else stringType = 1;
      quoteChar = ch;
    } else if (ch === '[' || ch === '{' || ch === '(') {
      if (nestedDepth >= 200) p.raiseSyntaxError('f-string: too many nested parenthesis');
      parenstack[nestedDepth++] = ch;
    } else if (ch === '#') {
      p.raiseSyntaxError("f-string expression part cannot include '#'");
    } else if (nestedDepth === 0 && (ch === '!' || ch === ':' || ch === '}' || ch === '=' || ch === '>' || ch === '<')) {
      if (cur.pos + 1 < end) {
        const next = s[cur.pos + 1];
        if ((ch === '!' && next === '=') || (ch === '=' && next === '=') || (ch === '<' && next === '=') || (ch === '>' && next === '=')) {
          cur.pos++;
          continue;
        }
      }
      if (ch === '>' || ch === '<') continue;
      break;
    } else if (ch === ']' || ch === '}' || ch === ')') {
      if (!nestedDepth) p.raiseSyntaxError(`f-string: unmatched '${ch}'`);
      nestedDepth--;
      const opening = parenstack[nestedDepth];
      if (!((opening === '(' && ch === ')') || (opening === '[' && ch === ']') || (opening === '{' && ch === '}'))) {
        p.raiseSyntaxError(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`);
      }
    }
  }
  const exprEnd = cur.pos;
  if (quoteChar) p.raiseSyntaxError('f-string: unterminated string');
  if (nestedDepth) p.raiseSyntaxError(`f-string: unmatched '${parenstack[nestedDepth - 1]}'`);
  const unexpectedEnd = (): never => p.raiseSyntaxError("f-string: expecting '}'");
  if (cur.pos >= end) unexpectedEnd();
  const simple = compileFstringExpr(p, cur, exprStart, exprEnd, t);
  let exprText: string | null = null;
  if (s[cur.pos] === '=') {
    cur.pos++;
    while (cur.pos < end && ' \t\n\r\f\v'.includes(s[cur.pos]!)) cur.pos++;
    if (cur.pos >= end) unexpectedEnd();
    exprText = s.slice(exprStart, cur.pos);
  }
  let conversion = -1;
  if (s[cur.pos] === '!') {
    cur.pos++;
    if (cur.pos >= end) unexpectedEnd();
    conversion = s.charCodeAt(cur.pos);
    cur.pos++;
    if (!(conversion === 115 || conversion === 114 || conversion === 97)) {
      p.raiseSyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  let formatSpec: N.expr | null = null;
  if (cur.pos >= end) unexpectedEnd();
  if (s[cur.pos] === ':') {
    cur.pos++;
    if (cur.pos >= end) unexpectedEnd();
    const state = new FstringState();
    concatFstring(p, state, cur, raw, recurseLvl + 1, first, t, last);
    formatSpec = finish(state, t, t);
  }
  if (cur.pos >= end || s[cur.pos] !== '}') unexpectedEnd();
  cur.pos++;
  if (exprText !== null && formatSpec === null && conversion === -1) conversion = 114;
  found.exprText = exprText;
  found.expression = A.FormattedValue(simple, conversion, formatSpec, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
}

function compileFstringExpr(p: P, cur: Cursor, exprStart: number, exprEnd: number, t: Token): N.expr {
  const s = cur.s;
  let k = exprStart;
  for (; k < exprEnd; k++) {
    const c = s[k];
    if (!(c === ' ' || c === '\t' || c === '\n' || c === '\f')) break;
  }
  if (k === exprEnd) {
    const e = s[exprEnd];
    if (e === '!' || e === ':' || e === '=') p.raiseSyntaxError(`f-string: expression required before '${e}'`);
    p.raiseSyntaxError('f-string: empty expression not allowed');
  }
  // fstring_find_expr_location: lines before the '{' in the token, and the column shift
  const brace = cur.base + exprStart - 1; // index of '{' in the token text
  const parent = t.string;
  let newlineAfterBrace = true;
  for (let q = brace + 1; q < parent.length && parent[q] !== '}' && parent[q] !== '\n'; q++) {
    const c = parent[q];
    if (c !== ' ' && c !== '\t' && c !== '\f') {
      newlineAfterBrace = false;
      break;
    }
  }
  let cols = 0;
  if (!newlineAfterBrace) {
    let st = brace;
    while (st > 0 && parent[st] !== '\n') st--;
    cols += utf8Length(parent.slice(st, brace));
    if (parent[st] === '\n') cols -= 1;
  }
  let lines = 0;
  for (let q = 0; q < brace; q++) if (parent.charCodeAt(q) === 10) lines++;
  if (!compileExpr) throw new Error('f-string expression compiler not set');
  return compileExpr(p, s.slice(exprStart, exprEnd), t, lines, cols);
}

/** _PyPegen_concatenate_strings */
export function concatenateStrings(p: P, tokens: Token[]): N.expr {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  // (parsed once: parsing may warn)
  const r0 = parsestr(p, first);
  // most literals are one plain str: its Constant straight away, without the f-string machinery
  if (tokens.length === 1 && typeof r0.value === 'string') {
    const kind = first.string.charCodeAt(0) === 117 /* u */ ? 'u' : null;
    return A.Constant(makePyStr(r0.value, r0.cps), kind, first.lineno, first.col_offset, first.end_lineno, first.end_col_offset);
  }
  let bytesmode = false;
  let bytes: Uint8Array[] = [];
  const state = new FstringState();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const r = i === 0 ? r0 : parsestr(p, t);
    if (i !== 0 && bytesmode !== r.bytesmode) p.raiseSyntaxError('cannot mix bytes and nonbytes literals');
    bytesmode = r.bytesmode;
    if (r.fstr !== null) {
      concatFstring(p, state, { s: r.fstr, pos: 0, end: r.fstr.length, base: r.fstrOffset }, r.rawmode, 0, first, t, last);
    } else if (bytesmode) bytes.push(r.value as Uint8Array);
    else state.concat(r.value as string, r.cps);
  }
  if (bytesmode) {
    const total = bytes.reduce((n, b) => n + b.length, 0);
    const out = new Uint8Array(total);
    let o = 0;
    for (const b of bytes) {
      out.set(b, o);
      o += b.length;
    }
    bytes = [];
    return A.Constant(new PyBytes(out), null, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
  }
  return finish(state, first, last);
}
