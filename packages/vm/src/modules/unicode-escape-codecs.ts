// The unicode-escape and raw-unicode-escape codecs (pickle's protocol 0 writes str with the raw
// one). Errors are strict only: any other handler raises as strict does.
// CPython counterpart: Objects/unicodeobject.c (PyUnicode_AsUnicodeEscapeString,
// _PyUnicode_DecodeUnicodeEscapeInternal, PyUnicode_AsRawUnicodeEscapeString,
// _PyUnicode_DecodeRawUnicodeEscapeStateful).
import { decodeError } from '../objects/codecs.js';

const hex = (cp: number, width: number) => cp.toString(16).padStart(width, '0');

/** \uXXXX or \UXXXXXXXX for a code point beyond Latin-1 */
function wideEscape(cp: number): string {
  return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** PyUnicode_AsRawUnicodeEscapeString: Latin-1 as itself, the rest as \u / \U escapes. */
export function rawUnicodeEscapeEncode(s: string): Uint8Array {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x100 ? ch : wideEscape(cp);
  }
  return latin1Bytes(out);
}

/** PyUnicode_AsUnicodeEscapeString: printable ASCII as itself, \t \n \r \\ and \x / \u / \U escapes. */
export function unicodeEscapeEncode(s: string): Uint8Array {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x5c) out += '\\\\';
    else if (cp === 9) out += '\\t';
    else if (cp === 10) out += '\\n';
    else if (cp === 13) out += '\\r';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x100) out += `\\x${hex(cp, 2)}`;
    else out += wideEscape(cp);
  }
  return latin1Bytes(out);
}

const hexValue = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);

/** thrown to stop a non-final decode at an escape the input ends inside */
const INCOMPLETE = Symbol('incomplete');

/** `count` hex digits at b[i..]: the code point, or a decode error naming the escape. */
function hexEscape(encoding: string, b: Uint8Array, start: number, i: number, count: number, final: boolean): number {
  let cp = 0;
  const what = count === 2 ? '\\xXX' : count === 4 ? '\\uXXXX' : '\\UXXXXXXXX';
  for (let k = 0; k < count; k++) {
    if (i + k >= b.length && !final) throw INCOMPLETE;
    const d = i + k < b.length ? hexValue(b[i + k]!) : -1;
    if (d < 0) decodeError(encoding, b, start, i + k, `truncated ${what} escape`);
    cp = cp * 16 + d;
  }
  if (cp > 0x10ffff) decodeError(encoding, b, start, i + count, encoding === 'rawunicodeescape' ? '\\Uxxxxxxxx out of range' : 'illegal Unicode character');
  return cp;
}

/** a decode's text and the bytes it used (fewer than all when not final) */
export interface Decoded {
  text: string;
  consumed: number;
  /** the character after the first unknown escape (unicode-escape warns about it), if any */
  invalidEscape?: string;
}

/** Run a decode step by step; a non-final decode ends before an escape the input cuts short. */
function stateful(step: (at: number) => number, out: { s: string }, n: number): Decoded {
  let i = 0;
  while (i < n) {
    const before = out.s.length;
    try {
      i = step(i);
    } catch (e) {
      if (e !== INCOMPLETE) throw e;
      out.s = out.s.slice(0, before);
      return { text: out.s, consumed: i };
    }
  }
  return { text: out.s, consumed: n };
}

/** _PyUnicode_DecodeRawUnicodeEscapeStateful: bytes as Latin-1, except \u and \U after an odd run of backslashes. */
export function rawUnicodeEscapeDecode(b: Uint8Array, final = true): Decoded {
  const o = { s: '' };
  return stateful((i) => {
    const n = b.length;
    if (b[i] !== 0x5c) {
      o.s += String.fromCharCode(b[i]!);
      return i + 1;
    }
    const start = i;
    while (i < n && b[i] === 0x5c) o.s += String.fromCharCode(b[i++]!);
    if (((i - start) & 1) === 0 || i >= n || (b[i] !== 0x75 && b[i] !== 0x55)) return i;
    // the escape's own backslash is not text (a cut-short escape leaves the run before it)
    o.s = o.s.slice(0, -1);
    const count = b[i] === 0x75 ? 4 : 8;
    o.s += String.fromCodePoint(hexEscape('rawunicodeescape', b, i - 1, i + 1, count, final));
    return i + 1 + count;
  }, o, b.length);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '', '\\': '\\', "'": "'", '"': '"', b: '\b', f: '\f', t: '\t', n: '\n', r: '\r', v: '\v', a: '\x07',
};

/**
 * _PyUnicode_DecodeUnicodeEscapeInternal: Python's string-literal escapes over Latin-1 bytes (an
 * unknown escape stays as written). \N{...} needs the Unicode name
 * table, which the VM lacks: every name is unknown.
 */
export function unicodeEscapeDecode(b: Uint8Array, final = true): Decoded {
  const enc = 'unicodeescape';
  const n = b.length;
  const o = { s: '' };
  let invalid: string | undefined;
  const r = stateful((i) => {
    if (b[i] !== 0x5c) {
      o.s += String.fromCharCode(b[i]!);
      return i + 1;
    }
    const start = i++;
    if (i >= n) {
      if (!final) throw INCOMPLETE;
      decodeError(enc, b, start, n, '\\ at end of string');
    }
    const c = String.fromCharCode(b[i++]!);
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) o.s += simple;
    else if (c >= '0' && c <= '7') {
      let v = c.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && i < n && b[i]! >= 48 && b[i]! <= 55; k++) v = v * 8 + (b[i++]! - 48);
      o.s += String.fromCodePoint(v);
    } else if (c === 'x' || c === 'u' || c === 'U') {
      const count = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      o.s += String.fromCodePoint(hexEscape(enc, b, start, i, count, final));
      i += count;
    } else if (c === 'N') {
      // a name in braces (ends where the scan for '}' stopped when malformed)
      let j = i;
      if (b[i] === 0x7b) {
        j = b.indexOf(0x7d, i + 1);
        if (j < 0) j = n;
        else if (j > i + 1) decodeError(enc, b, start, j + 1, 'unknown Unicode character name');
      }
      decodeError(enc, b, start, j, 'malformed \\N character escape');
    } else {
      o.s += '\\' + c;
      invalid ??= c;
    }
    return i;
  }, o, n);
  if (invalid !== undefined) r.invalidEscape = invalid;
  return r;
}
