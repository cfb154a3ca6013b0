// The _struct module Lib/struct.py re-exports: pack, unpack, calcsize, the *_into/_from forms,
// iter_unpack and Struct, for every format character, in native (@, with alignment, a 64-bit
// little-endian machine) and standard (= < > !) modes. CPython counterpart: Modules/_struct.c.
import { raise } from '../errors.js';
import { builtinType, None, PyObject, type PyType } from '../objects/object.js';
import { False, intFromNumber, newInt, PyInt, True } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyByteArray, PyBytes } from '../objects/bytes.js';
import { newTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { PyNativeIter } from '../objects/iterators.js';
import { defIteratorMethods } from '../objects/iterator-methods.js';
import { exceptionType, typeErrorType } from '../objects/exception-types.js';
import { typeNew } from '../objects/type.js';
import { asIndex } from '../protocols/number.js';
import { isTrue } from '../protocols/truth.js';
import { PyMemoryView } from '../objects/memoryview.js';
import { callSpecial } from '../protocols/call.js';

let structError: PyType | null = null;
/** struct.error */
function errorType(): PyType {
  if (structError === null) {
    const ns = new PyDict();
    ns.setStr('__module__', newStr('struct'));
    structError = typeNew(exceptionType.type, 'error', [exceptionType], ns, null);
  }
  return structError;
}
function fail(msg: string): never {
  raise(errorType(), msg);
}

interface Item {
  code: string;
  /** repeat count ('s' and 'p': the byte length) */
  count: number;
  offset: number;
}

interface Layout {
  format: string;
  little: boolean;
  native: boolean;
  items: Item[];
  size: number;
  /** arguments pack takes */
  nargs: number;
}

const NATIVE_SIZE: Record<string, number> = { x: 1, c: 1, b: 1, B: 1, '?': 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, n: 8, N: 8, e: 2, f: 4, d: 8, s: 1, p: 1, P: 8 };
const STANDARD_SIZE: Record<string, number> = { x: 1, c: 1, b: 1, B: 1, '?': 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, e: 2, f: 4, d: 8, s: 1, p: 1 };

const layouts = new Map<string, Layout>();

function parse(format: string): Layout {
  const cached = layouts.get(format);
  if (cached) return cached;
  let i = 0;
  let little = true;
  let native = true;
  const first = format[0];
  if (first === '<' || first === '>' || first === '!' || first === '=' || first === '@') {
    native = first === '@';
    little = first === '<' || first === '=' || first === '@';
    i = 1;
  }
  const sizes = native ? NATIVE_SIZE : STANDARD_SIZE;
  const items: Item[] = [];
  let size = 0;
  let nargs = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let count = 1;
    if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < format.length && format[j]! >= '0' && format[j]! <= '9') j++;
      count = Number(format.slice(i, j));
      i = j;
      if (i >= format.length) fail('repeat count given without format specifier');
    }
    const code = format[i++]!;
    const unit = sizes[code];
    if (unit === undefined) fail('bad char in struct format');
    if (native) size = Math.ceil(size / unit) * unit; // native alignment
    if (code === 's' || code === 'p') {
      items.push({ code, count, offset: size });
      size += count;
      nargs++;
    } else {
      for (let k = 0; k < count; k++) {
        if (code !== 'x') {
          items.push({ code, count: 1, offset: size });
          nargs++;
        }
        size += unit;
      }
    }
  }
  const layout = { format, little, native, items, size, nargs };
  layouts.set(format, layout);
  return layout;
}

const INT_RANGE: Record<string, [bigint, bigint, number]> = {
  b: [-128n, 127n, 1], B: [0n, 255n, 1], h: [-32768n, 32767n, 2], H: [0n, 65535n, 2],
  i: [-(2n ** 31n), 2n ** 31n - 1n, 4], I: [0n, 2n ** 32n - 1n, 4],
  q: [-(2n ** 63n), 2n ** 63n - 1n, 8], Q: [0n, 2n ** 64n - 1n, 8], n: [-(2n ** 63n), 2n ** 63n - 1n, 8], N: [0n, 2n ** 64n - 1n, 8], P: [0n, 2n ** 64n - 1n, 8],
};

function intRange(code: string, native: boolean): [bigint, bigint, number] {
  if (code === 'l') return native ? INT_RANGE.q! : INT_RANGE.i!;
  if (code === 'L') return native ? INT_RANGE.Q! : INT_RANGE.I!;
  return INT_RANGE[code]!;
}

/** get_pylong: an int, or an object with __index__ */
function toInt(o: PyObject): bigint {
  if (o instanceof PyInt) return o.value;
  const idx = o.type.lookup('__index__');
  if (idx === undefined) fail('required argument is not an integer');
  return (callSpecial(idx, o, []) as PyInt).value;
}

function rangeMessage(code: string, lo: bigint, hi: bigint): string {
  const named: Record<string, string> = { b: 'byte', B: 'ubyte', h: 'short', H: 'ushort' };
  if (named[code]) return `${named[code]} format requires ${lo} <= number <= ${hi}`;
  return `'${code}' format requires ${lo} <= number <= ${hi}`;
}

