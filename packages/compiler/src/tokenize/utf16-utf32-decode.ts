// Python's strict UTF-16 and UTF-32 decoders (utf_16, utf_16_le/be, utf_32, utf_32_le/be): a
// cookie naming them makes CPython decode the whole (ASCII) source that way, which fails or makes
// nonsense; these give the same text and the same UnicodeDecodeError messages. Without a BOM the
// utf_16 and utf_32 codecs read little-endian, as on the machines CPython's oracle runs on.

import { decodeErrorText } from './decode-error-text.js';

export type WideDecoder = (bytes: Uint8Array, fail: (message: string) => Error) => string;

/** `width` 2 or 4; `order` 'le', 'be', or null for the BOM-detecting codec */
export function wideDecoder(width: 2 | 4, order: 'le' | 'be' | null): WideDecoder {
  return (b, fail) => {
    let le = order !== 'be';
    let i = 0;
    if (order === null && b.length >= width) {
      const first = unit(b, 0, width, true);
      if (first === 0xfeff) i = width;
      else if (first === (width === 2 ? 0xfffe : 0xfffe0000)) {
        le = false;
        i = width;
      }
    }
    const codec = `utf-${width * 8}-${le ? 'le' : 'be'}`;
    let out = '';
    while (i < b.length) {
      if (b.length - i < width) throw fail(decodeErrorText(codec, b, i, b.length, 'truncated data'));
      const u = unit(b, i, width, le);
      if (width === 4) {
        if (u > 0x10ffff) throw fail(decodeErrorText(codec, b, i, i + 4, 'code point not in range(0x110000)'));
        if (u >= 0xd800 && u < 0xe000) throw fail(decodeErrorText(codec, b, i, i + 4, 'code point in surrogate code point range(0xd800, 0xe000)'));
        out += String.fromCodePoint(u);
        i += 4;
        continue;
      }
      if (u < 0xd800 || u >= 0xe000) {
        out += String.fromCharCode(u);
        i += 2;
      } else if (u >= 0xdc00) {
        throw fail(decodeErrorText(codec, b, i, i + 2, 'illegal encoding'));
      } else if (b.length - i < 4) {
        throw fail(decodeErrorText(codec, b, i, b.length, 'unexpected end of data'));
      } else {
        const low = unit(b, i + 2, 2, le);
        if (low < 0xdc00 || low >= 0xe000) throw fail(decodeErrorText(codec, b, i, i + 2, 'illegal UTF-16 surrogate'));
        out += String.fromCharCode(u, low);
        i += 4;
      }
    }
    return out;
  };
}

function unit(b: Uint8Array, i: number, width: 2 | 4, le: boolean): number {
  let v = 0;
  for (let k = 0; k < width; k++) v = v * 256 + b[le ? i + width - 1 - k : i + k]!;
  return v;
}
