// Arithmetic. CPython counterpart: Objects/abstract.c (binary_op1, PyNumber_*), with the int and
// float kernels of Objects/longobject.c and Objects/floatobject.c.
import { raise, newException, PyError } from '../errors.js';
import { NotImplemented, PyObject, type PyType } from '../objects/object.js';
import { tupleType } from '../objects/tuple.js';
import { PyInt, newInt, intType, boolType, intNumber, intFromSafe } from '../objects/int.js';
import { PyFloat, floatType } from '../objects/float.js';
import { PyComplex, complexPow } from '../objects/complex.js';
import { crPow, decompose } from '../objects/libm.js';
import { PyStr, newStr, strType } from '../objects/str.js';
import { PyList, listType } from '../objects/list.js';
import {
  PyBaseException,
  overflowErrorType,
  typeErrorType,
  valueErrorType,
  zeroDivisionErrorType,
} from '../objects/exception-types.js';
import { callSpecial } from './call.js';

/** BINARY_OP arguments (Include/opcode.h NB_*). */
export const NB_ADD = 0;
export const NB_AND = 1;
export const NB_FLOOR_DIVIDE = 2;
export const NB_LSHIFT = 3;
export const NB_MATRIX_MULTIPLY = 4;
export const NB_MULTIPLY = 5;
export const NB_REMAINDER = 6;
export const NB_OR = 7;
export const NB_POWER = 8;
export const NB_RSHIFT = 9;
export const NB_SUBTRACT = 10;
export const NB_TRUE_DIVIDE = 11;
export const NB_XOR = 12;
export const NB_INPLACE = 13;

const DUNDER = ['add', 'and', 'floordiv', 'lshift', 'matmul', 'mul', 'mod', 'or', 'pow', 'rshift', 'sub', 'truediv', 'xor'];
const SYMBOL = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
export const OP_NAMES = DUNDER.map((d) => `__${d}__`);
export const ROP_NAMES = DUNDER.map((d) => `__r${d}__`);
export const IOP_NAMES = DUNDER.map((d) => `__i${d}__`);

// ---- int kernel ----

export function intFloorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) raise(zeroDivisionErrorType, 'integer division or modulo by zero');
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function intMod(a: bigint, b: bigint): bigint {
  if (b === 0n) raise(zeroDivisionErrorType, 'integer modulo by zero');
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

const MAX_SAFE = 9007199254740991n;

/** int → float, or OverflowError. */
export function intToFloat(a: bigint): number {
  if (a >= -MAX_SAFE && a <= MAX_SAFE) return Number(a);
  const f = Number(a); // round-half-even on the binary value, as CPython
  if (!Number.isFinite(f)) raise(overflowErrorType, 'int too large to convert to float');
  return f;
}

export function intTrueDiv(a: bigint, b: bigint): number {
  if (b === 0n) raise(zeroDivisionErrorType, 'division by zero');
  if (a >= -MAX_SAFE && a <= MAX_SAFE && b >= -MAX_SAFE && b <= MAX_SAFE) return Number(a) / Number(b);
  // Scale so the quotient has 64+ significant bits, then one rounding in Number().
  const neg = (a < 0n) !== (b < 0n);
  let x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const shift = BigInt(Math.max(0, y.toString(2).length - x.toString(2).length + 66));
  x <<= shift;
  const q = x / y;
  const sticky = x % y !== 0n ? 1n : 0n;
  const r = Number((q << 1n) | sticky) / 2 / 2 ** Number(shift);
  if (!Number.isFinite(r)) raise(overflowErrorType, 'integer division result too large for a float');
  return neg ? -r : r;
}

export function intPow(a: bigint, b: bigint): PyObject {
  if (b < 0n) {
    if (a === 0n) raise(zeroDivisionErrorType, '0.0 cannot be raised to a negative power');
    return new PyFloat(floatPow(intToFloat(a), intToFloat(b)));
  }
  return newInt(a ** b);
}

export function intPowMod(a: bigint, b: bigint, m: bigint): bigint {
  if (m === 0n) raise(valueErrorType, 'pow() 3rd argument cannot be 0');
  if (b < 0n) {
    a = intModInverse(a, m);
    b = -b;
  }
  let result = 1n;
  let base = intMod(a, m);
  while (b > 0n) {
    if (b & 1n) result = (result * base) % m;
    base = (base * base) % m;
    b >>= 1n;
  }
  return intMod(result, m);
}

function intModInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [intMod(a, m < 0n ? -m : m), m < 0n ? -m : m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) raise(valueErrorType, 'base is not invertible for the given modulus');
  return s0;
}

