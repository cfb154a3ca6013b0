// int and bool: arbitrary precision integers held as bigint, small ints cached.
// CPython counterpart: Objects/longobject.c, Objects/boolobject.c (True/False live here so that
// every module can build them at load time; bool's behaviour is in objects/bool.ts).
import { builtinType, PyObject, type PyType } from './object.js';
import { raise } from '../errors.js';
import { valueErrorType } from './exception-types.js';

export const intType = builtinType('int');
export const boolType = builtinType('bool', intType, 0);

const MAX_SAFE = 9007199254740991;
const MAX_SAFE_BIG = 9007199254740991n;

/**
 * An int. Values that are safe JS integers (|v| < 2**53) are held as a number in `num` and get
 * their bigint only when asked (the arithmetic fast paths never ask); larger ones have `num` NaN.
 */
export class PyInt extends PyObject {
  /** the value as a JS number when it is a safe integer, else NaN */
  readonly num: number;
  private big: bigint | null;
  constructor(value: bigint | number, type: PyType = intType) {
    super(type);
    if (typeof value === 'number') {
      this.num = value + 0; // never -0
      this.big = null;
    } else {
      this.num = value >= -MAX_SAFE_BIG && value <= MAX_SAFE_BIG ? Number(value) : NaN;
      this.big = value;
    }
  }

  get value(): bigint {
    let b = this.big;
    if (b === null) {
      b = BigInt(this.num);
      this.big = b;
    }
    return b;
  }
}

/** The int's value as a JS number (rounded, as Number(bigint), when it is not a safe integer). */
export function intNumber(o: PyInt): number {
  const n = o.num;
  return n === n ? n : Number(o.value);
}

export const False = new PyInt(0n, boolType);
export const True = new PyInt(1n, boolType);

const SMALL_MIN = -5;
const SMALL_MAX = 256;
const small: PyInt[] = [];
for (let i = SMALL_MIN; i <= SMALL_MAX; i++) small.push(new PyInt(i));

/** An int object for `v` (cached for -5..256, as CPython). */
export function newInt(v: bigint): PyInt {
  if (v >= -5n && v <= 256n) return small[Number(v) - SMALL_MIN]!;
  return new PyInt(v);
}

/** An int from a JS integer (must be a safe integer). */
export function intFromNumber(n: number): PyInt {
  if (n >= SMALL_MIN && n <= SMALL_MAX) return small[n - SMALL_MIN]!;
  return n >= -MAX_SAFE && n <= MAX_SAFE ? new PyInt(n) : new PyInt(BigInt(n));
}

/** An int from a JS number known to be an integer: null when it is not a safe one (use bigints). */
export function intFromSafe(n: number): PyInt | null {
  if (n >= SMALL_MIN && n <= SMALL_MAX) return small[n - SMALL_MIN]!;
  if (n >= -MAX_SAFE && n <= MAX_SAFE) return new PyInt(n);
  return null;
}

export function pyBool(b: boolean): PyInt {
  return b ? True : False;
}

/** sys.int_info.default_max_str_digits and str_digits_check_threshold */
export const DEFAULT_MAX_STR_DIGITS = 4300;
export const STR_DIGITS_CHECK_THRESHOLD = 640;
let maxStrDigits = DEFAULT_MAX_STR_DIGITS;
let decimalLimit: bigint | null = 10n ** BigInt(maxStrDigits);

/** sys.get_int_max_str_digits(): the longest decimal string int() and str() convert (0: no limit). */
export function getMaxStrDigits(): number {
  return maxStrDigits;
}

/** sys.set_int_max_str_digits() */
export function setMaxStrDigits(n: number): void {
  maxStrDigits = n;
  decimalLimit = n === 0 ? null : 10n ** BigInt(n);
}

/** str(int), refusing more than the limit's digits as CPython 3.11 does. */
export function intDecimal(v: bigint): string {
  if (decimalLimit !== null && (v >= decimalLimit || v <= -decimalLimit)) {
    raise(valueErrorType, `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return v.toString();
}
