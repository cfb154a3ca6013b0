// Lib/tokenize.py's tokenize() and _tokenize() of 3.11: the pure-Python tokenizer behind
// `python -m tokenize`, which differs from the C tokenizer the parser uses (../tokenizer/):
// it yields ENCODING, COMMENT and NL tokens, ERRORTOKEN for what it cannot match, and its own
// errors (TokenError, IndentationError).
import { detectEncoding, lineDecoder, splitLines } from './detect-encoding.js';
import { EXACT_TOKEN_TYPES, TOKEN } from './generated/token311.js';
import { endProg, pseudoToken, SINGLE_QUOTED, TRIPLE_QUOTED } from './patterns.js';

export interface TokenInfo {
  type: number;
  string: string;
  /** (row, column): 1-based row, column in code points */
  start: [number, number];
  end: [number, number];
  line: string;
}

/** TokenInfo.exact_type: the operator's own number for OP tokens. */
export function exactType(tok: TokenInfo): number {
  return tok.type === TOKEN.OP ? EXACT_TOKEN_TYPES[tok.string] ?? tok.type : tok.type;
}

/** tokenize.TokenError: EOF inside a multi-line string or statement. */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly position: [number, number],
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

/** The IndentationError tokenize.py raises for a dedent to no outer level. */
export class TokenizeIndentationError extends Error {
  constructor(
    message: string,
    readonly lineno: number,
    readonly offset: number,
    readonly text: string,
  ) {
    super(message);
    this.name = 'IndentationError';
  }
}

const TABSIZE = 8;
const SURROGATE = /[\ud800-\udfff]/;
const IDENTIFIER_START = /^[\p{XID_Start}_]$/u;

/** Column in code points of the UTF-16 index `i` (they differ only after astral characters). */
function col(line: string, i: number, astral: boolean): number {
  if (!astral) return i;
  let n = 0;
  for (let k = 0; k < i; k++) {
    const u = line.charCodeAt(k);
    if (!(u >= 0xdc00 && u < 0xe000 && k > 0 && line.charCodeAt(k - 1) >= 0xd800 && line.charCodeAt(k - 1) < 0xdc00)) n++;
  }
  return n;
}

/** len(line) in code points. */
function cpLength(line: string): number {
  return SURROGATE.test(line) ? col(line, line.length, true) : line.length;
}

/**
 * tokenize(readline) over a file's bytes: the ENCODING token, then the tokens. Throws
 * EncodingError, LineDecodeError, TokenError or TokenizeIndentationError as CPython raises them.
 */
export function tokenizeBytes(data: Uint8Array, filename: string | null): TokenInfo[] {
  const raw = splitLines(data);
  const { encoding, consumed } = detectEncoding(raw, filename);
  const rest = raw.slice(Math.min(raw.length, consumed.length));
  const decode = lineDecoder(encoding)!;
  const lines = [...consumed, ...rest];
  let i = 0;
  return tokenizeLines(() => (i < lines.length ? decode(lines[i++]!) : ''), encoding);
}

/**
 * _tokenize(readline, encoding): `readline` returns '' at the end. Tokens are appended to `out`
 * as they are found, so a caller that streams (as tokenize.py does on stdin) keeps the tokens
 * produced before an error.
 */