export function intShift(a: bigint, b: bigint, left: boolean): bigint {
  if (b < 0n) raise(valueErrorType, 'negative shift count');
  if (left) {
    if (a === 0n) return 0n;
    if (b > 1n << 32n) raise(overflowErrorType, 'too many digits in integer');
    return a << b;
  }
  if (b > 1n << 32n) return a < 0n ? -1n : 0n;
  return a >> b;
}

const MAX_SAFE_NUM = 9007199254740991;

/**
 * Binary op on two ints held as safe JS integers (`num` fields; NaN for big ones): the result when
 * it is exact in doubles and a safe integer again, else null (then the bigint kernel decides,
 * errors included). `op` is BINARY_OP's argument (in-place forms too).
 */
export function smallIntBinary(x: number, y: number, op: number): PyInt | null {
  let r: number;
  switch (op >= NB_INPLACE ? op - NB_INPLACE : op) {
    case NB_ADD: r = x + y; break;
    case NB_SUBTRACT: r = x - y; break;
    case NB_MULTIPLY: r = x * y; break;
    case NB_FLOOR_DIVIDE: {
      if (y === 0) return null;
      const m = x % y; // exact for integers
      r = (x - m) / y; // exact: x - m is a multiple of y
      if (m !== 0 && (m < 0) !== (y < 0)) r -= 1;
      break;
    }
    case NB_REMAINDER: {
      if (y === 0) return null;
      r = x % y;
      if (r !== 0 && (r < 0) !== (y < 0)) r += y;
      break;
    }
    case NB_AND:
      if ((x | 0) !== x || (y | 0) !== y) return null;
      r = x & y;
      break;
    case NB_OR:
      if ((x | 0) !== x || (y | 0) !== y) return null;
      r = x | y;
      break;
    case NB_XOR:
      if ((x | 0) !== x || (y | 0) !== y) return null;
      r = x ^ y;
      break;
    case NB_RSHIFT:
      if ((x | 0) !== x || !(y >= 0 && y < 32)) return null;
      r = x >> y;
      break;
    case NB_LSHIFT:
      if (!(y >= 0 && y < 32)) return null;
      r = x * 2 ** y;
      break;
    default:
      return null;
  }
  // NaN operands (big ints) fail these comparisons too
  return r <= MAX_SAFE_NUM && r >= -MAX_SAFE_NUM ? intFromSafe(r) : null;
}

/** Binary op on two ints (bool included); undefined for @. */
export function intBinary(a: bigint, b: bigint, op: number): PyObject | undefined {
  switch (op) {
    case NB_ADD: return newInt(a + b);
    case NB_SUBTRACT: return newInt(a - b);
    case NB_MULTIPLY: return newInt(a * b);
    case NB_FLOOR_DIVIDE: return newInt(intFloorDiv(a, b));
    case NB_REMAINDER: return newInt(intMod(a, b));
    case NB_TRUE_DIVIDE: return new PyFloat(intTrueDiv(a, b));
    case NB_POWER: return intPow(a, b);
    case NB_LSHIFT: return newInt(intShift(a, b, true));
    case NB_RSHIFT: return newInt(intShift(a, b, false));
    case NB_AND: return newInt(a & b);
    case NB_OR: return newInt(a | b);
    case NB_XOR: return newInt(a ^ b);
    default: return undefined;
  }
}

// ---- float kernel ----

export function floatMod(vx: number, wx: number): number {
  if (wx === 0) raise(zeroDivisionErrorType, 'float modulo');
  let mod = vx % wx;
  // C's `if (mod)` is true for NaN: compare with 0 rather than test truthiness
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) mod += wx;
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  return mod;
}

export function floatDivmod(vx: number, wx: number): [number, number] {
  if (wx === 0) raise(zeroDivisionErrorType, 'float divmod()');
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    const q = vx / wx; // copysign(0, vx / wx)
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** The double nearest to num / den * 2**sh (num, den > 0), ties to even, subnormals included. */
function ratioToDouble(num: bigint, den: bigint, sh: number): number {
  const k = 60 - (bitLength(num) - bitLength(den));
  const n2 = k >= 0 ? num << BigInt(k) : num;
  const d2 = k >= 0 ? den : den << BigInt(-k);
  const q = n2 / d2;
  const sticky = n2 % d2 !== 0n;
  const exp2 = sh - k;
  let drop = bitLength(q) - 53;
  if (exp2 + drop < -1074) drop = -1074 - exp2;
  if (drop <= 0) return Number(q) * 2 ** exp2;
  let kept = q >> BigInt(drop);
  const rem = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (rem > half || (rem === half && (sticky || (kept & 1n) === 1n))) kept += 1n;
  return Number(kept) * 2 ** (exp2 + drop);
}

/**
 * x ** n for an integral n, correctly rounded (as glibc's pow is; V8's Math.pow is off by an ulp
 * for about one in ten such powers, 1.05 ** 10 among them).
 */
function powIntegral(x: number, n: number): number {
  const neg = x < 0 && n % 2 !== 0;
  const [m, e] = decompose(Math.abs(x));
  const a = Math.abs(n);
  const big = m ** BigInt(a);
  const r = n > 0 ? ratioToDouble(big, 1n, e * a) : ratioToDouble(1n, big, -e * a);
  return neg ? -r : r;
}

/** C's pow() as glibc computes it, as far as tspyc can: exact rounding for integral exponents. */
export function libmPow(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 2048 && x !== 0 && Number.isFinite(x)) return powIntegral(x, y);
  if (x > 0 && Number.isFinite(x) && Number.isFinite(y) && y !== 0.5) return crPow(x, y);
  return Math.pow(x, y); // pow(x, 0.5) is sqrt(x), correctly rounded in V8 too
}

