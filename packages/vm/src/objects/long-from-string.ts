// int() of text: str, bytes and buffers read in a base. CPython counterpart: Objects/longobject.c
// (PyLong_FromString, PyLong_FromUnicodeObject, _PyLong_FromBytes).
import { raise } from '../errors.js';
import { getMaxStrDigits } from './int.js';
import { valueErrorType } from './exception-types.js';
import { transformDecimalAndSpaceToAscii } from './unicode-digits.js';
import { PyBytes } from './bytes.js';
import { repr } from '../protocols/repr.js';
import type { PyStr } from './str.js';
import type { PyObject } from './object.js';

/** _PY_LONG_MAX_STR_DIGITS_THRESHOLD: shorter texts are never checked against the limit */
const MAX_STR_DIGITS_THRESHOLD = 640;

/** Py_ISSPACE: ASCII whitespace only (the text is ASCII by now) */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

const digitRuns: RegExp[] = [];

/** A sticky pattern for a run of the digits of `base` and underscores. */
function digitRun(base: number): RegExp {
  let re = digitRuns[base];
  if (re === undefined) {
    const letters = base > 10 ? `a-${String.fromCharCode(86 + base)}A-${String.fromCharCode(54 + base)}` : '';
    const digits = base >= 10 ? '0-9' : `0-${base - 1}`;
    re = digitRuns[base] = new RegExp(`[${digits}${letters}_]*`, 'y');
  }
  return re;
}

/** _PyLong_DigitValue: 0-9, a-z, A-Z as 0..35; anything else 37 (never a digit) */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 37;
}

/**
 * PyLong_FromString on ASCII text (what it sees is a C string: the whole text must be used): null
 * when the text is not an integer literal in `base` (0: a prefix chooses, as in Python source).
 * Single underscores may separate digits, and follow a base prefix.
 */
export function longFromString(s: string, base: number): bigint | null {
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '+') i++;
  else if (s[i] === '-') {
    i++;
    neg = true;
  }
  const c0 = s[i];
  const c1 = s[i + 1]?.toLowerCase();
  // a leading 0 without a prefix: the "old" octal literals are invalid unless all zeros
  let errorIfNonzero = false;
  if (base === 0) {
    if (c0 !== '0') base = 10;
    else if (c1 === 'x') base = 16;
    else if (c1 === 'o') base = 8;
    else if (c1 === 'b') base = 2;
    else {
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (c0 === '0' && ((base === 16 && c1 === 'x') || (base === 8 && c1 === 'o') || (base === 2 && c1 === 'b'))) {
    i += 2;
    if (s[i] === '_') i++;
  }
  if (s[i] === '_') return null;
  const start = i;
  // the run of digits and underscores, found by a native scan (a huge text must fail the digit
  // limit quickly); underscores are checked only when the run has some
  const run = digitRun(base);
  run.lastIndex = i;
  run.test(s);
  const runEnd = run.lastIndex;
  let digits = runEnd - start;
  let prev = runEnd > start ? s.charCodeAt(runEnd - 1) : 0;
  const underscore = s.indexOf('_', start);
  if (underscore >= 0 && underscore < runEnd) {
    for (let k = underscore; k < runEnd; k++) {
      if (s.charCodeAt(k) !== 95) continue;
      if (s.charCodeAt(k - 1) === 95) return null;
      digits--;
    }
  }
  i = runEnd;
  if (prev === 95 || digits === 0) return null;
  const end = i;
  if ((base & (base - 1)) !== 0 && digits > MAX_STR_DIGITS_THRESHOLD) {
    const limit = getMaxStrDigits();
    if (limit > 0 && digits > limit) {
      raise(valueErrorType, `Exceeds the limit (${limit} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`);
    }
  }
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i !== n) return null;
  const body = digits === end - start ? s.slice(start, end) : s.slice(start, end).replace(/_/g, '');
  let v: bigint;
  if (base === 10) v = BigInt(body);
  else if (base === 16 || base === 8 || base === 2) v = BigInt(`0${base === 16 ? 'x' : base === 8 ? 'o' : 'b'}${body}`);
  else {
    v = 0n;
    const b = BigInt(base);
    for (let k = 0; k < body.length; k++) v = v * b + BigInt(digitValue(body.charCodeAt(k)));
  }
  if (errorIfNonzero && v !== 0n) return null;
  return neg ? -v : v;
}

/** "%.200R": the repr cut to 200 characters */
function shortRepr(o: PyObject): string {
  const r = repr(o);
  return r.length <= 200 ? r : Array.from(r).slice(0, 200).join('');
}

/** PyLong_FromUnicodeObject: Unicode digits and spaces count as their ASCII ones. */
export function longFromUnicode(u: PyStr, base: number): bigint {
  const v = longFromString(transformDecimalAndSpaceToAscii(u.value), base);
  if (v === null) raise(valueErrorType, `invalid literal for int() with base ${base}: ${shortRepr(u)}`);
  return v;
}

/** _PyLong_FromBytes: ASCII digits only; the error shows (up to 200 of) the bytes as bytes. */
export function longFromBytes(b: Uint8Array, base: number): bigint {
  let text = '';
  for (let i = 0; i < b.length; i++) text += String.fromCharCode(b[i]!);
  const v = longFromString(text, base);
  if (v === null) raise(valueErrorType, `invalid literal for int() with base ${base}: ${shortRepr(new PyBytes(b.slice(0, 200)))}`);
  return v;
}
