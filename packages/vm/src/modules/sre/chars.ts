// Character predicates and case mappings of the SRE engine, per code point.
// CPython counterpart: Modules/_sre/sre.c (sre_lower_ascii, sre_lower_unicode, sre_upper_unicode,
// sre_category, SRE_UNI_IS_* over Objects/unicodectype.c).
import { isSpaceChar } from '../../objects/str-methods.js';

const WORD = /[\p{L}\p{Nd}\p{Nl}\p{No}_]/u;
const DECIMAL = /\p{Nd}/u;

export function lowerAscii(ch: number): number {
  return ch >= 65 && ch <= 90 ? ch + 32 : ch;
}

export function upperAscii(ch: number): number {
  return ch >= 97 && ch <= 122 ? ch - 32 : ch;
}

/** _PyUnicode_ToLowercase: the simple (one code point) lowercase mapping. */
export function lowerUnicode(ch: number): number {
  if (ch < 128) return lowerAscii(ch);
  if (ch === 0x130) return 0x69;
  const s = String.fromCodePoint(ch).toLowerCase();
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : ch;
}

/** _PyUnicode_ToUppercase: the simple uppercase mapping. */
export function upperUnicode(ch: number): number {
  if (ch < 128) return upperAscii(ch);
  const s = String.fromCodePoint(ch).toUpperCase();
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : ch;
}

const isAsciiWord = (ch: number) => ch < 128 && (ch === 95 || (ch >= 48 && ch <= 57) || ((ch | 32) >= 97 && (ch | 32) <= 122));
const isAsciiSpace = (ch: number) => ch === 32 || (ch >= 9 && ch <= 13);
const isLinebreak = (ch: number) => (ch >= 10 && ch <= 13) || ch === 0x1c || ch === 0x1d || ch === 0x1e || ch === 0x85 || ch === 0x2028 || ch === 0x2029;

export function isUniWord(ch: number): boolean {
  return ch < 128 ? isAsciiWord(ch) : WORD.test(String.fromCodePoint(ch));
}

/** SRE_LOC_IS_WORD: the C locale's alphanumerics (ASCII) and '_'. */
export const isLocWord = isAsciiWord;

export { isAsciiWord };

/** sre_category: CATEGORY_* codes in re/_constants.py's order. */
export function category(code: number, ch: number): boolean {
  switch (code) {
    case 0: return ch >= 48 && ch <= 57;
    case 1: return !(ch >= 48 && ch <= 57);
    case 2: return isAsciiSpace(ch);
    case 3: return !isAsciiSpace(ch);
    case 4: return isAsciiWord(ch);
    case 5: return !isAsciiWord(ch);
    case 6: return ch === 10;
    case 7: return ch !== 10;
    case 8: return isLocWord(ch);
    case 9: return !isLocWord(ch);
    case 10: return ch < 128 ? ch >= 48 && ch <= 57 : DECIMAL.test(String.fromCodePoint(ch));
    case 11: return !category(10, ch);
    case 12: return isSpaceChar(String.fromCodePoint(ch));
    case 13: return !isSpaceChar(String.fromCodePoint(ch));
    case 14: return isUniWord(ch);
    case 15: return !isUniWord(ch);
    case 16: return isLinebreak(ch);
    case 17: return !isLinebreak(ch);
    default: return false;
  }
}
