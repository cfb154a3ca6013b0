// Rich comparison. CPython counterpart: Objects/object.c (PyObject_RichCompare, do_richcompare,
// PyObject_RichCompareBool).
import { PyError, raise } from '../errors.js';
import { NotImplemented, PyObject } from '../objects/object.js';
import { PyInt, intType, boolType, pyBool } from '../objects/int.js';
import { PyFloat, floatType } from '../objects/float.js';
import { PyStr, strType } from '../objects/str.js';
import { typeErrorType } from '../objects/exception-types.js';
import { withRecursionCheck } from '../eval/recursion.js';
import { callObject, callSpecial } from './call.js';
import { descrGet } from './getattr.js';
import { PyFunction } from '../objects/function.js';
import { PyBuiltin } from '../objects/native.js';
import { isTrue } from './truth.js';

export const CMP_LT = 0;
export const CMP_LE = 1;
export const CMP_EQ = 2;
export const CMP_NE = 3;
export const CMP_GT = 4;
export const CMP_GE = 5;

const NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const SWAPPED = [CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE];
const SYMBOLS = ['<', '<=', '==', '!=', '>', '>='];

export function cmpResult(c: number, op: number): boolean {
  switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c === 0;
    case CMP_NE: return c !== 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
  }
}

/** Compare an int with a float exactly: -1, 0, 1, or NaN when unordered. */
export function compareIntFloat(a: bigint, f: number): number {
  if (f !== f) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const fl = Math.floor(f);
  const b = BigInt(fl);
  if (a < b) return -1;
  if (a > b) return 1;
  return fl === f ? 0 : -1;
}

function compareNums(a: number, b: number, op: number): boolean {
  switch (op) {
    case CMP_LT: return a < b;
    case CMP_LE: return a <= b;
    case CMP_EQ: return a === b;
    case CMP_NE: return a !== b;
    case CMP_GT: return a > b;
    default: return a >= b;
  }
}

/** Fast comparison of two builtin numbers or strings; undefined when not applicable. */
function fastCompare(a: PyObject, b: PyObject, op: number): boolean | undefined {
  const ta = a.type;
  const tb = b.type;
  if ((ta === intType || ta === boolType) && (tb === intType || tb === boolType)) {
    const xn = (a as PyInt).num;
    const yn = (b as PyInt).num;
    if (xn === xn && yn === yn) return cmpResult(xn < yn ? -1 : xn > yn ? 1 : 0, op);
    const x = (a as PyInt).value;
    const y = (b as PyInt).value;
    return cmpResult(x < y ? -1 : x > y ? 1 : 0, op);
  }
  if (ta === floatType) {
    if (tb === floatType) return compareNums((a as PyFloat).value, (b as PyFloat).value, op);
    if (tb === intType || tb === boolType) {
      const c = compareIntFloat((b as PyInt).value, (a as PyFloat).value);
      return c !== c ? op === CMP_NE : cmpResult(-c, op);
    }
  } else if (tb === floatType && (ta === intType || ta === boolType)) {
    const c = compareIntFloat((a as PyInt).value, (b as PyFloat).value);
    return c !== c ? op === CMP_NE : cmpResult(c, op);
  }
  if (ta === strType && tb === strType) {
    const x = (a as PyStr).value;
    const y = (b as PyStr).value;
    if (op === CMP_EQ) return x === y;
    if (op === CMP_NE) return x !== y;
    return cmpResult(compareStrings(x, y), op);
  }
  return undefined;
}

/** Code-point order of two JS strings. */
export function compareStrings(x: string, y: string): number {
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  // UTF-16 code units order as code points up to the first difference, unless it is a surrogate
  // (U+10000 and up sort after U+E000..U+FFFF): then the code-point loop below decides
  let k = 0;
  while (k < n && x.charCodeAt(k) === y.charCodeAt(k)) k++;
  if (k === n) return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
  const cx = x.charCodeAt(k);
  const cy = y.charCodeAt(k);
  if ((cx & 0xf800) !== 0xd800 && (cy & 0xf800) !== 0xd800) return cx < cy ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const a = x.codePointAt(i)!;
    const b = y.codePointAt(i)!;
    if (a !== b) return a < b ? -1 : 1;
    if (a > 0xffff) i++;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

/** PyObject_RichCompare */
export function richCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const f = fastCompare(a, b, op);
  if (f !== undefined) return pyBool(f);
  // containers comparing themselves recurse natively
  return withRecursionCheck(' in comparison', () => slotCompare(a, b, op));
}

/**
 * slot_tp_richcompare: binding the method found on the type (a descriptor's __get__) that fails
 * means NotImplemented, whatever it raised; only the call's own errors propagate.
 */
export function callCompareSlot(m: PyObject, self: PyObject, other: PyObject): PyObject {
  if (m instanceof PyFunction || m instanceof PyBuiltin) return callSpecial(m, self, [other]);
  let bound: PyObject;
  try {
    bound = descrGet(m, self, self.type);
  } catch (e) {
    if (e instanceof PyError) return NotImplemented;
    throw e;
  }
  return callObject(bound, [other], null);
}

function slotCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const ta = a.type;
  const tb = b.type;
  let checkedReverse = false;
  if (ta !== tb && tb.isSubtype(ta)) {
    const m = tb.lookup(NAMES[SWAPPED[op]!]!);
    if (m !== undefined) {
      checkedReverse = true;
      const r = callCompareSlot(m, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  const m = ta.lookup(NAMES[op]!);
  if (m !== undefined) {
    const r = callCompareSlot(m, a, b);
    if (r !== NotImplemented) return r;
  }
  if (!checkedReverse) {
    const m2 = tb.lookup(NAMES[SWAPPED[op]!]!);
    if (m2 !== undefined) {
      const r = callCompareSlot(m2, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  if (op === CMP_EQ) return pyBool(a === b);
  if (op === CMP_NE) return pyBool(a !== b);
  raise(typeErrorType, `'${SYMBOLS[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

/** PyObject_RichCompareBool: identity implies equality. */
export function richCompareBool(a: PyObject, b: PyObject, op: number): boolean {
  if (a === b) {
    if (op === CMP_EQ) return true;
    if (op === CMP_NE) return false;
  }
  const f = fastCompare(a, b, op);
  if (f !== undefined) return f;
  return isTrue(richCompare(a, b, op));
}

export function pyEq(a: PyObject, b: PyObject): boolean {
  return richCompareBool(a, b, CMP_EQ);
}

/** a < b as used by sorted/min/max. */
export function pyLt(a: PyObject, b: PyObject): boolean {
  return richCompareBool(a, b, CMP_LT);
}
