// int's and bool's methods. CPython counterpart: Objects/longobject.c (long_methods, long_new,
// long_as_number), Objects/boolobject.c.
import { raise } from '../errors.js';
import { NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, intType, boolType, newInt, intFromNumber, pyBool, True, False, intDecimal } from './int.js';
import { PyFloat, floatType } from './float.js';
import { PyStr, newStr } from './str.js';
import { PyByteArray, PyBytes, bytesLike } from './bytes.js';
import { bytesFromObject } from './bytes-methods.js';
import { longFromBytes, longFromUnicode } from './long-from-string.js';
import { bufferOf } from '../protocols/buffer.js';
import { warnEx } from '../modules/warnings-c.js';
import { PyClassMethod } from './descr.js';
import { PyBuiltin } from './native.js';
import { callObject } from '../protocols/call.js';
import { newTuple } from './tuple.js';
import { defMethod, type Kwargs } from './native.js';
import { defGetSet } from './descr.js';
import { deprecationWarningType, overflowErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { intBinary, intFloorDiv, intMod, intPowMod, intToFloat, floatBinary, OP_NAMES, asIndex } from '../protocols/number.js';
import { intHash } from '@tspyc/bytecode';
import { callSpecial } from '../protocols/call.js';
import { formatInt } from '../format/format-spec.js';
import { repr, str } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';

/** long_new_impl: int(x=0, /, base=10); a subclass gets a copy of the int's value. */
function intNew(cls: PyType, args: PyObject[], kw: Kwargs | null): PyObject {
  for (const k of kw?.keys() ?? []) if (k !== 'base') raise(typeErrorType, `'${k}' is an invalid keyword argument for int()`);
  if (args.length > 2) raise(typeErrorType, `int() takes at most 2 arguments (${args.length} given)`);
  const x = args[0];
  const baseArg = args[1] ?? kw?.get('base');
  let v: bigint;
  if (x === undefined) {
    if (baseArg !== undefined) raise(typeErrorType, 'int() missing string argument');
    v = 0n;
  } else if (baseArg === undefined) v = numberLong(x);
  else {
    const base = asIndex(baseArg);
    if ((base !== 0n && base < 2n) || base > 36n) raise(valueErrorType, 'int() base must be >= 2 and <= 36, or 0');
    if (x instanceof PyStr) v = longFromUnicode(x, Number(base));
    else if (x instanceof PyBytes || x instanceof PyByteArray) v = longFromBytes(x.value, Number(base));
    else raise(typeErrorType, "int() can't convert non-string with explicit base");
  }
  if (cls === intType) return newInt(v);
  return new PyInt(v, cls);
}

const SUBCLASS_DEPRECATED = 'The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.';

/** The value of __int__'s or __index__'s result: an int; a subclass of int is deprecated. */
function intResult(r: PyObject, slot: string): bigint {
  if (!(r instanceof PyInt)) raise(typeErrorType, `${slot} returned non-int (type ${r.type.name})`);
  if (r.type !== intType) warnEx(deprecationWarningType, `${slot} returned non-int (type ${r.type.name}).  ${SUBCLASS_DEPRECATED}`);
  return r.value;
}

/** PyNumber_Index's value, with its DeprecationWarning for a strict subclass of int. */
function numberIndex(o: PyObject): bigint {
  if (o instanceof PyInt) return o.value;
  const m = o.type.lookup('__index__');
  if (m === undefined) raise(typeErrorType, `'${o.type.name}' object cannot be interpreted as an integer`);
  return intResult(callSpecial(m, o, []), '__index__');
}

/** PyNumber_Long: __int__, __index__, then the deprecated __trunc__, then text or a buffer. */
function numberLong(x: PyObject): bigint {
  const t = x.type;
  if (t === intType || t === boolType) return (x as PyInt).value;
  if (t === floatType) return floatToLong((x as PyFloat).value);
  const m = t.lookup('__int__');
  if (m !== undefined) return intResult(callSpecial(m, x, []), '__int__');
  if (t.lookup('__index__') !== undefined) return numberIndex(x);
  const tr = t.lookup('__trunc__');
  if (tr !== undefined) {
    warnEx(deprecationWarningType, 'The delegation of int() to __trunc__ is deprecated.');
    const r = callSpecial(tr, x, []);
    if (r instanceof PyInt) return r.value;
    if (r.type.lookup('__index__') === undefined) raise(typeErrorType, `__trunc__ returned non-Integral (type ${r.type.name})`);
    return numberIndex(r);
  }
  if (x instanceof PyStr) return longFromUnicode(x, 10);
  const b = bufferOf(x);
  if (b !== null) return longFromBytes(b, 10);
  raise(typeErrorType, `int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

/** float.__int__ (float___trunc___impl) */
function floatToLong(d: number): bigint {
  if (d !== d) raise(valueErrorType, 'cannot convert float NaN to integer');
  if (!Number.isFinite(d)) raise(overflowErrorType, 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(d));
}

function val(o: PyObject): bigint {
  return (o as PyInt).value;
}

export function initInt(): void {
  const t = intType;
  defMethod(t, '__new__', (a, kw) => intNew(a[0] as PyType, a.slice(1), kw));
  defMethod(t, '__repr__', (a) => newStr(intDecimal(val(a[0]!))));
  defMethod(t, '__hash__', (a) => new PyInt(intHash(val(a[0]!))));
  defMethod(t, '__bool__', (a) => pyBool(val(a[0]!) !== 0n));
  defMethod(t, '__index__', (a) => newInt(val(a[0]!)));
  defMethod(t, '__int__', (a) => newInt(val(a[0]!)));
  defMethod(t, '__float__', (a) => new PyFloat(intToFloat(val(a[0]!))));
  defMethod(t, '__neg__', (a) => newInt(-val(a[0]!)));
  defMethod(t, '__pos__', (a) => newInt(val(a[0]!)));
  defMethod(t, '__abs__', (a) => newInt(val(a[0]!) < 0n ? -val(a[0]!) : val(a[0]!)));
  defMethod(t, '__invert__', (a) => newInt(~val(a[0]!)));
  defMethod(t, '__trunc__', (a) => newInt(val(a[0]!)));
  defMethod(t, '__floor__', (a) => newInt(val(a[0]!)));
  defMethod(t, '__ceil__', (a) => newInt(val(a[0]!)));
  defMethod(t, '__round__', (a) => {
    const v = val(a[0]!);
    if (a[1] === undefined || a[1].type.name === 'NoneType') return newInt(v);
    const nd = asIndex(a[1]);
    if (nd >= 0n) return newInt(v);
    const p = 10n ** -nd;
    let q = intFloorDiv(v, p);
    const r = v - q * p;
    if (r * 2n > p || (r * 2n === p && (q & 1n) === 1n)) q += 1n;
    return newInt(q * p);
  });
  defMethod(t, '__format__', (a) => {
    const spec = (a[1] as PyStr).value;
    if (spec === '') return newStr(str(a[0]!));
    return newStr(formatInt(val(a[0]!), spec, a[0]!.type.name));
  });
  defMethod(t, '__getnewargs__', (a) => newTuple([newInt(val(a[0]!))]));
  for (let op = 0; op < 13; op++) {
    const name = OP_NAMES[op]!;
    const rname = '__r' + name.slice(2);
    defMethod(t, name, (a) => {
      const b = a[1]!;
      if (!(b instanceof PyInt)) return NotImplemented;
      if (op === 1 || op === 7 || op === 12) {
        // & | ^ on two bools give a bool
        if (a[0]!.type === boolType && b.type === boolType) {
          const x = val(a[0]!) !== 0n;
          const y = b.value !== 0n;
          return pyBool(op === 1 ? x && y : op === 7 ? x || y : x !== y);
        }
      }
      return intBinary(val(a[0]!), b.value, op) ?? NotImplemented;
    });
    defMethod(t, rname, (a) => {
      const b = a[1]!;
      if (!(b instanceof PyInt)) return NotImplemented;
      return intBinary(b.value, val(a[0]!), op) ?? NotImplemented;
    });
  }
  defMethod(t, '__pow__', (a) => {
    const b = a[1]!;
    if (!(b instanceof PyInt)) return NotImplemented;
    if (a[2] !== undefined && a[2].type.name !== 'NoneType') {
      if (!(a[2] instanceof PyInt)) return NotImplemented;
      return newInt(intPowMod(val(a[0]!), b.value, a[2].value));
    }
    return intBinary(val(a[0]!), b.value, 8)!;
  });
  defMethod(t, '__divmod__', (a) => {
    const b = a[1]!;
    if (!(b instanceof PyInt)) return NotImplemented;
    return newTuple([newInt(intFloorDiv(val(a[0]!), b.value)), newInt(intMod(val(a[0]!), b.value))]);
  });
  defMethod(t, '__rdivmod__', (a) => {
    const b = a[1]!;
    if (!(b instanceof PyInt)) return NotImplemented;
    return newTuple([newInt(intFloorDiv(b.value, val(a[0]!))), newInt(intMod(b.value, val(a[0]!)))]);
  });
  const cmp = (name: string, f: (x: bigint, y: bigint) => boolean) =>
    defMethod(t, name, (a) => {
      const b = a[1]!;
      if (b instanceof PyInt) return pyBool(f(val(a[0]!), b.value));
      if (b instanceof PyFloat) return NotImplemented;
      return NotImplemented;
    });
  cmp('__eq__', (x, y) => x === y);
  cmp('__ne__', (x, y) => x !== y);
  cmp('__lt__', (x, y) => x < y);
  cmp('__le__', (x, y) => x <= y);
  cmp('__gt__', (x, y) => x > y);
  cmp('__ge__', (x, y) => x >= y);
  defMethod(t, 'bit_length', (a) => {
    const v = val(a[0]!);
    return intFromNumber(v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length);
  });
  defMethod(t, 'bit_count', (a) => {
    const v = val(a[0]!);
    return intFromNumber([...(v < 0n ? -v : v).toString(2)].filter((c) => c === '1').length);
  });
  defMethod(t, 'conjugate', (a) => newInt(val(a[0]!)));
  defMethod(t, 'as_integer_ratio', (a) => newTuple([newInt(val(a[0]!)), newInt(1n)]));
  defMethod(t, 'to_bytes', (a, kw) => {
    const v = val(a[0]!);
    const lengthArg = asIndex(a[1] ?? kw?.get('length') ?? newInt(1n));
    if (lengthArg < 0n) raise(valueErrorType, 'length argument must be non-negative');
    const length = Number(lengthArg);
    const order = ((a[2] ?? kw?.get('byteorder')) as PyStr | undefined)?.value ?? 'big';
    if (order !== 'big' && order !== 'little') raise(valueErrorType, "byteorder must be either 'little' or 'big'");
    const signed = kw?.get('signed') !== undefined && isTrue(kw.get('signed')!);
    if (signed && length > 0 && v >= 1n << BigInt(8 * length - 1)) raise(overflowErrorType, 'int too big to convert');
    if (signed && length === 0 && v !== 0n) raise(overflowErrorType, 'int too big to convert');
    let x = v;
    if (x < 0n) {
      if (!signed) raise(overflowErrorType, "can't convert negative int to unsigned");
      x += 1n << BigInt(8 * length);
    }
    const out = new Uint8Array(length);
    for (let i = length - 1; i >= 0; i--) {
      out[i] = Number(x & 0xffn);
      x >>= 8n;
    }
    if (x !== 0n) raise(overflowErrorType, 'int too big to convert');
    if (order === 'little') out.reverse();
    return new PyBytes(out);
  });
  t.setAttr(
    'from_bytes',
    new PyClassMethod(
      new PyBuiltin('from_bytes', (a, kw) => {
        const src = a[1] ?? kw?.get('bytes');
        if (src === undefined) raise(typeErrorType, "from_bytes() missing required argument 'bytes' (pos 1)");
        const order = a[2] ?? kw?.get('byteorder');
        const o = order === undefined ? 'big' : order instanceof PyStr ? order.value : raise(typeErrorType, `from_bytes() argument 'byteorder' must be str, not ${order.type.name}`);
        if (o !== 'big' && o !== 'little') raise(valueErrorType, "byteorder must be either 'little' or 'big'");
        const signed = kw?.get('signed') !== undefined && isTrue(kw.get('signed')!);
        const data = bytesLike(src) ?? Uint8Array.from(bytesFromObject(src, 'bytes'));
        const bytes = o === 'little' ? Array.from(data).reverse() : Array.from(data);
        let x = 0n;
        for (const c of bytes) x = (x << 8n) | BigInt(c);
        if (signed && bytes.length > 0 && bytes[0]! & 0x80) x -= 1n << BigInt(8 * bytes.length);
        const cls = a[0] as PyType;
        return cls === intType ? newInt(x) : callObject(cls, [newInt(x)], null);
      }),
    ),
  );
  defGetSet(t, 'real', (o) => newInt(val(o)));
  defGetSet(t, 'imag', () => newInt(0n));
  defGetSet(t, 'numerator', (o) => newInt(val(o)));
  defGetSet(t, 'denominator', () => newInt(1n));

  // bool
  const b = boolType;
  defMethod(b, '__new__', (a, kw) => {
    if (kw && kw.size > 0) raise(typeErrorType, 'bool() takes no keyword arguments');
    if (a.length > 2) raise(typeErrorType, `bool expected at most 1 argument, got ${a.length - 1}`);
    return pyBool(a.length > 1 ? isTrue(a[1]!) : false);
  });
  defMethod(b, '__repr__', (a) => newStr(a[0] === True ? 'True' : 'False'));
  void False;
  void floatBinary;
}