export function tokenizeLines(readline: () => string, encoding: string | null, out: TokenInfo[] = []): TokenInfo[] {
  let lnum = 0;
  let parenlev = 0;
  let continued = false;
  let contstr = '';
  let needcont = false;
  let contline = '';
  let strstart: [number, number] = [0, 0];
  let endprog: RegExp | undefined;
  const indents = [0];

  if (encoding !== null) {
    out.push({ type: TOKEN.ENCODING, string: encoding === 'utf-8-sig' ? 'utf-8' : encoding, start: [0, 0], end: [0, 0], line: '' });
  }
  let lastLine = '';
  let line = '';
  for (;;) {
    lastLine = line;
    line = readline();
    lnum++;
    let pos = 0;
    const max = line.length;
    const astral = SURROGATE.test(line);

    if (contstr) {
      if (!line) throw new TokenError('EOF in multi-line string', strstart);
      endprog!.lastIndex = 0;
      const endmatch = endprog!.exec(line);
      if (endmatch) {
        const end = endmatch[0].length;
        pos = end;
        out.push({ type: TOKEN.STRING, string: contstr + line.slice(0, end), start: strstart, end: [lnum, col(line, end, astral)], line: contline + line });
        contstr = '';
        needcont = false;
        contline = '';
      } else if (needcont && !line.endsWith('\\\n') && !line.endsWith('\\\r\n')) {
        out.push({ type: TOKEN.ERRORTOKEN, string: contstr + line, start: strstart, end: [lnum, cpLength(line)], line: contline });
        contstr = '';
        contline = '';
        continue;
      } else {
        contstr += line;
        contline += line;
        continue;
      }
    } else if (parenlev === 0 && !continued) {
      if (!line) break;
      let column = 0;
      while (pos < max) {
        const c = line[pos];
        if (c === ' ') column++;
        else if (c === '\t') column = (Math.floor(column / TABSIZE) + 1) * TABSIZE;
        else if (c === '\f') column = 0;
        else break;
        pos++;
      }
      if (pos === max) break;

      const c = line[pos]!;
      if (c === '#' || c === '\r' || c === '\n') {
        if (c === '#') {
          const commentToken = line.slice(pos).replace(/[\r\n]+$/, '');
          const p = col(line, pos, astral);
          out.push({ type: TOKEN.COMMENT, string: commentToken, start: [lnum, p], end: [lnum, p + cpLength(commentToken)], line });
          pos += commentToken.length;
        }
        out.push({ type: TOKEN.NL, string: line.slice(pos), start: [lnum, col(line, pos, astral)], end: [lnum, cpLength(line)], line });
        continue;
      }

      if (column > indents[indents.length - 1]!) {
        indents.push(column);
        out.push({ type: TOKEN.INDENT, string: line.slice(0, pos), start: [lnum, 0], end: [lnum, pos], line });
      }
      while (column < indents[indents.length - 1]!) {
        if (!indents.includes(column)) {
          throw new TokenizeIndentationError('unindent does not match any outer indentation level', lnum, pos, line);
        }
        indents.pop();
        out.push({ type: TOKEN.DEDENT, string: '', start: [lnum, pos], end: [lnum, pos], line });
      }
    } else {
      if (!line) throw new TokenError('EOF in multi-line statement', [lnum, 0]);
      continued = false;
    }

    while (pos < max) {
      pseudoToken.lastIndex = pos;
      const pseudomatch = pseudoToken.exec(line);
      if (pseudomatch) {
        const start = pos + pseudomatch[0].length - pseudomatch[1]!.length;
        const end = pos + pseudomatch[0].length;
        const spos: [number, number] = [lnum, col(line, start, astral)];
        const epos: [number, number] = [lnum, col(line, end, astral)];
        pos = end;
        if (start === end) continue;
        let token = line.slice(start, end);
        const initial = line[start]!;

        if ((initial >= '0' && initial <= '9') || (initial === '.' && token !== '.' && token !== '...')) {
          out.push({ type: TOKEN.NUMBER, string: token, start: spos, end: epos, line });
        } else if (initial === '\r' || initial === '\n') {
          out.push({ type: parenlev > 0 ? TOKEN.NL : TOKEN.NEWLINE, string: token, start: spos, end: epos, line });
        } else if (initial === '#') {
          out.push({ type: TOKEN.COMMENT, string: token, start: spos, end: epos, line });
        } else if (TRIPLE_QUOTED.has(token)) {
          endprog = endProg(token)!;
          endprog.lastIndex = pos;
          const endmatch = endprog.exec(line);
          if (endmatch) {
            pos = pos + endmatch[0].length;
            token = line.slice(start, pos);
            out.push({ type: TOKEN.STRING, string: token, start: spos, end: [lnum, col(line, pos, astral)], line });
          } else {
            strstart = [lnum, col(line, start, astral)];
            contstr = line.slice(start);
            contline = line;
            break;
          }
        } else if (SINGLE_QUOTED.has(initial) || SINGLE_QUOTED.has(token.slice(0, 2)) || SINGLE_QUOTED.has(token.slice(0, 3))) {
          if (token[token.length - 1] === '\n') {
            strstart = [lnum, col(line, start, astral)];
            endprog = endProg(initial) ?? endProg(token[1]!) ?? endProg(token[2]!);
            contstr = line.slice(start);
            needcont = true;
            contline = line;
            break;
          } else {
            out.push({ type: TOKEN.STRING, string: token, start: spos, end: epos, line });
          }
        } else if (IDENTIFIER_START.test(String.fromCodePoint(token.codePointAt(0)!))) {
          out.push({ type: TOKEN.NAME, string: token, start: spos, end: epos, line });
        } else if (initial === '\\') {
          continued = true;
        } else {
          if ('([{'.includes(initial)) parenlev++;
          else if (')]}'.includes(initial)) parenlev--;
          out.push({ type: TOKEN.OP, string: token, start: spos, end: epos, line });
        }
      } else {
        const ch = String.fromCodePoint(line.codePointAt(pos)!);
        const p = col(line, pos, astral);
        out.push({ type: TOKEN.ERRORTOKEN, string: ch, start: [lnum, p], end: [lnum, p + 1], line });
        pos += ch.length;
      }
    }
  }

  if (lastLine && !'\r\n'.includes(lastLine[lastLine.length - 1]!) && !lastLine.trim().startsWith('#')) {
    const n = cpLength(lastLine);
    out.push({ type: TOKEN.NEWLINE, string: '', start: [lnum - 1, n], end: [lnum - 1, n + 1], line: '' });
  }
  for (let k = 1; k < indents.length; k++) out.push({ type: TOKEN.DEDENT, string: '', start: [lnum, 0], end: [lnum, 0], line: '' });
  out.push({ type: TOKEN.ENDMARKER, string: '', start: [lnum, 0], end: [lnum, 0], line: '' });
  return out;
}
