// float's methods. CPython counterpart: Objects/floatobject.c (float_methods, float_new,
// float_as_number, float_richcompare).
import { raise } from '../errors.js';
import { NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, newInt, pyBool } from './int.js';
import { PyFloat, floatType } from './float.js';
import { PyStr, newStr } from './str.js';
import { newTuple } from './tuple.js';
import { checkArity, defMethod, type Kwargs } from './native.js';
import { PyClassMethod, defGetSet } from './descr.js';
import { PyBuiltin } from './native.js';
import { callObject } from '../protocols/call.js';
import { floatFromHex, floatHex } from '../format/float-hex.js';
import { overflowErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { asFloatOperand, asJsIndex, floatBinary, floatDivmod, floatPow, OP_NAMES } from '../protocols/number.js';
import { compareIntFloat, cmpResult } from '../protocols/compare.js';
import { floatHashOf } from '../protocols/hash.js';
import { callSpecial } from '../protocols/call.js';
import { formatFloat } from '../format/format-spec.js';
import { roundFloat } from '../format/float-format.js';
import { decimalsToAscii } from './unicode-digits.js';
import { floatRepr, repr, str } from '../protocols/repr.js';

/** float(str) as CPython parses it (PyOS_string_to_double + underscores), or null. */
export function parseFloatLiteral(text: string): number | null {
  const s = decimalsToAscii(text.trim()).toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(s);
  if (m) return m[2] === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  if (!/^[+-]?(\d(_?\d)*\.?(\d(_?\d)*)?|\.\d(_?\d)*)(e[+-]?\d(_?\d)*)?$/.test(s)) return null;
  return Number(s.replace(/_/g, ''));
}

function floatNew(cls: PyType, args: PyObject[], _kw: Kwargs | null): PyObject {
  const x = args[0];
  let v: number;
  if (x === undefined) v = 0;
  else if (x instanceof PyFloat) v = x.value;
  else if (x instanceof PyInt) v = asFloatOperand(x)!;
  else if (x instanceof PyStr) {
    const r = parseFloatLiteral(x.value);
    if (r === null) raise(valueErrorType, `could not convert string to float: ${repr(x)}`);
    v = r;
  } else {
    const m = x.type.lookup('__float__');
    if (m === undefined) {
      const idx = x.type.lookup('__index__');
      if (idx === undefined) raise(typeErrorType, `float() argument must be a string or a real number, not '${x.type.name}'`);
      v = Number((callSpecial(idx, x, []) as PyInt).value);
    } else {
      const r = callSpecial(m, x, []);
      if (!(r instanceof PyFloat)) raise(typeErrorType, `${x.type.name}.__float__ returned non-float (type ${r.type.name})`);
      v = r.value;
    }
  }
  return new PyFloat(v, cls);
}

function val(o: PyObject): number {
  return (o as PyFloat).value;
}

export function initFloat(): void {
  const t = floatType;
  defMethod(t, '__new__', (a, kw) => floatNew(a[0] as PyType, a.slice(1), kw));
  defMethod(t, '__repr__', (a) => newStr(floatRepr(val(a[0]!))));
  defMethod(t, '__hash__', (a) => new PyInt(floatHashOf(a[0] as PyFloat)));
  defMethod(t, '__bool__', (a) => pyBool(val(a[0]!) !== 0));
  defMethod(t, '__float__', (a) => new PyFloat(val(a[0]!)));
  defMethod(t, '__int__', (a) => toInt(val(a[0]!)));
  defMethod(t, '__trunc__', (a) => toInt(val(a[0]!)));
  defMethod(t, '__floor__', (a) => toInt(Math.floor(val(a[0]!))));
  defMethod(t, '__ceil__', (a) => toInt(Math.ceil(val(a[0]!))));
  defMethod(t, '__neg__', (a) => new PyFloat(-val(a[0]!)));
  defMethod(t, '__pos__', (a) => new PyFloat(val(a[0]!)));
  defMethod(t, '__abs__', (a) => new PyFloat(Math.abs(val(a[0]!))));
  defMethod(t, '__round__', (a) => {
    const x = val(a[0]!);
    if (a[1] === undefined || a[1].type.name === 'NoneType') {
      if (x !== x) raise(valueErrorType, 'cannot convert float NaN to integer');
      if (!Number.isFinite(x)) raise(overflowErrorType, 'cannot convert float infinity to integer');
      let r = Math.round(x);
      if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
      return newInt(BigInt(r));
    }
    return new PyFloat(roundFloat(x, asJsIndex(a[1])));
  });
  defMethod(t, '__format__', (a) => {
    const spec = (a[1] as PyStr).value;
    if (spec === '') return newStr(str(a[0]!));
    return newStr(formatFloat(val(a[0]!), spec));
  });
  defMethod(t, 'is_integer', (a) => pyBool(Number.isInteger(val(a[0]!))));
  defMethod(t, 'conjugate', (a) => new PyFloat(val(a[0]!)));
  t.setAttr(
    'fromhex',
    new PyClassMethod(
      new PyBuiltin('fromhex', (a) => {
        checkArity('float', 'fromhex', a.length - 1, 1, 1);
        if (!(a[1] instanceof PyStr)) raise(typeErrorType, `fromhex() argument must be str, not ${a[1]!.type.name}`);
        const v = new PyFloat(floatFromHex(a[1].value));
        return a[0] === floatType ? v : callObject(a[0]!, [v], null);
      }),
    ),
  );
  // float.__getformat__(typestr): how C stores doubles and floats (IEEE, in the byte order of
  // every platform JavaScript runs on); test.support asks it at import
  t.setAttr(
    '__getformat__',
    new PyClassMethod(
      new PyBuiltin('__getformat__', (a) => {
        checkArity('float', '__getformat__', a.length - 1, 1, 1);
        if (!(a[1] instanceof PyStr)) raise(typeErrorType, `__getformat__() argument must be str, not ${a[1]!.type.name}`);
        if (a[1].value !== 'double' && a[1].value !== 'float') raise(valueErrorType, "__getformat__() argument 1 must be 'double' or 'float'");
        return newStr('IEEE, little-endian');
      }),
    ),
  );
  defMethod(t, 'as_integer_ratio', (a) => {
    const x = val(a[0]!);
    if (!Number.isFinite(x)) raise(x !== x ? valueErrorType : overflowErrorType, x !== x ? 'cannot convert NaN to integer ratio' : 'cannot convert Infinity to integer ratio');
    let num = x;
    let den = 1n;
    while (!Number.isInteger(num)) {
      num *= 2;
      den *= 2n;
    }
    let n = BigInt(num);
    const g = gcd(n < 0n ? -n : n, den);
    n /= g;
    den /= g;
    return newTuple([newInt(n), newInt(den)]);
  });
  defMethod(t, 'hex', (a) => newStr(floatHex(val(a[0]!))));
  defGetSet(t, 'real', (o) => new PyFloat(val(o)));
  defGetSet(t, 'imag', () => new PyFloat(0));
  for (let op = 0; op < 13; op++) {
    const name = OP_NAMES[op]!;
    const rname = '__r' + name.slice(2);
    defMethod(t, name, (a) => {
      const b = asFloatOperand(a[1]!);
      if (b === undefined) return NotImplemented;
      return floatBinary(val(a[0]!), b, op) ?? NotImplemented;
    });
    defMethod(t, rname, (a) => {
      const b = asFloatOperand(a[1]!);
      if (b === undefined) return NotImplemented;
      return floatBinary(b, val(a[0]!), op) ?? NotImplemented;
    });
  }
  defMethod(t, '__pow__', (a) => {
    const b = asFloatOperand(a[1]!);
    if (b === undefined) return NotImplemented;
    if (a[2] !== undefined && a[2].type.name !== 'NoneType') raise(typeErrorType, 'pow() 3rd argument not allowed unless all arguments are integers');
    return floatBinary(val(a[0]!), b, 8)!;
  });
  defMethod(t, '__divmod__', (a) => {
    const b = asFloatOperand(a[1]!);
    if (b === undefined) return NotImplemented;
    const [q, r] = floatDivmod(val(a[0]!), b);
    return newTuple([new PyFloat(q), new PyFloat(r)]);
  });
  defMethod(t, '__rdivmod__', (a) => {
    const b = asFloatOperand(a[1]!);
    if (b === undefined) return NotImplemented;
    const [q, r] = floatDivmod(b, val(a[0]!));
    return newTuple([new PyFloat(q), new PyFloat(r)]);
  });
  const cmp = (name: string, op: number) =>
    defMethod(t, name, (a) => {
      const x = val(a[0]!);
      const b = a[1]!;
      if (b instanceof PyFloat) {
        const y = b.value;
        if (x !== x || y !== y) return pyBool(op === 3);
        return pyBool(cmpResult(x < y ? -1 : x > y ? 1 : 0, op));
      }
      if (b instanceof PyInt) {
        const c = compareIntFloat(b.value, x);
        if (c !== c) return pyBool(op === 3);
        return pyBool(cmpResult(-c, op));
      }
      return NotImplemented;
    });
  cmp('__lt__', 0);
  cmp('__le__', 1);
  cmp('__eq__', 2);
  cmp('__ne__', 3);
  cmp('__gt__', 4);
  cmp('__ge__', 5);
}

function toInt(x: number): PyInt {
  if (x !== x) raise(valueErrorType, 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) raise(overflowErrorType, 'cannot convert float infinity to integer');
  return newInt(BigInt(Math.trunc(x)));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

