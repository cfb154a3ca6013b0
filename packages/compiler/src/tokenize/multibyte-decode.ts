// The multi-byte (CJK) codecs Python has and tspyc does not table, decoded by the WHATWG decoder
// nearest to each: close, not exact (WHATWG's shift_jis is Microsoft's cp932, its big5 has HKSCS,
// its euc-kr is cp949, and each says differently which sequences are bad). Errors name the byte
// where the bad sequence starts, worded as Python's CJK codecs word them.

import { decodeErrorText } from './decode-error-text.js';

const WHATWG_LABELS: Readonly<Record<string, string>> = {
  shift_jis: 'shift_jis',
  cp932: 'shift_jis',
  euc_jp: 'euc-jp',
  iso2022_jp: 'iso-2022-jp',
  gb2312: 'gbk',
  gbk: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  big5hkscs: 'big5',
  cp950: 'big5',
  euc_kr: 'euc-kr',
  cp949: 'euc-kr',
};

/** The decoder of a CJK codec module, or null when WHATWG has none near it. */
export function multibyteDecoder(module: string, fail: (message: string) => Error): ((bytes: Uint8Array) => string) | null {
  const label = WHATWG_LABELS[module];
  if (label === undefined) return null;
  return (b) => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      // again a byte at a time, to find where the sequence that failed began
      const d = new TextDecoder(label, { fatal: true, ignoreBOM: true });
      let start = 0;
      for (let i = 0; i < b.length; i++) {
        try {
          if (d.decode(b.subarray(i, i + 1), { stream: true })) start = i + 1;
        } catch {
          throw fail(decodeErrorText(module, b, start, start + 1, 'illegal multibyte sequence'));
        }
      }
      throw fail(decodeErrorText(module, b, start, b.length, 'incomplete multibyte sequence'));
    }
  };
}
