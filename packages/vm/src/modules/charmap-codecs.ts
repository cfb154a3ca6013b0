// The charmap codec functions of _codecs, on which Lib/encodings' single-byte codecs (cp437,
// cp1252, koi8_r, mac_roman, …) are built: charmap_build turns a 256-character decoding table
// into an encoding map, charmap_decode and charmap_encode translate through a table or a mapping.
// An undefined byte or character goes to the error handler the errors argument names.
// CPython counterpart: Objects/unicodeobject.c (PyUnicode_DecodeCharmap,
// PyUnicode_BuildEncodingMap, _PyUnicode_EncodeCharmap, unicode_decode_call_errorhandler).
import { PyError, raise } from '../errors.js';
import { PyBytes } from '../objects/bytes.js';
import { PyDict } from '../objects/dict.js';
import { unicodeDecodeErrorType, unicodeEncodeErrorType, lookupErrorType, typeErrorType } from '../objects/exception-types.js';
import { intFromNumber, intNumber, PyInt } from '../objects/int.js';
import { None, type PyObject } from '../objects/object.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyTuple } from '../objects/tuple.js';
import { newUnicodeError } from '../objects/unicode-error.js';
import { callObject } from '../protocols/call.js';
import { getItem } from '../protocols/sequence.js';
import { isInstance } from '../builtins/introspection.js';

/** _codecs' error-handler registry, by name */
export type ErrorHandlers = (name: string) => PyObject | undefined;

/** charmap_build(decoding_table): the map from each character of the table to its byte ('\ufffe' is undefined). */
export function charmapBuild(table: string): PyDict {
  const map = new PyDict();
  const chars = Array.from(table);
  for (let b = 0; b < chars.length && b < 256; b++) {
    const ch = chars[b]!;
    if (ch !== '\ufffe') map.set(intFromNumber(ch.codePointAt(0)!), intFromNumber(b));
  }
  return map;
}

/** The handler's (replacement, resume position) for an error over `obj` in [start, end); an encoding handler may give bytes. */
function callHandler(handlers: ErrorHandlers, errors: string, decode: boolean, obj: PyObject, start: number, end: number, reason: string): [string | Uint8Array, number] {
  const exc = newUnicodeError(decode ? unicodeDecodeErrorType : unicodeEncodeErrorType, 'charmap', obj, start, end, reason);
  if (errors === 'strict') throw new PyError(exc);
  const handler = handlers(errors) ?? raise(lookupErrorType, `unknown error handler name '${errors}'`);
  const r = callObject(handler, [exc], null);
  const items = r instanceof PyTuple && r.items.length === 2 ? r.items : null;
  const replacement = items?.[0];
  const resume = items?.[1];
  if (!(replacement instanceof PyStr || (!decode && replacement instanceof PyBytes)) || !(resume instanceof PyInt)) {
    raise(typeErrorType, decode ? 'decoding error handler must return (str, int) tuple' : 'encoding error handler must return (str/bytes, int) tuple');
  }
  const length = decode ? (obj as PyBytes).value.length : Array.from((obj as PyStr).value).length;
  let pos = intNumber(resume);
  if (pos < 0) pos += length;
  if (pos < 0 || pos > length) raise(typeErrorType, `position ${pos} from error handler out of bounds`);
  return [replacement.value, pos];
}

/** charmap_decode(data, errors, mapping): each byte through a decoding table (str) or a mapping; None: latin-1. */
export function charmapDecode(data: Uint8Array, errors: string, mapping: PyObject, handlers: ErrorHandlers): string {
  const table = mapping instanceof PyStr ? Array.from(mapping.value) : null;
  let out = '';
  for (let i = 0; i < data.length; ) {
    const b = data[i]!;
    let ch: string | null;
    if (mapping === None) ch = String.fromCharCode(b);
    else if (table !== null) ch = b < table.length && table[b] !== '\ufffe' ? table[b]! : null;
    else ch = lookupDecoded(mapping, b);
    if (ch !== null) {
      out += ch;
      i++;
      continue;
    }
    const [text, pos] = callHandler(handlers, errors, true, new PyBytes(data), i, i + 1, 'character maps to <undefined>');
    out += text as string;
    i = pos;
  }
  return out;
}

/** mapping[n], or None for a missing key (a LookupError): undefined either way */
function mapped(mapping: PyObject, n: number): PyObject {
  try {
    return getItem(mapping, intFromNumber(n));
  } catch (e) {
    if (e instanceof PyError && isInstance(e.exc, lookupErrorType)) return None;
    throw e;
  }
}

/** mapping[byte] for decoding: a str, a code point, or undefined (None, a missing key, '\ufffe') */
function lookupDecoded(mapping: PyObject, b: number): string | null {
  const v = mapped(mapping, b);
  if (v === None) return null;
  if (v instanceof PyInt) {
    const cp = intNumber(v);
    if (cp < 0 || cp > 0x10ffff) raise(typeErrorType, 'character mapping must be in range(0x110000)');
    return cp === 0xfffe ? null : String.fromCodePoint(cp);
  }
  if (v instanceof PyStr) return v.value === '\ufffe' ? null : v.value;
  raise(typeErrorType, 'character mapping must return integer, None or str');
}

/** charmap_encode(str, errors, mapping): each character through a mapping to a byte (int) or bytes; None: latin-1. */
export function charmapEncode(s: string, errors: string, mapping: PyObject, handlers: ErrorHandlers): Uint8Array {
  const chars = Array.from(s);
  const out: number[] = [];
  const put = (cp: number): boolean => {
    if (mapping === None) {
      if (cp > 0xff) return false;
      out.push(cp);
      return true;
    }
    const v = mapped(mapping, cp);
    if (v === None) return false;
    if (v instanceof PyInt) {
      const n = intNumber(v);
      if (n < 0 || n > 255) raise(typeErrorType, 'character mapping must be in range(256)');
      out.push(n);
    } else if (v instanceof PyBytes) out.push(...v.value);
    else raise(typeErrorType, 'character mapping must return integer, bytes or None, not ' + v.type.name);
    return true;
  };
  for (let i = 0; i < chars.length; ) {
    if (put(chars[i]!.codePointAt(0)!)) {
      i++;
      continue;
    }
    // the handler gets the whole run of characters the mapping cannot take
    let end = i + 1;
    while (end < chars.length && !encodable(chars[end]!.codePointAt(0)!, mapping)) end++;
    const [text, pos] = callHandler(handlers, errors, false, newStr(s), i, end, 'character maps to <undefined>');
    if (text instanceof Uint8Array) out.push(...text);
    else for (const ch of text) {
      if (!put(ch.codePointAt(0)!)) throw new PyError(newUnicodeError(unicodeEncodeErrorType, 'charmap', newStr(s), i, end, 'character maps to <undefined>'));
    }
    i = pos;
  }
  return Uint8Array.from(out);
}

function encodable(cp: number, mapping: PyObject): boolean {
  return mapping === None ? cp <= 0xff : mapped(mapping, cp) !== None;
}
