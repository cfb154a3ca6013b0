// PEP 263 / BOM detection and line decoding, as Lib/tokenize.py's detect_encoding (3.11).
import { PyStr, strRepr, targetForVersion } from '@tspyc/bytecode';
import { charmapDecoder } from './charmap-decode.js';
import { lookupCodec } from './codec-lookup.js';
import { decodeErrorText } from './decode-error-text.js';
import { multibyteDecoder } from './multibyte-decode.js';
import { BLANK_RE, COOKIE_RE } from './patterns.js';
import { utf8Error, utf8ErrorText } from './utf8-decode.js';
import { wideDecoder, type WideDecoder } from './utf16-utf32-decode.js';

/** A SyntaxError raised while finding the encoding (message as tokenize.py words it). */
export class EncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** A line that cannot be decoded in the detected encoding (a UnicodeDecodeError in CPython). */
export class LineDecodeError extends Error {
  constructor(
    readonly encoding: string,
    message: string,
    /** the Python exception: a LookupError for a codec that is not a text encoding */
    type = 'UnicodeDecodeError',
  ) {
    super(message);
    this.name = type;
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/** repr() of a file name, as '{!r}' prints it. */
function reprName(name: string): string {
  return strRepr(new PyStr(name), targetForVersion('3.11'));
}

/** _get_normal_name: imitates get_normal_name in tokenizer.c. */
function normalName(orig: string): string {
  const enc = orig.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (enc === 'utf-8' || enc.startsWith('utf-8-')) return 'utf-8';
  if (['latin-1', 'iso-8859-1', 'iso-latin-1'].includes(enc) || ['latin-1-', 'iso-8859-1-', 'iso-latin-1-'].some((p) => enc.startsWith(p))) {
    return 'iso-8859-1';
  }
  return orig;
}

const WIDE_DECODERS: Readonly<Record<string, WideDecoder>> = {
  utf_16: wideDecoder(2, null),
  utf_16_le: wideDecoder(2, 'le'),
  utf_16_be: wideDecoder(2, 'be'),
  utf_32: wideDecoder(4, null),
  utf_32_le: wideDecoder(4, 'le'),
  utf_32_be: wideDecoder(4, 'be'),
};

const latin1Decode = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
};

function asciiDecode(b: Uint8Array): string {
  for (let i = 0; i < b.length; i++) {
    if (b[i]! >= 0x80) throw new LineDecodeError('ascii', decodeErrorText('ascii', b, i, i + 1, 'ordinal not in range(128)'));
  }
  return latin1Decode(b);
}

function utf8Decode(b: Uint8Array, sig: boolean): string {
  const e = utf8Error(b);
  if (e) throw new LineDecodeError('utf-8', utf8ErrorText(b, e));
  if (sig && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
}

/**
 * The strict decoder of a codec name as codecs.lookup finds it, or null when Python has no such
 * codec (LookupError). Decoding errors are LineDecodeErrors worded as Python's.
 */
export function lineDecoder(encoding: string): ((bytes: Uint8Array) => string) | null {
  const codec = lookupCodec(encoding);
  if (codec === null) return null;
  const { module, kind } = codec;
  if (kind === 'binary') {
    return () => {
      throw new LineDecodeError(encoding, `'${encoding}' is not a text encoding; use codecs.decode() to handle arbitrary codecs`, 'LookupError');
    };
  }
  if (kind === 'charmap') return charmapDecoder(module, (message) => new LineDecodeError('charmap', message))!;
  switch (module) {
    case 'utf_8':
    case 'utf_8_sig':
      return (b) => utf8Decode(b, module === 'utf_8_sig');
    case 'latin_1':
    case 'charmap': // charmap_decode without a table is latin-1
      return latin1Decode;
    case 'ascii':
      return asciiDecode;
    case 'undefined':
      return () => {
        throw new LineDecodeError('undefined', "decoding with 'undefined' codec failed (UnicodeError: undefined encoding)", 'UnicodeError');
      };
  }
  const wide = WIDE_DECODERS[module];
  if (wide !== undefined) return (b) => wide(b, (message) => new LineDecodeError(module, message));
  const multibyte = multibyteDecoder(module, (message) => new LineDecodeError(module, message));
  if (multibyte !== null) return multibyte;
  // unicode_escape, raw_unicode_escape, utf_7, idna, punycode, hz, johab, iso2022_kr, the JIS X 0213 codecs…
  return () => {
    throw new LineDecodeError(module, `tspyc has no decoder for the '${module}' codec`, 'NotImplementedError');
  };
}

export interface DetectedEncoding {
  /** the name tokenize.py reports ('utf-8-sig' when a BOM was found) */
  encoding: string;
  /** the lines read to decide (BOM removed), to be tokenized first */
  consumed: Uint8Array[];
}

/** detect_encoding(readline), reading at most the first two lines. */
export function detectEncoding(lines: Uint8Array[], filename: string | null): DetectedEncoding {
  let bomFound = false;
  let def = 'utf-8';
  const findCookie = (line: Uint8Array): string | null => {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(line);
    } catch {
      let msg = 'invalid or missing encoding declaration';
      if (filename !== null) msg = `${msg} for ${reprName(filename)}`;
      throw new EncodingError(msg);
    }
    const m = COOKIE_RE.exec(text);
    if (!m) return null;
    let encoding = normalName(m[1]!);
    if (lineDecoder(encoding) === null) {
      throw new EncodingError(filename === null ? `unknown encoding: ${encoding}` : `unknown encoding for ${reprName(filename)}: ${encoding}`);
    }
    if (bomFound) {
      if (encoding !== 'utf-8') {
        throw new EncodingError(filename === null ? 'encoding problem: utf-8' : `encoding problem for ${reprName(filename)}: utf-8`);
      }
      encoding += '-sig';
    }
    return encoding;
  };

  let first = lines[0] ?? new Uint8Array(0);
  if (first.length >= 3 && first[0] === BOM[0] && first[1] === BOM[1] && first[2] === BOM[2]) {
    bomFound = true;
    first = first.subarray(3);
    def = 'utf-8-sig';
  }
  if (first.length === 0) return { encoding: def, consumed: [] };
  const enc1 = findCookie(first);
  if (enc1) return { encoding: enc1, consumed: [first] };
  if (!BLANK_RE.test(String.fromCharCode(...first.subarray(0, 256)))) return { encoding: def, consumed: [first] };
  const second = lines[1] ?? new Uint8Array(0);
  if (second.length === 0) return { encoding: def, consumed: [first] };
  const enc2 = findCookie(second);
  if (enc2) return { encoding: enc2, consumed: [first, second] };
  return { encoding: def, consumed: [first, second] };
}

/** A binary file's readline: lines end after each b'\n' (a lone '\r' does not end a line). */
export function splitLines(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0x0a) {
      out.push(data.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < data.length) out.push(data.subarray(start));
  return out;
}
