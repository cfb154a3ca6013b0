// Unicode decimal digits read as ASCII ones, as int() and float() accept them. CPython counterpart:
// Objects/unicodeobject.c (_PyUnicode_TransformDecimalAndSpaceToASCII).
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
