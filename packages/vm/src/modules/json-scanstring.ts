// _json.scanstring: the C string scanner Lib/json/decoder.py prefers to py_scanstring. Beyond speed,
// its errors are CPython's: an invalid escape is reported at its backslash and a control character
// at itself, where py_scanstring's regular expression reports other positions and texts.
// CPython counterpart: Modules/_json.c (scanstring_unicode, raise_errmsg).
import { PyError, raise } from '../errors.js';
import { PyObject } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { asJsIndex } from '../protocols/number.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { isTrue } from '../protocols/truth.js';
import { importFullName } from './path-import.js';
import { sysModules } from './registry.js';

/** raise_errmsg: json.decoder.JSONDecodeError(msg, s, pos). */
function raiseErrmsg(msg: string, s: PyStr, pos: number): never {
  const decoder = importFullName('json.decoder', (sysModules().getStr('builtins') as PyModule).dict);
  const cls = getAttr(decoder, 'JSONDecodeError');
  throw new PyError(callObject(cls, [newStr(msg), s, intFromNumber(pos)], null));
}

const ESCAPES: Record<number, number> = { 0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f, 0x62: 0x08, 0x66: 0x0c, 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09 };

/** The value of one hex digit, or -1. */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** scanstring_unicode: the JSON string starting after the quote at end - 1; [decoded, index after the closing quote]. */
export function scanString(pystr: PyStr, end: number, strict: boolean): [string, number] {
  // indexes are code points: over the code points when the str has astral characters
  const cps = pystr.codePoints();
  const units = pystr.value;
  const len = cps ? cps.length : units.length;
  const at = cps ? (i: number) => cps[i]! : (i: number) => units.charCodeAt(i);
  const slice = (a: number, b: number) => (cps ? String.fromCodePoint(...cps.slice(a, b)) : units.slice(a, b));
  const begin = end - 1;
  if (end < 0 || len < end) raise(valueErrorType, 'end is out of bounds');
  const chunks: string[] = [];
  for (;;) {
    // the end of the string or the next escape
    let next = end;
    let c = 0;
    for (; next < len; next++) {
      c = at(next);
      if (c === 0x22 || c === 0x5c) break;
      if (c <= 0x1f && strict) raiseErrmsg('Invalid control character at', pystr, next);
    }
    if (next >= len || (c !== 0x22 && c !== 0x5c)) raiseErrmsg('Unterminated string starting at', pystr, begin);
    if (next !== end) chunks.push(slice(end, next));
    next++;
    if (c === 0x22) return [chunks.join(''), next];
    if (next === len) raiseErrmsg('Unterminated string starting at', pystr, begin);
    c = at(next);
    if (c !== 0x75) {
      // a one-character escape
      end = next + 1;
      const e = ESCAPES[c];
      if (e === undefined) raiseErrmsg('Invalid \\escape', pystr, end - 2);
      c = e;
    } else {
      // \uXXXX, and a following \uXXXX when the two make a surrogate pair
      next++;
      end = next + 4;
      if (end >= len) raiseErrmsg('Invalid \\uXXXX escape', pystr, next - 1);
      c = 0;
      for (; next < end; next++) {
        const d = hexDigit(at(next));
        if (d < 0) raiseErrmsg('Invalid \\uXXXX escape', pystr, end - 5);
        c = (c << 4) | d;
      }
      if (c >= 0xd800 && c <= 0xdbff && end + 6 < len && at(next++) === 0x5c && at(next++) === 0x75) {
        let c2 = 0;
        end += 6;
        for (; next < end; next++) {
          const d = hexDigit(at(next));
          if (d < 0) raiseErrmsg('Invalid \\uXXXX escape', pystr, end - 5);
          c2 = (c2 << 4) | d;
        }
        if (c2 >= 0xdc00 && c2 <= 0xdfff) c = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
        else end -= 6;
      }
    }
    chunks.push(String.fromCodePoint(c));
  }
}

/** scanstring(string, end, strict=True) -> (string, end) */
export const scanstringFunction = builtinFunction('scanstring', (a, kw) => {
  if (kw && kw.size > 0) raise(typeErrorType, 'scanstring() takes no keyword arguments');
  // PyArg_ParseTuple's texts for "On|p:scanstring"
  if (a.length < 2) raise(typeErrorType, `scanstring() takes at least 2 arguments (${a.length} given)`);
  if (a.length > 3) raise(typeErrorType, `scanstring() takes at most 3 arguments (${a.length} given)`);
  const [s, end, strict] = a as [PyObject, PyObject, PyObject | undefined];
  const endIndex = asJsIndex(end);
  const isStrict = strict === undefined ? true : isTrue(strict);
  if (!(s instanceof PyStr)) raise(typeErrorType, `first argument must be a string, not ${s.type.name}`);
  const [value, next] = scanString(s, endIndex, isStrict);
  return newTuple([newStr(value), intFromNumber(next)]);
});
