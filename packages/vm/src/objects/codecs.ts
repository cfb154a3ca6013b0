// The codecs str.encode and bytes.decode use: utf-8, ascii and latin-1, with the strict, ignore,
// replace, backslashreplace, xmlcharrefreplace, surrogateescape (PEP 383: undecodable bytes as
// U+DC80..U+DCFF and back) and surrogatepass (utf-8: surrogates as their 3-byte forms) error
// handlers. CPython counterpart: Objects/unicodeobject.c (PyUnicode_DecodeUTF8Stateful,
// unicode_encode_ucs1, PyUnicode_Decode*), Python/codecs.c.
import { utf8SequenceError, utf8SequenceLength } from '@tspyc/bytecode';
import { PyError, raise } from '../errors.js';
import { newStr } from './str.js';
import { PyBytes } from './bytes.js';
import { lookupErrorType, unicodeDecodeErrorType, unicodeEncodeErrorType } from './exception-types.js';
import { newUnicodeError } from './unicode-error.js';
import { registryDecode, registryEncode } from '../modules/codecs-c.js';

type Codec = 'utf-8' | 'ascii' | 'latin-1';

/** The codec for an encoding name (normalised as encodings.normalize_encoding and the aliases do). */
export function codecOf(name: string): Codec {
  return knownCodec(name) ?? raise(lookupErrorType, `unknown encoding: ${name}`);
}

/** The VM's own codec for an encoding name, or null (then str.encode and bytes.decode ask the registry). */
function knownCodec(name: string): Codec | null {
  const n = name.toLowerCase().replace(/[-\s]/g, '_');
  if (n === 'utf_8' || n === 'utf8' || n === 'u8' || n === 'utf') return 'utf-8';
  if (n === 'ascii' || n === 'us_ascii' || n === '646') return 'ascii';
  if (n === 'latin_1' || n === 'latin1' || n === 'iso_8859_1' || n === 'iso8859_1' || n === 'l1' || n === 'latin' || n === '8859' || n === 'cp819') {
    return 'latin-1';
  }
  return null;
}

function unknownHandler(errors: string): never {
  raise(lookupErrorType, `unknown error handler name '${errors}'`);
}

/** A UnicodeDecodeError of `codec` (any codec's name) over `data`. */
export function decodeError(codec: string, data: Uint8Array, start: number, end: number, reason: string): never {
  throw new PyError(newUnicodeError(unicodeDecodeErrorType, codec, new PyBytes(data), start, end, reason));
}

function encodeError(codec: Codec, s: string, start: number, end: number, reason: string): never {
  throw new PyError(newUnicodeError(unicodeEncodeErrorType, codec, newStr(s), start, end, reason));
}


function decodeUtf8(b: Uint8Array, errors: string): string {
  let out = '';
  let i = 0;
  let run = 0;
  const flush = (to: number) => {
    if (to > run) out += new TextDecoder('utf-8').decode(b.subarray(run, to));
  };
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const bad = utf8SequenceError(b, i);
    if (bad === null) {
      i += utf8SequenceLength(c);
      continue;
    }
    flush(i);
    const [len, reason] = bad;
    if (errors === 'strict') decodeError('utf-8', b, i, i + len, reason);
    else if (errors === 'surrogateescape') for (let k = 0; k < len; k++) out += String.fromCharCode(0xdc00 + b[i + k]!);
    else if (errors === 'surrogatepass') {
      // only a surrogate's own 3-byte form passes (ED A0..BF 80..BF); anything else is the error it was
      if (!(b[i] === 0xed && i + 2 < b.length && (b[i + 1]! & 0xe0) === 0xa0 && (b[i + 2]! & 0xc0) === 0x80)) decodeError('utf-8', b, i, i + len, reason);
      out += String.fromCharCode(0xd000 | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f));
      i += 3;
      run = i;
      continue;
    } else if (errors === 'replace') out += '\ufffd';
    else if (errors === 'backslashreplace') for (let k = 0; k < len; k++) out += '\\x' + b[i + k]!.toString(16).padStart(2, '0');
    else if (errors !== 'ignore') unknownHandler(errors);
    i += len;
    run = i;
  }
  flush(b.length);
  return out;
}

