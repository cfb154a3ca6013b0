// PEP 263 / BOM detection and line decoding, as Lib/tokenize.py's detect_encoding (3.11).
import { PyStr, strRepr, targetForVersion } from '@tspyc/bytecode';
import { BLANK_RE, COOKIE_RE } from './patterns.js';

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
  ) {
    super(message);
    this.name = 'UnicodeDecodeError';
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

/** The decoder for a Python codec name, or null when Python has no such codec (as far as we know). */
export function lineDecoder(encoding: string): ((bytes: Uint8Array) => string) | null {
  const e = encoding.toLowerCase().replace(/_/g, '-');
  // codecs.lookup's normalisation (lower case, runs of other characters to one '_', trimmed),
  // then Python's own aliases of the codecs TextDecoder names differently or not at all
  const py = encoding.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
  if (['utf_8', 'utf8', 'u8', 'utf', 'utf8_ucs2', 'utf8_ucs4', 'cp65001', 'utf_8_sig'].includes(py)) return strictDecoder('utf-8');
  // Python's latin-1 is ISO-8859-1 proper; the WHATWG label maps to windows-1252 instead.
  if (['iso_8859_1', 'latin_1', 'latin1', 'l1', 'iso8859_1', '8859', 'cp819', 'latin', 'iso8859', 'iso_8859_1_1987', 'iso_ir_100', 'csisolatin1', 'ibm819'].includes(py)) {
    return (b) => {
      let s = '';
      for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
      return s;
    };
  }
  if (['ascii', 'us_ascii', '646', 'us', 'cp367', 'csascii', 'ibm367', 'iso646_us', 'iso_ir_6', 'ansi_x3.4_1968', 'ansi_x3_4_1968', 'ansi_x3.4_1986'].includes(py)) {
    return (b) => {
      for (let i = 0; i < b.length; i++) {
        if (b[i]! >= 0x80) throw new LineDecodeError('ascii', `'ascii' codec can't decode byte 0x${b[i]!.toString(16)} in position ${i}: ordinal not in range(128)`);
      }
      return String.fromCharCode(...b);
    };
  }
  try {
    return strictDecoder(e);
  } catch {
    return null;
  }
}

function strictDecoder(label: string): (bytes: Uint8Array) => string {
  const d = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  return (b) => {
    try {
      return d.decode(b);
    } catch {
      throw new LineDecodeError(label, `'${label}' codec can't decode the line`);
    }
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
