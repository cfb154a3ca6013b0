// decode_str (Parser/tokenizer.c) for source given as bytes: newlines translated to '\n', a
// trailing newline added for exec input, the BOM and the PEP 263 cookie of the first two lines read
// with the C tokenizer's rules and messages. Invalid UTF-8 without a cookie is kept as lone
// surrogates U+DC80..U+DCFF (one per byte), so the parser can report it where CPython does: when a
// string literal holding it is decoded.
import { LineDecodeError, lineDecoder } from '../tokenize/detect-encoding.js';
import { utf8Error, utf8ErrorText } from '../tokenize/utf8-decode.js';
import { PySyntaxError } from '../diagnostics/syntax-error.js';

export interface DecodedSource {
  text: string;
  /** CPython knows the encoding (BOM, cookie, or text input): error columns become characters */
  hasEncoding: boolean;
  /**
   * Every character stands for one byte of UTF-8 source (ASCII, or an undecodable byte): the
   * decoded text is as long as the bytes. Columns are then character offsets (the tokenizer need
   * not look for wider characters). False when not known.
   */
  oneBytePerChar: boolean;
}

/** translate_newlines on the bytes: CRLF and CR become LF, and exec input ends in one */
function translateNewlineBytes(b: Uint8Array, execInput: boolean): Uint8Array {
  if (!b.includes(0x0d) && (!execInput || b.length === 0 || b[b.length - 1] === 0x0a)) return b;
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i] !== 0x0d) out.push(b[i]!);
    else if (b[i + 1] !== 0x0a) out.push(0x0a);
  }
  if (execInput && out.length > 0 && out[out.length - 1] !== 0x0a) out.push(0x0a);
  return Uint8Array.from(out);
}

function translateNewlines(s: string, execInput: boolean): string {
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (execInput && !s.endsWith('\n')) s += '\n';
  return s;
}

/** get_normal_name: the spellings of utf-8 and latin-1 the tokenizer knows without a codec */
function normalName(s: string): string {
  const buf = s.slice(0, 12).replace(/_/g, '-').toLowerCase();
  if (buf === 'utf-8' || buf.startsWith('utf-8-')) return 'utf-8';
  if (['latin-1', 'iso-8859-1', 'iso-latin-1'].includes(buf) || buf.startsWith('latin-1-') || buf.startsWith('iso-8859-1-') || buf.startsWith('iso-latin-1-')) return 'iso-8859-1';
  return s;
}

/** get_coding_spec on one line (bytes as Latin-1 text): the cookie, null, or 'stop' for a code line */
function codingSpec(line: string): string | null | 'stop' {
  const size = line.length;
  let i = 0;
  for (; i < size - 6; i++) {
    if (line[i] === '#') break;
    if (line[i] !== ' ' && line[i] !== '\t' && line[i] !== '\f') return isBlankOrComment(line) ? null : 'stop';
  }
  for (; i < size - 6; i++) {
    if (!line.startsWith('coding', i)) continue;
    let t = i + 6;
    if (line[t] !== ':' && line[t] !== '=') continue;
    do t++;
    while (line[t] === ' ' || line[t] === '\t');
    const begin = t;
    while (t < size && /[A-Za-z0-9\-_.]/.test(line[t]!)) t++;
    if (begin < t) return normalName(line.slice(begin, t));
  }
  return isBlankOrComment(line) ? null : 'stop';
}

function isBlankOrComment(line: string): boolean {
  for (const c of line) {
    if (c === '#' || c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '\f') return false;
  }
  return true;
}

function fail(filename: string, msg: string): never {
  throw new PySyntaxError('SyntaxError', msg, filename, 0, -1, null, null, null);
}

/** UTF-8 with each byte of an invalid sequence kept as U+DC80..U+DCFF */
function decodeUtf8Escaping(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (n === 1) {
        out += String.fromCharCode(b);
        i++;
        continue;
      }
      if (n > 0 && i + n <= bytes.length) {
        try {
          out += new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + n));
          i += n;
          continue;
        } catch {
          /* fall through */
        }
      }
      out += String.fromCharCode(0xdc00 + b);
      i++;
    }
    return out;
  }
}

export function decodeSource(source: Uint8Array | string, filename: string, execInput: boolean): DecodedSource {
  if (typeof source === 'string') return { text: translateNewlines(source, execInput), hasEncoding: true, oneBytePerChar: false };
  let bytes = source;
  let bom = false;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    bom = true;
  }
  // the first two lines, as Latin-1 text, for the cookie
  const latin1 = (b: Uint8Array) => String.fromCharCode(...b.subarray(0, 4096));
  const nl1 = bytes.indexOf(0x0a);
  const line1 = latin1(nl1 < 0 ? bytes : bytes.subarray(0, nl1 + 1));
  let spec: string | null | 'stop' = codingSpec(line1);
  if (spec === null && nl1 >= 0) {
    const rest = bytes.subarray(nl1 + 1);
    const nl2 = rest.indexOf(0x0a);
    if (nl2 >= 0 || rest.length) spec = codingSpec(latin1(nl2 < 0 ? rest : rest.subarray(0, nl2 + 1)));
  }
  const cookie = spec === 'stop' ? null : spec;
  let text: string;
  let oneBytePerChar = false;
  if (cookie !== null) {
    if (bom && cookie !== 'utf-8') fail(filename, `encoding problem: ${cookie} with BOM`);
    if (cookie === 'utf-8') {
      // utf-8 is the tokenizer's own encoding: the bytes are used as they are
      text = decodeUtf8Escaping(bytes);
      oneBytePerChar = text.length === bytes.length;
    } else {
      const decode = lineDecoder(cookie);
      if (decode === null) fail(filename, `unknown encoding: ${cookie}`);
      try {
        // decode_str translates the newlines of the bytes before it decodes them: the positions
        // of a decoding error count the translated bytes
        text = decode(translateNewlineBytes(bytes, execInput));
      } catch (e) {
        if (e instanceof LineDecodeError) fail(filename, e.message);
        throw e;
      }
    }
  } else {
    text = decodeUtf8Escaping(bytes);
    oneBytePerChar = text.length === bytes.length;
  }
  // (newline translation keeps it: '\r' and '\n' are ASCII)
  return { text: translateNewlines(text, execInput), hasEncoding: bom || cookie !== null, oneBytePerChar };
}

/** the bytes a decoded text stands for (U+DC80..U+DCFF are the undecodable bytes themselves) */
function sourceBytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else for (const b of new TextEncoder().encode(ch)) out.push(b);
  }
  return out;
}

/** "'utf-8' codec can't decode byte 0x.. in position N: reason" for the bytes of `text` */
export function utf8ErrorMessage(text: string): string | null {
  const b = sourceBytes(text);
  const e = utf8Error(b);
  return e ? utf8ErrorText(b, e) : null;
}

/**
 * The message for a str literal body holding undecodable bytes, decoded as CPython would: `whole`
 * (a raw literal, or a plain one without backslashes), or by its escape decoder, one run of
 * non-ASCII bytes at a time.
 */
export function undecodableLiteralMessage(body: string, whole: boolean): string | null {
  if (!/[\udc80-\udcff]/u.test(body)) return null;
  if (whole) return utf8ErrorMessage(body);
  for (const run of body.match(/[^\x00-\x7f]+/g) ?? []) {
    const m = utf8ErrorMessage(run);
    if (m) return m;
  }
  return null;
}