export function floatPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x) return x;
  if (y !== y) return x === 1 ? 1 : y;
  if (x === 0 && y < 0) raise(zeroDivisionErrorType, '0.0 cannot be raised to a negative power');
  if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) {
    raise(valueErrorType, 'complex results are not supported yet');
  }
  if ((x === 1 || x === -1) && !Number.isFinite(y)) return 1;
  const r = libmPow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    // errno's two-argument OverflowError (ERANGE)
    const e = newException(overflowErrorType, null) as PyBaseException;
    e.args = [newInt(34n), newStr('Numerical result out of range')];
    throw new PyError(e);
  }
  return r;
}

export function floatBinary(a: number, b: number, op: number): PyObject | undefined {
  switch (op) {
    case NB_ADD: return new PyFloat(a + b);
    case NB_SUBTRACT: return new PyFloat(a - b);
    case NB_MULTIPLY: return new PyFloat(a * b);
    case NB_TRUE_DIVIDE:
      if (b === 0) raise(zeroDivisionErrorType, 'float division by zero');
      return new PyFloat(a / b);
    case NB_FLOOR_DIVIDE:
      if (b === 0) raise(zeroDivisionErrorType, 'float floor division by zero');
      return new PyFloat(floatDivmod(a, b)[0]);
    case NB_REMAINDER: return new PyFloat(floatMod(a, b));
    case NB_POWER:
      if (a < 0 && Number.isFinite(b) && !Number.isInteger(b)) {
        // float_pow hands a negative base with a fractional exponent to complex
        const [re, im] = complexPow([a, 0], [b, 0]);
        return new PyComplex(re, im);
      }
      return new PyFloat(floatPow(a, b));
    default: return undefined;
  }
}

/** The float value of an int or float operand, or undefined. */
export function asFloatOperand(o: PyObject): number | undefined {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) return o.num === o.num ? o.num : intToFloat(o.value);
  return undefined;
}

// ---- dispatch ----

