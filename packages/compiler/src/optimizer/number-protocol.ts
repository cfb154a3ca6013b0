// PyNumber_* over constant operands: the int → float → complex coercions of CPython's numeric
// tower, bool treated as int (but bool & | ^ bool stay bool). null: CPython would raise (or the
// operands are not numbers), so the optimizer leaves the expression as it is.
import { Kind, PyBool, PyComplex, PyFloat, PyInt, type PyValue } from '@tspyc/bytecode';
import { cdiff, complexPow, cprod, cquot, csum, type Complex } from './complex-ops.js';
import { floatDivMod, floatMod, floatPow, intToFloat, intTrueDivide } from './float-ops.js';
import { intFloorDiv, intLShift, intMod, intRShift } from './int-ops.js';

/** operator node types of the AST (BinOp.op._type) */
export type BinaryOperator = 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow' | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';

export function isInt(v: PyValue): v is PyInt | PyBool {
  return v.kind === Kind.Int || v.kind === Kind.Bool;
}

export function intValue(v: PyInt | PyBool): bigint {
  return v.kind === Kind.Bool ? (v.value ? 1n : 0n) : v.value;
}

function isNumber(v: PyValue): boolean {
  return isInt(v) || v.kind === Kind.Float || v.kind === Kind.Complex;
}

function asFloat(v: PyValue): number | null {
  return v.kind === Kind.Float ? v.value : intToFloat(intValue(v as PyInt | PyBool));
}

function asComplex(v: PyValue): Complex | null {
  if (v.kind === Kind.Complex) return [v.real, v.imag];
  const f = asFloat(v);
  return f === null ? null : [f, 0];
}

const int = (v: bigint | null): PyValue | null => (v === null ? null : new PyInt(v));
const float = (v: number | null): PyValue | null => (v === null ? null : new PyFloat(v));
const complex = (v: Complex | null): PyValue | null => (v === null ? null : new PyComplex(v[0], v[1]));

function floatPowValue(x: number, y: number): PyValue | null {
  const r = floatPow(x, y);
  // float_pow hands a negative base with a fractional exponent over to complex_pow
  return r === 'complex' ? complex(complexPow([x, 0], [y, 0])) : float(r);
}

function intBinary(op: BinaryOperator, v: PyInt | PyBool, w: PyInt | PyBool): PyValue | null {
  const a = intValue(v);
  const b = intValue(w);
  const bothBool = v.kind === Kind.Bool && w.kind === Kind.Bool;
  switch (op) {
    case 'Add': return int(a + b);
    case 'Sub': return int(a - b);
    case 'Mult': return int(a * b);
    case 'Div': return float(intTrueDivide(a, b));
    case 'FloorDiv': return int(intFloorDiv(a, b));
    case 'Mod': return int(intMod(a, b));
    case 'Pow': {
      if (b >= 0n) return int(a ** b);
      // a negative exponent: long_pow defers to float_pow
      const x = intToFloat(a);
      const y = intToFloat(b);
      return x === null || y === null ? null : floatPowValue(x, y);
    }
    case 'LShift': return int(intLShift(a, b));
    case 'RShift': return int(intRShift(a, b));
    case 'BitAnd': return bothBool ? PyBool.of(Boolean(a & b)) : int(a & b);
    case 'BitOr': return bothBool ? PyBool.of(Boolean(a | b)) : int(a | b);
    case 'BitXor': return bothBool ? PyBool.of(Boolean(a ^ b)) : int(a ^ b);
    default: return null;
  }
}

function floatBinary(op: BinaryOperator, x: number, y: number): PyValue | null {
  switch (op) {
    case 'Add': return float(x + y);
    case 'Sub': return float(x - y);
    case 'Mult': return float(x * y);
    case 'Div': return y === 0 ? null : float(x / y);
    case 'FloorDiv': {
      const dm = floatDivMod(x, y);
      return dm === null ? null : float(dm[0]);
    }
    case 'Mod': return float(floatMod(x, y));
    case 'Pow': return floatPowValue(x, y);
    default: return null;
  }
}

function complexBinary(op: BinaryOperator, a: Complex, b: Complex): PyValue | null {
  switch (op) {
    case 'Add': return complex(csum(a, b));
    case 'Sub': return complex(cdiff(a, b));
    case 'Mult': return complex(cprod(a, b));
    case 'Div': return complex(cquot(a, b));
    case 'Pow': return complex(complexPow(a, b));
    default: return null;
  }
}

/** v OP w for two numbers; null when either is not a number or the operation raises. */
export function numberBinaryOp(op: BinaryOperator, v: PyValue, w: PyValue): PyValue | null {
  if (!isNumber(v) || !isNumber(w)) return null;
  if (v.kind === Kind.Complex || w.kind === Kind.Complex) {
    const a = asComplex(v);
    const b = asComplex(w);
    return a === null || b === null ? null : complexBinary(op, a, b);
  }
  if (v.kind === Kind.Float || w.kind === Kind.Float) {
    const x = asFloat(v);
    const y = asFloat(w);
    return x === null || y === null ? null : floatBinary(op, x, y);
  }
  return intBinary(op, v as PyInt | PyBool, w as PyInt | PyBool);
}
