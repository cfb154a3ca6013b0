// Unicode decimal digits read as ASCII ones, as int() and float() accept them. CPython counterpart:
// Objects/unicodeobject.c (_PyUnicode_TransformDecimalAndSpaceToASCII).
import { isSpaceCode } from './str-methods.js';

const DECIMAL = /\p{Nd}/u;

/** _PyUnicode_TransformDecimalAndSpaceToASCII: every Unicode decimal digit as its ASCII digit
 * (digits come in runs of ten from 0), for int() and float() of non-ASCII text. */
export function decimalsToAscii(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) < 128 || !DECIMAL.test(ch)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    let start = cp;
    while (DECIMAL.test(String.fromCodePoint(start - 1))) start--;
    out += String((cp - start) % 10);
  }
  return out;
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: int()'s view of non-ASCII text — decimal digits as
 * ASCII digits, whitespace as ' ', anything else non-ASCII as '?' (which no parser accepts).
 */
export function transformDecimalAndSpaceToAscii(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  const digits = decimalsToAscii(s);
  let out = '';
  for (const ch of digits) {
    const c = ch.codePointAt(0)!;
    out += c < 128 ? ch : isSpaceCode(c) ? ' ' : '?';
  }
  return out;
}

/**
 * Letters that str.isnumeric() accepts though they are not in a Unicode N* category: the CJK
 * ideographs with a numeric value in Unihan (Numeric_Type=Numeric), as of Unicode 14 (Python 3.11).
 */
export const NUMERIC_IDEOGRAPHS: ReadonlySet<number> = new Set([
  0x3405, 0x3483, 0x382a, 0x3b4d, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c, 0x4e94, 0x4e96, 0x4ebf,
  0x4ec0, 0x4edf, 0x4ee8, 0x4f0d, 0x4f70, 0x5104, 0x5146, 0x5169, 0x516b, 0x516d, 0x5341, 0x5343, 0x5344,
  0x5345, 0x534c, 0x53c1, 0x53c2, 0x53c3, 0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c,
  0x5f0d, 0x5f0e, 0x5f10, 0x62fe, 0x634c, 0x67d2, 0x6f06, 0x7396, 0x767e, 0x8086, 0x842c, 0x8cae, 0x8cb3,
  0x8d30, 0x9621, 0x9646, 0x964c, 0x9678, 0x96f6, 0xf96b, 0xf973, 0xf978, 0xf9b2, 0xf9d1, 0xf9d3, 0xf9fd,
  0x20001, 0x20064, 0x200e2, 0x20121, 0x2092a, 0x20983, 0x2098c, 0x2099c, 0x20aea, 0x20afd, 0x20b19, 0x22390,
  0x22998, 0x23b1b, 0x2626d, 0x2f890
]);
