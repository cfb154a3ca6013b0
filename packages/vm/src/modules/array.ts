// The array module: typed arrays of C numbers (b B u h H i I l L q Q f d, Linux x86-64 sizes) with
// the sequence protocol, the conversions to and from bytes, lists and str, and CPython's range and
// type errors. Items are kept as numbers (bigints for the 64-bit integer codes).
// CPython counterpart: Modules/arraymodule.c.
import { raise } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType } from '../objects/object.js';
import { intFromNumber, newInt, PyInt, pyBool } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyBytes, bytesLike } from '../objects/bytes.js';
import { PyList } from '../objects/list.js';
import { PySlice, sliceIndices } from '../objects/slice.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { defMethod } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { PyNativeIter } from '../objects/iterators.js';
import { defIteratorMethods } from '../objects/iterator-methods.js';
import { defClassGetItem } from '../objects/generic-alias.js';
import { eofErrorType, indexErrorType, overflowErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { isTrue } from '../protocols/truth.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { getIter, iterNext, toArray } from '../protocols/iter.js';
import { asFloatOperand, asIndex, asJsIndex } from '../protocols/number.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';
import { repr } from '../protocols/repr.js';

const TYPECODES = 'bBuhHiIlLqQfd';
const SIZES: Record<string, number> = { b: 1, B: 1, u: 4, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, f: 4, d: 8 };
const BIG = new Set(['l', 'L', 'q', 'Q']);
type Item = number | bigint;

/** [min, max, too-big text, too-small text] of the integer codes, as arraymodule.c's setitem says them */
const INT_LIMITS: Record<string, [bigint, bigint, string, string]> = {
  b: [-128n, 127n, 'signed char is greater than maximum', 'signed char is less than minimum'],
  B: [0n, 255n, 'unsigned byte integer is greater than maximum', 'unsigned byte integer is less than minimum'],
  h: [-32768n, 32767n, 'signed short integer is greater than maximum', 'signed short integer is less than minimum'],
  H: [0n, 65535n, 'unsigned short is greater than maximum', 'unsigned short is less than minimum'],
  i: [-(2n ** 31n), 2n ** 31n - 1n, 'signed integer is greater than maximum', 'signed integer is less than minimum'],
  I: [0n, 2n ** 32n - 1n, 'unsigned int is greater than maximum', "can't convert negative value to unsigned int"],
  l: [-(2n ** 63n), 2n ** 63n - 1n, 'Python int too large to convert to C long', 'Python int too large to convert to C long'],
  L: [0n, 2n ** 64n - 1n, 'Python int too large to convert to C unsigned long', "can't convert negative value to unsigned int"],
  q: [-(2n ** 63n), 2n ** 63n - 1n, 'int too big to convert', 'int too big to convert'],
  Q: [0n, 2n ** 64n - 1n, 'int too big to convert', "can't convert negative int to unsigned"],
};

const arrayType = builtinType('array');
arrayType.module = 'array';
arrayType.tpName = 'array.array';
const arrayIteratorType = builtinType('arrayiterator', undefined, 0);
arrayIteratorType.module = 'array';

class PyArray extends PyObject {
  items: Item[] = [];
  constructor(
    type: PyType,
    readonly code: string,
  ) {
    super(type);
  }
}

/** An item as the array stores it, or the error setitem raises. */
function toItem(code: string, o: PyObject): Item {
  if (code === 'u') {
    if (!(o instanceof PyStr) || o.length !== 1) raise(typeErrorType, 'array item must be unicode character');
    return o.value.codePointAt(0)!;
  }
  if (code === 'f' || code === 'd') {
    const v = asFloatOperand(o);
    if (v === undefined) raise(typeErrorType, `must be real number, not ${o.type.name}`);
    return code === 'f' ? Math.fround(v) : v;
  }
  if (o instanceof PyFloat) raise(typeErrorType, "'float' object cannot be interpreted as an integer");
  const v = asIndex(o);
  const [min, max, tooBig, tooSmall] = INT_LIMITS[code]!;
  if (v > max) raise(overflowErrorType, tooBig);
  if (v < min) raise(overflowErrorType, tooSmall);
  return BIG.has(code) ? v : Number(v);
}

function toPy(code: string, v: Item): PyObject {
  if (code === 'u') return newStr(String.fromCodePoint(v as number));
  if (code === 'f' || code === 'd') return new PyFloat(v as number);
  return typeof v === 'bigint' ? newInt(v) : intFromNumber(v);
}

function toBytes(a: PyArray): Uint8Array {
  const size = SIZES[a.code]!;
  const out = new Uint8Array(a.items.length * size);
  const view = new DataView(out.buffer);
  a.items.forEach((v, i) => {
    const at = i * size;
    switch (a.code) {
      case 'b': view.setInt8(at, v as number); break;
      case 'B': view.setUint8(at, v as number); break;
      case 'h': view.setInt16(at, v as number, true); break;
      case 'H': view.setUint16(at, v as number, true); break;
      case 'i': view.setInt32(at, v as number, true); break;
      case 'I': case 'u': view.setUint32(at, v as number, true); break;
      case 'l': case 'q': view.setBigInt64(at, v as bigint, true); break;
      case 'L': case 'Q': view.setBigUint64(at, v as bigint, true); break;
      case 'f': view.setFloat32(at, v as number, true); break;
      default: view.setFloat64(at, v as number, true);
    }
  });
  return out;
}

function fromBytes(a: PyArray, data: Uint8Array): void {
  const size = SIZES[a.code]!;
  if (data.length % size !== 0) raise(valueErrorType, 'bytes length not a multiple of item size');
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  for (let at = 0; at < data.length; at += size) {
    switch (a.code) {
      case 'b': a.items.push(view.getInt8(at)); break;
      case 'B': a.items.push(view.getUint8(at)); break;
      case 'h': a.items.push(view.getInt16(at, true)); break;
      case 'H': a.items.push(view.getUint16(at, true)); break;
      case 'i': a.items.push(view.getInt32(at, true)); break;
      case 'I': case 'u': a.items.push(view.getUint32(at, true)); break;
      case 'l': case 'q': a.items.push(view.getBigInt64(at, true)); break;
      case 'L': case 'Q': a.items.push(view.getBigUint64(at, true)); break;
      case 'f': a.items.push(view.getFloat32(at, true)); break;
      default: a.items.push(view.getFloat64(at, true));
    }
  }
}

const arr = (o: PyObject) => o as PyArray;

function newArray(type: PyType, code: string, items: Item[]): PyArray {
  const a = new PyArray(type, code);
  a.items = items;
  return a;
}

function extendFrom(a: PyArray, o: PyObject): void {
  if (o instanceof PyArray) {
    if (o.code !== a.code) raise(typeErrorType, 'can only extend with array of same kind');
    a.items.push(...o.items);
    return;
  }
  const it = getIter(o);
  for (let v = iterNext(it); v !== null; v = iterNext(it)) a.items.push(toItem(a.code, v));
}

/** A sequence index, negative from the end, checked. */
function indexOf(a: PyArray, o: PyObject, what = 'array index out of range'): number {
  let i = asJsIndex(o);
  if (i < 0) i += a.items.length;
  if (i < 0 || i >= a.items.length) raise(indexErrorType, what);
  return i;
}

function itemsEqual(a: PyArray, v: PyObject, item: Item): boolean {
  return richCompareBool(toPy(a.code, item), v, CMP_EQ);
}

function initArray(): void {
  const t = arrayType;
  defMethod(t, '__new__', (a, kw) => {
    if (kw && kw.size > 0) raise(typeErrorType, 'array.array() takes no keyword arguments');
    const code = a[1];
    if (!(code instanceof PyStr) || code.length !== 1) raise(typeErrorType, `array() argument 1 must be a unicode character, not ${code?.type.name ?? 'NoneType'}`);
    if (!TYPECODES.includes(code.value)) raise(valueErrorType, 'bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)');
    const self = new PyArray(a[0] as PyType, code.value);
    const init = a[2];
    if (init !== undefined) {
      if (init instanceof PyStr) {
        if (code.value !== 'u') raise(typeErrorType, `cannot use a str to initialize an array with typecode '${code.value}'`);
        for (const ch of init.value) self.items.push(ch.codePointAt(0)!);
      } else if (bytesLike(init) !== null) {
        fromBytes(self, bytesLike(init)!);
      } else if (init instanceof PyArray && init.code === 'u' && code.value !== 'u') {
        raise(typeErrorType, `cannot use a unicode array to initialize an array with typecode '${code.value}'`);
      } else {
        extendFrom(self, init instanceof PyArray ? newArray(t, code.value, init.items.map((v) => toItem(code.value, toPy(init.code, v)))) : init);
      }
    }
    return self;
  });
  defGetSet(t, 'typecode', (o) => newStr(arr(o).code));
  defGetSet(t, 'itemsize', (o) => intFromNumber(SIZES[arr(o).code]!));
  defMethod(t, '__len__', (a) => intFromNumber(arr(a[0]!).items.length));
  defMethod(t, '__getitem__', (a) => {
    const self = arr(a[0]!);
    const k = a[1]!;
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, self.items.length);
      const out: Item[] = [];
      for (let i = 0, j = start; i < n; i++, j += step) out.push(self.items[j]!);
      return newArray(self.type, self.code, out);
    }
    return toPy(self.code, self.items[indexOf(self, k)]!);
  });
  defMethod(t, '__setitem__', (a) => {
    const self = arr(a[0]!);
    const k = a[1]!;
    const v = a[2]!;
    if (k instanceof PySlice) {
      if (!(v instanceof PyArray)) raise(typeErrorType, `can only assign array (not "${v.type.name}") to array slice`);
      if (v.code !== self.code) raise(typeErrorType, 'bad argument type for built-in operation');
      const [start, stop, step, n] = sliceIndices(k, self.items.length);
      const values = v.items.slice();
      if (step === 1) {
        self.items.splice(start, Math.max(0, stop - start), ...values);
      } else {
        if (values.length !== n) raise(valueErrorType, `attempt to assign array of size ${values.length} to extended slice of size ${n}`);
        for (let i = 0, j = start; i < n; i++, j += step) self.items[j] = values[i]!;
      }
      return None;
    }
    self.items[indexOf(self, k, 'array assignment index out of range')] = toItem(self.code, v);
    return None;
  });
  defMethod(t, '__delitem__', (a) => {
    const self = arr(a[0]!);
    const k = a[1]!;
    if (k instanceof PySlice) {
      const [start, , step, n] = sliceIndices(k, self.items.length);
      const drop = new Set<number>();
      for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
      self.items = self.items.filter((_, i) => !drop.has(i));
      return None;
    }
    self.items.splice(indexOf(self, k, 'array assignment index out of range'), 1);
    return None;
  });
  defMethod(t, '__contains__', (a) => pyBool(arr(a[0]!).items.some((v) => itemsEqual(arr(a[0]!), a[1]!, v))));
  defMethod(t, '__iter__', (a) => {
    const self = arr(a[0]!);
    let i = 0;
    return new PyNativeIter(arrayIteratorType, () => (i < self.items.length ? toPy(self.code, self.items[i++]!) : null));
  });
  defIteratorMethods(arrayIteratorType);
  defMethod(t, '__add__', (a) => {
    const [x, y] = [arr(a[0]!), a[1]!];
    if (!(y instanceof PyArray)) raise(typeErrorType, `can only append array (not "${y.type.name}") to array`);
    if (y.code !== x.code) raise(typeErrorType, 'bad argument type for built-in operation');
    return newArray(x.type, x.code, [...x.items, ...y.items]);
  });
  defMethod(t, '__iadd__', (a) => {
    const [x, y] = [arr(a[0]!), a[1]!];
    if (!(y instanceof PyArray)) raise(typeErrorType, `can only extend array with array (not "${y.type.name}")`);
    extendFrom(x, y);
    return x;
  });
  const repeat = (x: PyArray, n: PyObject): Item[] => {
    if (!(n instanceof PyInt) && n.type.lookup('__index__') === undefined) raise(typeErrorType, `can't multiply sequence by non-int of type '${n.type.name}'`);
    const k = Math.max(0, asJsIndex(n));
    const out: Item[] = [];
    for (let i = 0; i < k; i++) out.push(...x.items);
    return out;
  };
  for (const name of ['__mul__', '__rmul__']) {
    defMethod(t, name, (a) => {
      return newArray(a[0]!.type, arr(a[0]!).code, repeat(arr(a[0]!), a[1]!));
    });
  }
  defMethod(t, '__imul__', (a) => {
    arr(a[0]!).items = repeat(arr(a[0]!), a[1]!);
    return a[0]!;
  });
  // comparisons: item by item, as lists compare (arrays of other kinds compare by value too)
  const cmp = (name: string, op: (c: number) => boolean) =>
    defMethod(t, name, (a) => {
      const [x, y] = [arr(a[0]!), a[1]!];
      if (!(y instanceof PyArray)) return NotImplemented;
      const n = Math.min(x.items.length, y.items.length);
      for (let i = 0; i < n; i++) {
        const p = toPy(x.code, x.items[i]!);
        const q = toPy(y.code, y.items[i]!);
        if (!richCompareBool(p, q, CMP_EQ)) {
          const less = isTrue(callObject(getAttr(p, '__lt__'), [q], null));
          return pyBool(op(less ? -1 : 1));
        }
      }
      return pyBool(op(x.items.length - y.items.length));
    });
  cmp('__eq__', (c) => c === 0);
  cmp('__ne__', (c) => c !== 0);
  cmp('__lt__', (c) => c < 0);
  cmp('__le__', (c) => c <= 0);
  cmp('__gt__', (c) => c > 0);
  cmp('__ge__', (c) => c >= 0);
  t.setAttr('__hash__', None);
  defMethod(t, 'append', (a) => (arr(a[0]!).items.push(toItem(arr(a[0]!).code, a[1]!)), None));
  defMethod(t, 'extend', (a) => (extendFrom(arr(a[0]!), a[1]!), None));
  defMethod(t, 'insert', (a) => {
    const self = arr(a[0]!);
    let i = asJsIndex(a[1]!);
    const n = self.items.length;
    if (i < 0) i = Math.max(0, i + n);
    self.items.splice(Math.min(i, n), 0, toItem(self.code, a[2]!));
    return None;
  });
  defMethod(t, 'pop', (a) => {
    const self = arr(a[0]!);
    if (self.items.length === 0) raise(indexErrorType, 'pop from empty array');
    const i = a[1] === undefined ? self.items.length - 1 : indexOf(self, a[1], 'pop index out of range');
    return toPy(self.code, self.items.splice(i, 1)[0]!);
  });
  defMethod(t, 'remove', (a) => {
    const self = arr(a[0]!);
    const i = self.items.findIndex((v) => itemsEqual(self, a[1]!, v));
    if (i < 0) raise(valueErrorType, 'array.remove(x): x not in array');
    self.items.splice(i, 1);
    return None;
  });
  defMethod(t, 'index', (a) => {
    const self = arr(a[0]!);
    const n = self.items.length;
    const norm = (o: PyObject | undefined, d: number) => {
      if (o === undefined) return d;
      const v = asJsIndex(o);
      return v < 0 ? Math.max(0, v + n) : Math.min(v, n);
    };
    const [start, stop] = [norm(a[2], 0), norm(a[3], n)];
    for (let i = start; i < stop; i++) if (itemsEqual(self, a[1]!, self.items[i]!)) return intFromNumber(i);
    raise(valueErrorType, 'array.index(x): x not in array');
  });
  defMethod(t, 'count', (a) => intFromNumber(arr(a[0]!).items.filter((v) => itemsEqual(arr(a[0]!), a[1]!, v)).length));
  defMethod(t, 'reverse', (a) => (arr(a[0]!).items.reverse(), None));
  defMethod(t, 'byteswap', (a) => {
    const self = arr(a[0]!);
    const size = SIZES[self.code]!;
    const bytes = toBytes(self);
    for (let at = 0; at < bytes.length; at += size) bytes.subarray(at, at + size).reverse();
    self.items = [];
    fromBytes(self, bytes);
    return None;
  });
  defMethod(t, 'buffer_info', (a) => newTuple([intFromNumber(0), intFromNumber(arr(a[0]!).items.length)]));
  defMethod(t, 'tobytes', (a) => new PyBytes(toBytes(arr(a[0]!))));
  defMethod(t, 'frombytes', (a) => {
    const b = a[1] === undefined ? null : bytesLike(a[1]);
    if (b === null) raise(typeErrorType, `a bytes-like object is required, not '${a[1]?.type.name ?? 'NoneType'}'`);
    fromBytes(arr(a[0]!), b);
    return None;
  });
  defMethod(t, 'tolist', (a) => new PyList(arr(a[0]!).items.map((v) => toPy(arr(a[0]!).code, v))));
  defMethod(t, 'fromlist', (a) => {
    const self = arr(a[0]!);
    if (!(a[1] instanceof PyList)) raise(typeErrorType, 'arg must be list');
    const added = toArray(a[1]).map((v) => toItem(self.code, v)); // all or nothing
    self.items.push(...added);
    return None;
  });
  defMethod(t, 'tounicode', (a) => {
    const self = arr(a[0]!);
    if (self.code !== 'u') raise(valueErrorType, 'tounicode() may only be called on unicode type arrays');
    return newStr(String.fromCodePoint(...(self.items as number[])));
  });
  defMethod(t, 'fromunicode', (a) => {
    const self = arr(a[0]!);
    if (!(a[1] instanceof PyStr)) raise(typeErrorType, `fromunicode() argument must be str, not ${a[1]?.type.name ?? 'NoneType'}`);
    if (self.code !== 'u') raise(valueErrorType, 'fromunicode() may only be called on unicode type arrays');
    for (const ch of a[1].value) self.items.push(ch.codePointAt(0)!);
    return None;
  });
  defMethod(t, 'tofile', (a) => (callObject(getAttr(a[1]!, 'write'), [new PyBytes(toBytes(arr(a[0]!)))], null), None));
  defMethod(t, 'fromfile', (a) => {
    const self = arr(a[0]!);
    const n = asJsIndex(a[2] ?? None);
    const size = SIZES[self.code]!;
    const data = bytesLike(callObject(getAttr(a[1]!, 'read'), [intFromNumber(n * size)], null));
    if (data === null) raise(typeErrorType, 'read() didn\'t return bytes');
    fromBytes(self, data.subarray(0, data.length - (data.length % size)));
    if (data.length < n * size) raise(eofErrorType, 'read() didn\'t return enough bytes');
    return None;
  });
  defMethod(t, '__copy__', (a) => newArray(a[0]!.type, arr(a[0]!).code, arr(a[0]!).items.slice()));
  defMethod(t, '__deepcopy__', (a) => newArray(a[0]!.type, arr(a[0]!).code, arr(a[0]!).items.slice()));
  // array(typecode, list): the reduction CPython gives below protocol 3 (its _array_reconstructor form
  // for 3 and up is not provided); copy and pickle rebuild the same array from it
  defMethod(t, '__reduce_ex__', (a) => {
    const self = arr(a[0]!);
    return newTuple([self.type, newTuple([newStr(self.code), new PyList(self.items.map((v) => toPy(self.code, v)))]), None]);
  });
  defMethod(t, '__repr__', (a) => {
    const self = arr(a[0]!);
    if (self.items.length === 0) return newStr(`${self.type.name}('${self.code}')`);
    const body = self.code === 'u' ? repr(newStr(String.fromCodePoint(...(self.items as number[])))) : `[${self.items.map((v) => repr(toPy(self.code, v))).join(', ')}]`;
    return newStr(`${self.type.name}('${self.code}', ${body})`);
  });
  defClassGetItem(t);
}

let initialised = false;

export function makeArray(): PyModule {
  if (!initialised) {
    initialised = true;
    initArray();
  }
  const m = new PyModule('array');
  m.dict.setStr('array', arrayType);
  m.dict.setStr('ArrayType', arrayType);
  m.dict.setStr('typecodes', newStr(TYPECODES));
  return m;
}