export function decodeBytes(b: Uint8Array, encoding: string, errors: string): string {
  const codec = knownCodec(encoding);
  if (codec === null) return registryDecode(b, encoding, errors);
  if (codec === 'utf-8') return decodeUtf8(b, errors);
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 128 || codec === 'latin-1') out += String.fromCharCode(c);
    else if (errors === 'strict' || errors === 'surrogatepass') decodeError(codec, b, i, i + 1, 'ordinal not in range(128)');
    else if (errors === 'surrogateescape') out += String.fromCharCode(0xdc00 + c);
    else if (errors === 'replace') out += '\ufffd';
    else if (errors === 'backslashreplace') out += '\\x' + c.toString(16).padStart(2, '0');
    else if (errors !== 'ignore') unknownHandler(errors);
  }
  return out;
}

function escapeChar(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

export function encodeStr(s: string, encoding: string, errors: string): Uint8Array {
  const codec = knownCodec(encoding);
  if (codec === null) return registryEncode(s, encoding, errors);
  const cps = Array.from(s, (ch) => ch.codePointAt(0)!);
  if (codec === 'utf-8') {
    const bad = cps.findIndex((c) => c >= 0xd800 && c <= 0xdfff);
    if (bad < 0) return new TextEncoder().encode(s);
    if (errors === 'strict') {
      let end = bad + 1;
      while (end < cps.length && cps[end]! >= 0xd800 && cps[end]! <= 0xdfff) end++;
      encodeError('utf-8', s, bad, end, 'surrogates not allowed');
    }
  }
  const limit = codec === 'ascii' ? 128 : codec === 'latin-1' ? 256 : 0x110000;
  const out: number[] = [];
  const text = (t: string) => {
    for (const ch of t) out.push(ch.charCodeAt(0));
  };
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const ok = codec === 'utf-8' ? !(c >= 0xd800 && c <= 0xdfff) : c < limit;
    if (ok) {
      if (codec === 'utf-8') out.push(...new TextEncoder().encode(String.fromCodePoint(c)));
      else out.push(c);
      continue;
    }
    if (errors === 'strict') encodeError(codec, s, i, unencodableEnd(cps, i, codec, limit), encodeReason(codec, limit));
    else if (errors === 'surrogateescape' || errors === 'surrogatepass') {
      // the whole run goes to the handler at once (and an error names it), then the loop goes on after it
      const end = unencodableEnd(cps, i, codec, limit);
      const reason = encodeReason(codec, limit);
      for (let k = i; k < end; k++) {
        const ch = cps[k]!;
        if (errors === 'surrogateescape' && ch >= 0xdc80 && ch <= 0xdcff) out.push(ch - 0xdc00);
        else if (errors === 'surrogatepass' && codec === 'utf-8') out.push(0xe0 | (ch >> 12), 0x80 | ((ch >> 6) & 0x3f), 0x80 | (ch & 0x3f));
        else encodeError(codec, s, i, end, reason);
      }
      i = end - 1;
    } else if (errors === 'replace') out.push(63);
    else if (errors === 'backslashreplace') text(escapeChar(c));
    else if (errors === 'xmlcharrefreplace') text(`&#${c};`);
    else if (errors !== 'ignore') unknownHandler(errors);
  }
  return Uint8Array.from(out);
}

/** the end of the run of characters from `i` the codec cannot encode: what a handler is given */
function unencodableEnd(cps: readonly number[], i: number, codec: Codec, limit: number): number {
  let end = i + 1;
  while (end < cps.length && (codec === 'utf-8' ? cps[end]! >= 0xd800 && cps[end]! <= 0xdfff : cps[end]! >= limit)) end++;
  return end;
}

function encodeReason(codec: Codec, limit: number): string {
  return codec === 'utf-8' ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
}