function writeInt(out: Uint8Array, at: number, v: bigint, width: number, little: boolean): void {
  let u = BigInt.asUintN(width * 8, v);
  for (let k = 0; k < width; k++, u >>= 8n) out[little ? at + k : at + width - 1 - k] = Number(u & 255n);
}

function readInt(b: Uint8Array, at: number, width: number, little: boolean, signed: boolean): bigint {
  let u = 0n;
  for (let k = width - 1; k >= 0; k--) u = (u << 8n) | BigInt(b[little ? at + k : at + width - 1 - k]!);
  return signed ? BigInt.asIntN(width * 8, u) : u;
}

function toFloat(o: PyObject): number {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) return Number(o.value);
  const f = o.type.lookup('__float__') ?? o.type.lookup('__index__');
  if (f === undefined) fail('required argument is not a float');
  const r = callSpecial(f, o, []);
  return r instanceof PyFloat ? r.value : Number((r as PyInt).value);
}

/** IEEE 754 half precision, rounding half to even (PyFloat_Pack2) */
function toHalf(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  if (x !== x) return 0x7e00;
  const a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundEven(a / 2 ** -24); // subnormal (1024 carries into the exponent)
  let e = Math.floor(Math.log2(a));
  if (a / 2 ** e >= 2) e++;
  if (a / 2 ** e < 1) e--;
  let frac = roundEven((a / 2 ** e - 1) * 1024);
  if (frac === 1024) {
    e++;
    frac = 0;
  }
  if (e > 15) fail('float too large to pack with e format');
  return sign | ((e + 15) << 10) | frac;
}
function roundEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}
function fromHalf(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

function packInto(l: Layout, args: PyObject[], out: Uint8Array, base: number): void {
  if (args.length !== l.nargs) fail(`pack expected ${l.nargs} items for packing (got ${args.length})`);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  l.items.forEach((it, k) => {
    const v = args[k]!;
    const at = base + it.offset;
    switch (it.code) {
      case 's':
      case 'p': {
        if (!(v instanceof PyBytes || v instanceof PyByteArray)) fail(`argument for '${it.code}' must be a bytes object`);
        if (it.code === 's') out.set(v.value.subarray(0, it.count), at);
        else if (it.count > 0) {
          const n = Math.min(v.value.length, it.count - 1, 255);
          out[at] = n;
          out.set(v.value.subarray(0, n), at + 1);
        }
        return;
      }
      case 'c':
        if (!((v instanceof PyBytes || v instanceof PyByteArray) && v.value.length === 1)) fail('char format requires a bytes object of length 1');
        out[at] = v.value[0]!;
        return;
      case '?':
        out[at] = isTrue(v) ? 1 : 0;
        return;
      case 'e':
        writeInt(out, at, BigInt(toHalf(toFloat(v))), 2, l.little);
        return;
      case 'f': {
        const x = toFloat(v);
        if (Number.isFinite(x) && Math.abs(x) > 3.4028234663852886e38 && Math.fround(x) === Infinity * Math.sign(x)) fail('float too large to pack with f format');
        view.setFloat32(at, x, l.little);
        return;
      }
      case 'd':
        view.setFloat64(at, toFloat(v), l.little);
        return;
      default: {
        const n = toInt(v);
        const [lo, hi, width] = intRange(it.code, l.native);
        if (n < lo || n > hi) fail(rangeMessage(it.code, lo, hi));
        writeInt(out, at, n, width, l.little);
      }
    }
  });
}

function unpackFrom(l: Layout, b: Uint8Array, base: number): PyObject {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return newTuple(
    l.items.map((it) => {
      const at = base + it.offset;
      switch (it.code) {
        case 's':
          return new PyBytes(b.slice(at, at + it.count));
        case 'p': {
          const n = Math.min(b[at] ?? 0, Math.max(it.count - 1, 0));
          return new PyBytes(b.slice(at + 1, at + 1 + n));
        }
        case 'c':
          return new PyBytes(b.slice(at, at + 1));
        case '?':
          return b[at] ? True : False;
        case 'e':
          return new PyFloat(fromHalf(Number(readInt(b, at, 2, l.little, false))));
        case 'f':
          return new PyFloat(view.getFloat32(at, l.little));
        case 'd':
          return new PyFloat(view.getFloat64(at, l.little));
        default: {
          const [lo, , width] = intRange(it.code, l.native);
          return newInt(readInt(b, at, width, l.little, lo < 0n));
        }
      }
    }),
  );
}

function formatArg(o: PyObject | undefined): string {
  if (o instanceof PyStr) return o.value;
  if (o instanceof PyBytes) return new TextDecoder('latin1').decode(o.value);
  raise(typeErrorType, `Struct() argument 1 must be a str or bytes object, not ${o?.type.name ?? 'NoneType'}`);
}

function buffer(o: PyObject | undefined): Uint8Array {
  if (o instanceof PyBytes || o instanceof PyByteArray) return o.value;
  if (o instanceof PyMemoryView) return o.bytes;
  raise(typeErrorType, `a bytes-like object is required, not '${o?.type.name ?? 'NoneType'}'`);
}

function unpack(l: Layout, b: Uint8Array): PyObject {
  if (b.length !== l.size) fail(`unpack requires a buffer of ${l.size} bytes`);
  return unpackFrom(l, b, 0);
}

function unpackFromOffset(l: Layout, b: Uint8Array, offset: number): PyObject {
  if (offset < 0) offset += b.length;
  if (b.length - offset < l.size) fail(`unpack_from requires a buffer of at least ${l.size + offset} bytes for unpacking ${l.size} bytes at offset ${offset} (actual buffer size is ${b.length})`);
  return unpackFrom(l, b, offset);
}

function iterUnpack(l: Layout, b: Uint8Array): PyObject {
  if (l.size === 0) fail('cannot iteratively unpack with a struct of length 0');
  if (b.length % l.size) fail(`iterative unpacking requires a buffer of a multiple of ${l.size} bytes`);
  let at = 0;
  return new PyNativeIter(unpackIteratorType, () => {
    if (at >= b.length) return null;
    const r = unpackFrom(l, b, at);
    at += l.size;
    return r;
  });
}

function pack(l: Layout, args: PyObject[]): PyBytes {
  const out = new Uint8Array(l.size);
  packInto(l, args, out, 0);
  return new PyBytes(out);
}

function packIntoBuffer(l: Layout, target: PyObject | undefined, offsetArg: PyObject | undefined, args: PyObject[]): PyObject {
  if (!(target instanceof PyByteArray)) fail('argument must be read-write bytes-like object');
  let offset = Number(asIndex(offsetArg ?? intFromNumber(0)));
  const data = target.data;
  if (offset < 0) offset += data.length;
  if (data.length - offset < l.size) fail(`pack_into requires a buffer of at least ${l.size + offset} bytes for packing ${l.size} bytes at offset ${offset} (actual buffer size is ${data.length})`);
  const out = new Uint8Array(l.size);
  packInto(l, args, out, 0);
  for (let k = 0; k < l.size; k++) data[offset + k] = out[k]!;
  return None;
}

const structType = builtinType('Struct');
structType.module = '_struct';
const unpackIteratorType = builtinType('unpack_iterator', undefined, 0);
unpackIteratorType.module = '_struct';

class PyStruct extends PyObject {
  layout: Layout = parse('');
  constructor(type: PyType) {
    super(type);
  }
}

let initialized = false;
function initStruct(): void {
  if (initialized) return;
  initialized = true;
  defIteratorMethods(unpackIteratorType);
  const t = structType;
  const lay = (o: PyObject) => (o as PyStruct).layout;
  defMethod(t, '__new__', (a) => new PyStruct(a[0] as PyType));
  defMethod(t, '__init__', (a, kw) => {
    (a[0] as PyStruct).layout = parse(formatArg(a[1] ?? kw?.get('format')));
    return None;
  });
  defMethod(t, 'pack', (a) => pack(lay(a[0]!), a.slice(1)));
  defMethod(t, 'pack_into', (a) => packIntoBuffer(lay(a[0]!), a[1], a[2], a.slice(3)));
  defMethod(t, 'unpack', (a) => unpack(lay(a[0]!), buffer(a[1])));
  defMethod(t, 'unpack_from', (a, kw) => unpackFromOffset(lay(a[0]!), buffer(a[1] ?? kw?.get('buffer')), Number(asIndex(a[2] ?? kw?.get('offset') ?? intFromNumber(0)))));
  defMethod(t, 'iter_unpack', (a) => iterUnpack(lay(a[0]!), buffer(a[1])));
  defGetSet(t, 'format', (o) => newStr(lay(o).format));
  defGetSet(t, 'size', (o) => intFromNumber(lay(o).size));
}

export function makeStructC(): PyModule {
  initStruct();
  const m = new PyModule('_struct');
  const d = m.dict;
  const def = (name: string, f: Parameters<typeof builtinFunction>[1]) => d.setStr(name, builtinFunction(name, f));
  d.setStr('Struct', structType);
  d.setStr('error', errorType());
  def('pack', (a) => pack(parse(formatArg(a[0])), a.slice(1)));
  def('pack_into', (a) => packIntoBuffer(parse(formatArg(a[0])), a[1], a[2], a.slice(3)));
  def('unpack', (a) => unpack(parse(formatArg(a[0])), buffer(a[1])));
  def('unpack_from', (a, kw) => unpackFromOffset(parse(formatArg(a[0])), buffer(a[1] ?? kw?.get('buffer')), Number(asIndex(a[2] ?? kw?.get('offset') ?? intFromNumber(0)))));
  def('iter_unpack', (a) => iterUnpack(parse(formatArg(a[0])), buffer(a[1])));
  def('calcsize', (a) => intFromNumber(parse(formatArg(a[0])).size));
  def('_clearcache', () => {
    layouts.clear();
    return None;
  });
  return m;
}
