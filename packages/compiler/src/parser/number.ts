// parsenumber_raw (Parser/pegen.c): a NUMBER token's text, underscores removed, as a Python value.
import { PyComplex, PyFloat, PyInt, type PyValue } from '@tspyc/bytecode';

const INT_RE = /^(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/;

export function parseNumber(s: string): PyValue {
  if (INT_RE.test(s)) {
    // a decimal literal with leading zeros is only ever "0...0", which BigInt reads as 0
    if (s.length > 1 && s[0] === '0' && /^[0-9]+$/.test(s)) return new PyInt(0n);
    return new PyInt(BigInt(s));
  }
  const last = s[s.length - 1];
  if (last === 'j' || last === 'J') return new PyComplex(0, Number(s.slice(0, -1)));
  return new PyFloat(Number(s));
}
