// codecs.charmap_decode(data, 'strict', decoding_table): one character per byte, from the codec's
// 256-character table, where '\ufffe' marks a byte the codec leaves undefined.
import { CHARMAP_DECODING_TABLES } from './generated/charmap-tables.js';

/** The UnicodeDecodeError message of charmap_decode for the byte at `position`. */
export function charmapErrorMessage(byte: number, position: number): string {
  return `'charmap' codec can't decode byte 0x${byte.toString(16).padStart(2, '0')} in position ${position}: character maps to <undefined>`;
}

/**
 * The strict decoder of a charmap module ('cp437', 'mac_roman', …), or null when it has no table.
 * It throws `onError(byte, position)` at the first undefined byte.
 */
export function charmapDecoder(module: string, onError: (byte: number, position: number) => Error): ((bytes: Uint8Array) => string) | null {
  const table = Object.prototype.hasOwnProperty.call(CHARMAP_DECODING_TABLES, module) ? CHARMAP_DECODING_TABLES[module]! : null;
  if (table === null) return null;
  return (bytes) => {
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
      const ch = table[bytes[i]!]!;
      if (ch === '\ufffe') throw onError(bytes[i]!, i);
      out += ch;
    }
    return out;
  };
}
