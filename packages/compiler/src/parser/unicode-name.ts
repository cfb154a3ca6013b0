// \N{NAME} escapes: a character's Unicode name to its code point. The algorithmic names (CJK
// ideographs, Hangul syllables, ...) are computed; the others come from a generated table.
import { UNICODE_NAMES } from './generated/unicode-names.js';

let table: Map<string, number> | null = null;

const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

function hangul(rest: string): number | null {
  // longest-match decomposition into L V T
  for (let l = 0; l < JAMO_L.length; l++) {
    if (!rest.startsWith(JAMO_L[l]!)) continue;
    const r1 = rest.slice(JAMO_L[l]!.length);
    for (let v = 0; v < JAMO_V.length; v++) {
      if (!r1.startsWith(JAMO_V[v]!)) continue;
      const r2 = r1.slice(JAMO_V[v]!.length);
      const t = JAMO_T.indexOf(r2);
      if (t >= 0) return 0xac00 + (l * 21 + v) * 28 + t;
    }
  }
  return null;
}

const RANGES: [string, number[][]][] = [
  ['CJK UNIFIED IDEOGRAPH-', [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0x20000, 0x2a6df], [0x2a700, 0x2b738], [0x2b740, 0x2b81d], [0x2b820, 0x2cea1], [0x2ceb0, 0x2ebe0], [0x30000, 0x3134a]]],
  ['CJK COMPATIBILITY IDEOGRAPH-', [[0xf900, 0xfaff], [0x2f800, 0x2fa1d]]],
  ['TANGUT IDEOGRAPH-', [[0x17000, 0x187f7], [0x18d00, 0x18d08]]],
  ['KHITAN SMALL SCRIPT CHARACTER-', [[0x18b00, 0x18cd5]]],
  ['NUSHU CHARACTER-', [[0x1b170, 0x1b2fb]]],
];

export function lookupUnicodeName(name: string): number | null {
  const upper = name.toUpperCase();
  if (upper.startsWith('HANGUL SYLLABLE ')) return hangul(upper.slice(16));
  for (const [prefix, ranges] of RANGES) {
    if (!upper.startsWith(prefix)) continue;
    const hex = upper.slice(prefix.length);
    if (!/^[0-9A-F]{4,5}$/.test(hex)) return null;
    const cp = parseInt(hex, 16);
    return ranges.some(([a, b]) => cp >= a! && cp <= b!) ? cp : null;
  }
  if (!table) {
    table = new Map();
    for (const line of UNICODE_NAMES.split('\n')) {
      const tab = line.indexOf('\t');
      table.set(line.slice(0, tab), parseInt(line.slice(tab + 1), 16));
    }
  }
  return table.get(upper) ?? null;
}