/** binary_op1 with the reflected operand: NotImplemented when neither side handles it. */
function binaryOp1(a: PyObject, b: PyObject, op: number): PyObject {
  const ta = a.type;
  const tb = b.type;
  const slotA = ta.lookup(OP_NAMES[op]!);
  let slotB = ta !== tb ? tb.lookup(ROP_NAMES[op]!) : undefined;
  if (slotA !== undefined) {
    if (slotB !== undefined && tb.isSubtype(ta)) {
      const r = callSpecial(slotB, b, [a]);
      if (r !== NotImplemented) return r;
      slotB = undefined;
    }
    const r = callSpecial(slotA, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (slotB !== undefined) return callSpecial(slotB, b, [a]);
  return NotImplemented;
}

function unsupported(a: PyObject, b: PyObject, symbol: string): never {
  raise(typeErrorType, `unsupported operand type(s) for ${symbol}: '${a.type.name}' and '${b.type.name}'`);
}

/** BINARY_OP: `op` 0..12 binary, 13..25 in-place. */
export function binaryOp(a: PyObject, b: PyObject, op: number): PyObject {
  const base = op >= NB_INPLACE ? op - NB_INPLACE : op;
  const ta = a.type;
  const tb = b.type;
  // fast paths for exact builtin types
  if (ta === floatType && tb === floatType) {
    const r = floatBinary((a as PyFloat).value, (b as PyFloat).value, base);
    if (r !== undefined) return r;
  } else if ((ta === intType || ta === boolType) && (tb === intType || tb === boolType)) {
    if (ta === intType && tb === intType) {
      const s = smallIntBinary((a as PyInt).num, (b as PyInt).num, op);
      if (s !== null) return s;
    }
    const r = intBinary((a as PyInt).value, (b as PyInt).value, base);
    if (r !== undefined) return r;
  } else if ((ta === floatType && (tb === floatType || tb === intType)) || (ta === intType && tb === floatType)) {
    const r = floatBinary(asFloatOperand(a)!, asFloatOperand(b)!, base);
    if (r !== undefined) return r;
  } else if (ta === strType && tb === strType && base === NB_ADD) {
    return new PyStr((a as PyStr).value + (b as PyStr).value);
  } else if (ta === listType && op === NB_INPLACE + NB_ADD && b instanceof PyList) {
    const items = (a as PyList).items;
    const add = (b as PyList).items;
    for (let i = 0, n = add.length; i < n; i++) items.push(add[i]!);
    return a;
  }
  if (op >= NB_INPLACE) {
    const islot = ta.lookup(IOP_NAMES[base]!);
    if (islot !== undefined) {
      const r = callSpecial(islot, a, [b]);
      if (r !== NotImplemented) return r;
    }
  }
  const r = binaryOp1(a, b, base);
  if (r !== NotImplemented) return r;
  if (base === NB_MULTIPLY || base === NB_ADD) {
    // sequence repeat/concat through __mul__/__add__ already tried; give CPython's text
    if (base === NB_ADD && ta === strType) {
      raise(typeErrorType, `can only concatenate str (not "${tb.name}") to str`);
    }
    if (base === NB_ADD && ta === listType) {
      raise(typeErrorType, `can only concatenate list (not "${tb.name}") to list`);
    }
    if (base === NB_ADD && ta.name === 'tuple' && ta.solid === ta) {
      raise(typeErrorType, `can only concatenate tuple (not "${tb.name}") to tuple`);
    }
    if (base === NB_MULTIPLY) {
      const isSeq = (t: PyType) => t.isSubtype(strType) || t.isSubtype(listType) || t.isSubtype(tupleType);
      // sequence_repeat: the count may be any object with __index__
      const hasIndex = (o: PyObject) => !(o instanceof PyInt) && o.type.lookup('__index__') !== undefined;
      if (isSeq(ta)) {
        if (hasIndex(b)) return binaryOp(a, newInt(asIndex(b)), op);
        raise(typeErrorType, `can't multiply sequence by non-int of type '${tb.name}'`);
      }
      if (isSeq(tb)) {
        if (hasIndex(a)) return binaryOp(newInt(asIndex(a)), b, op);
        raise(typeErrorType, `can't multiply sequence by non-int of type '${ta.name}'`);
      }
    }
  }
  const sym = SYMBOL[base]! + (op >= NB_INPLACE ? '=' : '');
  if (base === NB_POWER) {
    raise(typeErrorType, `unsupported operand type(s) for ${op >= NB_INPLACE ? '**=' : '** or pow()'}: '${ta.name}' and '${tb.name}'`);
  }
  unsupported(a, b, sym);
}

export function negative(o: PyObject): PyObject {
  if (o instanceof PyInt && o.type.solid === o.type) return newInt(-o.value);
  if (o instanceof PyFloat && o.type === floatType) return new PyFloat(-o.value);
  return unaryOp(o, '__neg__', '-');
}

export function positive(o: PyObject): PyObject {
  return unaryOp(o, '__pos__', '+');
}

export function invert(o: PyObject): PyObject {
  if (o instanceof PyInt && o.type.solid === o.type) return newInt(~o.value);
  return unaryOp(o, '__invert__', '~');
}

function unaryOp(o: PyObject, name: string, sym: string): PyObject {
  const m = o.type.lookup(name);
  if (m === undefined) raise(typeErrorType, `bad operand type for unary ${sym}: '${o.type.name}'`);
  return callSpecial(m, o, []);
}

/** PyNumber_Index: an int from an object with __index__. */
export function asIndex(o: PyObject): bigint {
  if (o instanceof PyInt) return o.value;
  const m = o.type.lookup('__index__');
  if (m === undefined) raise(typeErrorType, `'${o.type.name}' object cannot be interpreted as an integer`);
  const r = callSpecial(m, o, []);
  if (!(r instanceof PyInt)) raise(typeErrorType, `__index__ returned non-int (type ${r.type.name})`);
  return r.value;
}

/** An index as a JS number (clamped to ±2**53 for huge values, which are out of range anyway). */
export function asJsIndex(o: PyObject): number {
  if (o instanceof PyInt && o.num === o.num) return o.num;
  const v = asIndex(o);
  if (v > MAX_SAFE) return Number.MAX_SAFE_INTEGER;
  if (v < -MAX_SAFE) return -Number.MAX_SAFE_INTEGER;
  return Number(v);
}

/** For a sequence index: an int via __index__, else TypeError naming the container. */
export function indexOrTypeError(o: PyObject, what: string): number {
  if (o instanceof PyInt) return intNumber(o);
  const m = o.type.lookup('__index__');
  if (m === undefined) raise(typeErrorType, `${what} indices must be integers or slices, not ${o.type.name}`);
  return asJsIndex(o);
}
