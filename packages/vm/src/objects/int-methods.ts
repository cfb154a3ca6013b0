// int's and bool's methods. CPython counterpart: Objects/longobject.c (long_methods, long_new,
// long_as_number), Objects/boolobject.c.
import { raise } from '../errors.js';
import { NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, intType, boolType, newInt, intFromNumber, pyBool, True, False, getMaxStrDigits, intDecimal } from './int.js';
import { PyFloat } from './float.js';
import { PyStr, newStr } from './str.js';
import { PyBytes, bytesLike } from './bytes.js';
import { bytesFromObject } from './bytes-methods.js';
import { decimalsToAscii } from './unicode-digits.js';
import { PyClassMethod } from './descr.js';
import { PyBuiltin } from './native.js';
import { callObject } from '../protocols/call.js';
import { newTuple } from './tuple.js';
import { defMethod, type Kwargs } from './native.js';
import { defGetSet } from './descr.js';
import { overflowErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { intBinary, intFloorDiv, intMod, intPowMod, intToFloat, floatBinary, OP_NAMES, asIndex } from '../protocols/number.js';
import { intHash } from '@tspyc/bytecode';
import { callSpecial } from '../protocols/call.js';
import { formatInt } from '../format/format-spec.js';
import { repr, str } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';

/** int(x) / int(s, base). CPython: long_new_impl, PyLong_FromUnicodeObject. */
export function parseIntLiteral(text: string, base: number): bigint | null {
  let s = decimalsToAscii(text.trim()).replace(/_(?=[0-9a-zA-Z])/g, (m, off: number) => (off > 0 ? '' : m));
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (base === 0) {
    const p = s.slice(0, 2).toLowerCase();
    if (p === '0x') base = 16;
    else if (p === '0o') base = 8;
    else if (p === '0b') base = 2;
    else {
      base = 10;
      if (/^0+[1-9]/.test(s)) return null;
    }
  }
  if ((base === 16 && /^0x/i.test(s)) || (base === 8 && /^0o/i.test(s)) || (base === 2 && /^0b/i.test(s))) s = s.slice(2);
  if (s.length === 0 || s.startsWith('_') || s.endsWith('_') || s.includes('__')) return null;
  s = s.replace(/_/g, '');
  const limit = getMaxStrDigits();
  if ((base & (base - 1)) !== 0 && limit > 0 && s.length > limit && /^[0-9a-z]+$/i.test(s)) {
    raise(valueErrorType, `Exceeds the limit (${limit} digits) for integer string conversion: value has ${s.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  if (base === 10 && /^[0-9]+$/.test(s)) return neg ? -BigInt(s) : BigInt(s);
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  let v = 0n;
  const b = BigInt(base);
  for (const ch of s.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d < 0) return null;
    v = v * b + BigInt(d);
  }
  return neg ? -v : v;
}

function intNew(cls: PyType, args: PyObject[], kw: Kwargs | null): PyObject {
  // int(x=0, /, base=10): x is positional-only
  for (const k of kw?.keys() ?? []) if (k !== 'base') raise(typeErrorType, `'${k}' is an invalid keyword argument for int()`);
  const x = args[0];
  const baseArg = args[1] ?? kw?.get('base');
  let v: bigint;
  if (x === undefined) v = 0n;
  else if (baseArg !== undefined) {
    const base = Number(asIndex(baseArg));
    if (!(x instanceof PyStr)) raise(typeErrorType, "int() can't convert non-string with explicit base");
    if (base !== 0 && (base < 2 || base > 36)) raise(valueErrorType, 'int() base must be >= 2 and <= 36, or 0');
    const r = parseIntLiteral(x.value, base);
    if (r === null) raise(valueErrorType, `invalid literal for int() with base ${base}: ${repr(x)}`);
    v = r;
  } else if (x instanceof PyInt) v = x.value;
  else if (x instanceof PyFloat) {
    if (x.value !== x.value) raise(valueErrorType, 'cannot convert float NaN to integer');
    if (!Number.isFinite(x.value)) raise(overflowErrorType, 'cannot convert float infinity to integer');
    v = BigInt(Math.trunc(x.value));
  } else if (x instanceof PyStr) {
    const r = parseIntLiteral(x.value, 10);
    if (r === null) raise(valueErrorType, `invalid literal for int() with base 10: ${repr(x)}`);
    v = r;
  } else if (x instanceof PyBytes) {
    const s = new TextDecoder().decode(x.value);
    const r = parseIntLiteral(s, 10);
    if (r === null) raise(valueErrorType, `invalid literal for int() with base 10: ${repr(x)}`);
    v = r;
  } else {
    const m = x.type.lookup('__int__') ?? x.type.lookup('__index__');
    if (m === undefined) {
      const tr = x.type.lookup('__trunc__');
      if (tr === undefined) {
        raise(typeErrorType, `int() argument must be a string, a bytes-like object or a real number, not '${x.type.name}'`);
      }
      v = asIndex(callSpecial(tr, x, []));
    } else {
      const r = callSpecial(m, x, []);
      if (!(r instanceof PyInt)) raise(typeErrorType, `__int__ returned non-int (type ${r.type.name})`);
      v = r.value;
    }
  }
  if (cls === intType) return newInt(v);
  return new PyInt(v, cls);
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
