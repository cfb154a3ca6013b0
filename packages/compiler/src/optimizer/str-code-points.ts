// A Python str is a sequence of code points; JS strings are UTF-16, where a high and a low
// surrogate side by side read as one astral character. PyStr keeps such a split pair exactly in
// `utf8` (surrogatepass UTF-8), so str operations go through code points when one is involved.
import type { PyStr } from '@tspyc/bytecode';
import { makePyStr } from '../parser/string-parser.js';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** a PyStr of these code points (`utf8` set when a high surrogate is followed by a low one) */
export function strFromCodePoints(cps: number[]): PyStr {
  let value = '';
  for (const cp of cps) value += String.fromCodePoint(cp);
  return makePyStr(value, cps);
}

/** whether joining a and b (a then b) needs code points: a split pair in either, or made at the seam */
export function joinNeedsCodePoints(a: PyStr, b: PyStr): boolean {
  return a.utf8 !== null || b.utf8 !== null || (isHigh(a.value.charCodeAt(a.value.length - 1)) && isLow(b.value.charCodeAt(0)));
}
