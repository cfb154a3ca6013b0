// A Python str is a sequence of code points; JS strings are UTF-16, where a high and a low
// surrogate side by side read as one astral character. PyStr keeps such a split pair exactly in
// `utf8` (surrogatepass UTF-8), so str operations go through code points when one is involved.
import { PyStr } from '@tspyc/bytecode';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function surrogatepass(cps: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (const cp of cps) {
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** a PyStr of these code points (`utf8` set when a high surrogate is followed by a low one) */
export function strFromCodePoints(cps: readonly number[]): PyStr {
  let value = '';
  for (const cp of cps) value += String.fromCodePoint(cp);
  const split = cps.some((c, i) => isHigh(c) && i + 1 < cps.length && isLow(cps[i + 1]!));
  return new PyStr(value, false, false, split ? surrogatepass(cps) : null);
}

/** whether joining a and b (a then b) needs code points: a split pair in either, or made at the seam */
export function joinNeedsCodePoints(a: PyStr, b: PyStr): boolean {
  return a.utf8 !== null || b.utf8 !== null || (isHigh(a.value.charCodeAt(a.value.length - 1)) && isLow(b.value.charCodeAt(0)));
}
