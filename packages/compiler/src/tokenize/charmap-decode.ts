// codecs.charmap_decode(data, 'strict', decoding_table): one character per byte, from the codec's
// 256-character table, where '\ufffe' marks a byte the codec leaves undefined.
import { decodeErrorText } from './decode-error-text.js';
import { CHARMAP_DECODING_TABLES } from './generated/charmap-tables.js';

/**
 * The strict decoder of a charmap module ('cp437', 'mac_roman', …), or null when it has no table.
 * At the first undefined byte it throws `fail` of Python's message.
 */
export function charmapDecoder(module: string, fail: (message: string) => Error): ((bytes: Uint8Array) => string) | null {
  const table = Object.prototype.hasOwnProperty.call(CHARMAP_DECODING_TABLES, module) ? CHARMAP_DECODING_TABLES[module]! : null;
  if (table === null) return null;
  return (bytes) => {
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
      const ch = table[bytes[i]!]!;
      if (ch === '\ufffe') throw fail(decodeErrorText('charmap', bytes, i, i + 1, 'character maps to <undefined>'));
      out += ch;
    }
    return out;
  };
}
