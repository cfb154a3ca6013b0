// str.isprintable() of one code point under a given CPython version's Unicode database.
// CPython counterpart: Objects/unicodectype.c (_PyUnicode_IsPrintable).
import { NON_PRINTABLE } from './generated/nonprintable.js';

const NEWEST = '3.13';

/** True when `version`'s str.isprintable() accepts the code point (3.11+; others use the newest table). */
export function isPrintable(cp: number, version: string): boolean {
  const ranges = NON_PRINTABLE[version] ?? NON_PRINTABLE[NEWEST]!;
  // Binary search for the last range starting at or before cp.
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid * 2]! <= cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi < 0 || cp > ranges[hi * 2 + 1]!;
}
