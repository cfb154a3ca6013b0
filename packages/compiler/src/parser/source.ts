// decode_str (Parser/tokenizer.c) for source given as bytes: newlines translated to '\n', a
// trailing newline added for exec input, then the BOM or PEP 263 cookie of the first two lines
// chosen as the encoding. Text input is taken as already decoded (compile(str)).
import { detectEncoding, EncodingError, lineDecoder, splitLines } from '../tokenize/detect-encoding.js';
import { PySyntaxError } from '../diagnostics/syntax-error.js';

export interface DecodedSource {
  text: string;
  /** CPython knows the encoding (BOM, cookie, or text input): error columns become characters */
  hasEncoding: boolean;
}

function translateNewlines(s: string, execInput: boolean): string {
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (execInput && !s.endsWith('\n')) s += '\n';
  return s;
}

export function decodeSource(source: Uint8Array | string, filename: string, execInput: boolean): DecodedSource {
  if (typeof source === 'string') return { text: translateNewlines(source, execInput), hasEncoding: true };
  let encoding: string;
  let hasEncoding = false;
  try {
    const d = detectEncoding(splitLines(source).slice(0, 2), null);
    encoding = d.encoding;
    hasEncoding = d.encoding !== 'utf-8' || d.consumed.some((l) => /coding[:=]/.test(new TextDecoder('latin1').decode(l)));
  } catch (e) {
    if (e instanceof EncodingError) throw new PySyntaxError('SyntaxError', e.message, filename, 0, -1, null, 0, 0);
    throw e;
  }
  let bytes = source;
  if (encoding === 'utf-8-sig') {
    bytes = source.subarray(3);
    hasEncoding = true;
    encoding = 'utf-8';
  }
  let text: string;
  const decode = lineDecoder(encoding);
  try {
    text = decode ? decode(bytes) : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PySyntaxError('SyntaxError', `(unicode error) '${encoding.replace('-', '')}' codec can't decode source`, filename, 0, -1, null, 0, 0);
  }
  return { text: translateNewlines(text, execInput), hasEncoding };
}
