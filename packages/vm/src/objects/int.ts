// int and bool: arbitrary precision integers held as bigint, small ints cached.
// CPython counterpart: Objects/longobject.c, Objects/boolobject.c (True/False live here so that
// every module can build them at load time; bool's behaviour is in objects/bool.ts).
import { builtinType, PyObject, type PyType } from './object.js';
import { raise } from '../errors.js';
import { valueErrorType } from './exception-types.js';

export const intType = builtinType('int');
export const boolType = builtinType('bool', intType, 0);

export class PyInt extends PyObject {
  readonly value: bigint;
  constructor(value: bigint, type: PyType = intType) {
    super(type);
    this.value = value;
  }
}

export const False = new PyInt(0n, boolType);
export const True = new PyInt(1n, boolType);

const SMALL_MIN = -5;
const SMALL_MAX = 256;
const small: PyInt[] = [];
for (let i = SMALL_MIN; i <= SMALL_MAX; i++) small.push(new PyInt(BigInt(i)));

/** An int object for `v` (cached for -5..256, as CPython). */
export function newInt(v: bigint): PyInt {
  if (v >= -5n && v <= 256n) return small[Number(v) - SMALL_MIN]!;
  return new PyInt(v);
}

/** An int from a JS integer (must be a safe integer). */
export function intFromNumber(n: number): PyInt {
  if (n >= SMALL_MIN && n <= SMALL_MAX) return small[n - SMALL_MIN]!;
  return new PyInt(BigInt(n));
}

export function pyBool(b: boolean): PyInt {
  return b ? True : False;
}

/** sys.int_info.default_max_str_digits */
export const MAX_STR_DIGITS = 4300;
/** sys.get_int_max_str_digits(): the longest decimal string int() and str() convert (0: no limit) */
export const intMaxStrDigits = {
  digits: MAX_STR_DIGITS,
  limit: 10n ** BigInt(MAX_STR_DIGITS),
  set(n: number): void {
    this.digits = n;
    this.limit = 10n ** BigInt(n);
  },
};

/** str(int), refusing more than sys.get_int_max_str_digits() digits as CPython 3.11 does. */
export function intDecimal(v: bigint): string {
  const m = intMaxStrDigits;
  if (m.digits > 0 && (v >= m.limit || v <= -m.limit)) {
    raise(valueErrorType, `Exceeds the limit (${m.digits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return v.toString();
}
