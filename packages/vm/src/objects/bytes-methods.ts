// The methods bytes and bytearray share, and bytes' own. CPython counterpart:
// Objects/bytesobject.c, Objects/bytes_methods.c, Objects/stringlib (find, split, strip, …).
// The work is done on latin-1 JS strings (one char per byte), converted back at the end.
import { bufferOf } from '../protocols/buffer.js';
import { bytesRepr, valueHash, PyBytes as FmtBytes, targetForVersion } from '@tspyc/bytecode';
import { percentFormat } from '../format/percent.js';
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, intFromNumber, pyBool } from './int.js';
import { PyStr, newStr } from './str.js';
import { PyList } from './list.js';
import { PyTuple, newTuple } from './tuple.js';
import { PyByteArray, PyBytes, byteArrayType, bytesLike, bytesType } from './bytes.js';
import { PySlice, sliceArray } from './slice.js';
import { PyStaticMethod, PyClassMethod } from './descr.js';
import { PyBuiltin, affixArity, checkArity, defMethod, type Kwargs } from './native.js';
import { PyNativeIter, seqIteratorType } from './iterators.js';
import { indexErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { decodeBytes, encodeStr } from './codecs.js';
import { getIter, iterNext, toArray } from '../protocols/iter.js';
import { asFloatOperand, asIndex, asJsIndex, indexOrTypeError } from '../protocols/number.js';
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, cmpResult } from '../protocols/compare.js';
import { callObject } from '../protocols/call.js';
import { lookupSpecial } from '../protocols/getattr.js';
import { repr } from '../protocols/repr.js';

const T311 = targetForVersion('3.11')!;

/** bytes → latin-1 string */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** latin-1 string → bytes */
function unlatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function selfBytes(o: PyObject, name: string, t: PyType): string {
  const b = bytesLike(o);
  if (b === null) raise(typeErrorType, `descriptor '${name}' requires a '${t.name}' object but received a '${o.type.name}'`);
  return latin1(b);
}

/** A result of the same kind as `self` (bytes for bytes and its subclasses, bytearray for bytearrays). */
function like(self: PyObject, s: string): PyObject {
  if (self instanceof PyByteArray) return new PyByteArray(Array.from(s, (c) => c.charCodeAt(0)));
  return new PyBytes(unlatin1(s));
}

/** A bytes-like argument as latin-1; `what` words the TypeError. */
function bufArg(o: PyObject | undefined, what = 'a bytes-like object is required'): string {
  const b = o === undefined ? null : bytesLike(o);
  if (b === null) raise(typeErrorType, `${what}, not '${o === undefined ? 'NoneType' : o.type.name}'`);
  return latin1(b);
}

/** find/count/index's sub: bytes-like or an int in range(256). */
function subArg(o: PyObject | undefined): string {
  if (o instanceof PyInt) {
    const n = o.value;
    if (n < 0n || n > 255n) raise(valueErrorType, 'byte must be in range(0, 256)');
    return String.fromCharCode(Number(n));
  }
  const b = o === undefined ? null : bytesLike(o);
  if (b === null) raise(typeErrorType, `argument should be integer or bytes-like object, not '${o === undefined ? 'NoneType' : o.type.name}'`);
  return latin1(b);
}

/** Positional-or-keyword argument i (after self) named `name`. */
function arg(a: PyObject[], kw: Kwargs | null, i: number, name: string): PyObject | undefined {
  const v = a[i + 1];
  if (v !== undefined) return v;
  return kw?.get(name);
}

function range(n: number, start: PyObject | undefined, end: PyObject | undefined): [number, number] {
  let st = start === undefined || start === None ? 0 : asJsIndex(start);
  let en = end === undefined || end === None ? n : asJsIndex(end);
  if (st < 0) st = Math.max(0, st + n);
  if (en < 0) en = Math.max(0, en + n);
  if (en > n) en = n;
  return [st, en];
}

function findIn(s: string, sub: string, start: PyObject | undefined, end: PyObject | undefined, reverse: boolean): number {
  const [st, en] = range(s.length, start, end);
  if (st > en || en - st < sub.length) return -1;
  const hay = s.slice(st, en);
  const i = reverse ? hay.lastIndexOf(sub) : hay.indexOf(sub);
  return i < 0 ? -1 : i + st;
}

function countIn(s: string, sub: string, start: PyObject | undefined, end: PyObject | undefined): number {
  const [st, en] = range(s.length, start, end);
  if (st > en) return 0;
  const hay = s.slice(st, en);
  if (sub.length === 0) return hay.length + 1;
  let n = 0;
  for (let i = hay.indexOf(sub); i >= 0; i = hay.indexOf(sub, i + sub.length)) n++;
  return n;
}

const SPACE = ' \t\n\r\x0b\x0c';
const isSpace = (c: string) => SPACE.includes(c);
const isLower = (c: string) => c >= 'a' && c <= 'z';
const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const isAlpha = (c: string) => isLower(c) || isUpper(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

function swapCase(c: string): string {
  return isLower(c) ? c.toUpperCase() : isUpper(c) ? c.toLowerCase() : c;
}

function upper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

function lower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function title(s: string): string {
  let out = '';
  let prevCased = false;
  for (const c of s) {
    if (isAlpha(c)) {
      out += prevCased ? lower(c) : upper(c);
      prevCased = true;
    } else {
      out += c;
      prevCased = false;
    }
  }
  return out;
}

function strip(s: string, chars: PyObject | undefined, left: boolean, right: boolean): string {
  const set = chars === undefined || chars === None ? SPACE : bufArg(chars);
  let i = 0;
  let j = s.length;
  if (left) while (i < j && set.includes(s[i]!)) i++;
  if (right) while (j > i && set.includes(s[j - 1]!)) j--;
  return s.slice(i, j);
}

function split(s: string, sep: PyObject | undefined, maxsplit: number): string[] {
  if (sep !== undefined && sep !== None) {
    const p = bufArg(sep);
    if (p.length === 0) raise(valueErrorType, 'empty separator');
    const out: string[] = [];
    let i = 0;
    while (maxsplit < 0 || out.length < maxsplit) {
      const j = s.indexOf(p, i);
      if (j < 0) break;
      out.push(s.slice(i, j));
      i = j + p.length;
    }
    out.push(s.slice(i));
    return out;
  }
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (true) {
    while (i < n && isSpace(s[i]!)) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(i));
      break;
    }
    let j = i;
    while (j < n && !isSpace(s[j]!)) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function rsplit(s: string, sep: PyObject | undefined, maxsplit: number): string[] {
  if (sep !== undefined && sep !== None) {
    const p = bufArg(sep);
    if (p.length === 0) raise(valueErrorType, 'empty separator');
    const out: string[] = [];
    let end = s.length;
    while (maxsplit < 0 || out.length < maxsplit) {
      const j = end - p.length < 0 ? -1 : s.lastIndexOf(p, end - p.length);
      if (j < 0) break;
      out.push(s.slice(j + p.length, end));
      end = j;
    }
    out.push(s.slice(0, end));
    return out.reverse();
  }
  const out: string[] = [];
  let j = s.length;
  while (true) {
    while (j > 0 && isSpace(s[j - 1]!)) j--;
    if (j <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(0, j));
      break;
    }
    let i = j;
    while (i > 0 && !isSpace(s[i - 1]!)) i--;
    out.push(s.slice(i, j));
    j = i;
  }
  return out.reverse();
}

function splitlines(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && s[j] !== '\n' && s[j] !== '\r') j++;
    let eol = j;
    if (j < s.length) eol = s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1;
    out.push(s.slice(i, keepends ? eol : j));
    i = eol;
  }
  return out;
}

function fill(o: PyObject | undefined, name: string): string {
  if (o === undefined) return ' ';
  const b = bytesLike(o);
  if (b === null || b.length !== 1) {
    raise(typeErrorType, `${name}() argument 2 must be a byte string of length 1, not ${o.type.name}`);
  }
  return String.fromCharCode(b[0]!);
}

function justify(s: string, width: number, f: string, where: 'l' | 'r' | 'c'): string {
  const pad = width - s.length;
  if (pad <= 0) return s;
  if (where === 'l') return s + f.repeat(pad);
  if (where === 'r') return f.repeat(pad) + s;
  const left = Math.floor(pad / 2) + (pad & width & 1);
  return f.repeat(left) + s + f.repeat(pad - left);
}

function affix(s: string, arg_: PyObject, start: PyObject | undefined, end: PyObject | undefined, name: string, suffix: boolean): boolean {
  const options = arg_ instanceof PyTuple ? arg_.items : [arg_];
  const [st, en] = range(s.length, start, end);
  for (const o of options) {
    const b = bytesLike(o);
    if (b === null) {
      raise(typeErrorType, arg_ instanceof PyTuple
        ? `a bytes-like object is required, not '${o.type.name}'`
        : `${name} first arg must be bytes or a tuple of bytes, not ${o.type.name}`);
    }
    const p = latin1(b);
    if (st > s.length) continue;
    if (en - st < p.length) continue;
    if (suffix ? s.slice(en - p.length, en) === p : s.slice(st, st + p.length) === p) return true;
  }
  return false;
}

export function hex(s: string, sep: PyObject | undefined, perSep: PyObject | undefined): string {
  const digits = Array.from(s, (c) => c.charCodeAt(0).toString(16).padStart(2, '0'));
  if (sep === undefined || sep === None) return digits.join('');
  const sp = sep instanceof PyStr ? sep.value : bytesLike(sep) !== null ? latin1(bytesLike(sep)!) : raise(typeErrorType, 'sep must be str or bytes.');
  if (sp.length !== 1) raise(valueErrorType, 'sep must be length 1.');
  const n = perSep === undefined ? 1 : asJsIndex(perSep);
  if (n === 0) return digits.join('');
  const k = Math.abs(n);
  const groups: string[] = [];
  if (n > 0) {
    for (let end = digits.length; end > 0; end -= k) groups.unshift(digits.slice(Math.max(0, end - k), end).join(''));
  } else {
    for (let i = 0; i < digits.length; i += k) groups.push(digits.slice(i, i + k).join(''));
  }
  return groups.join(sp);
}

function fromhex(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i]!) && s.charCodeAt(i) < 128) {
      i++;
      continue;
    }
    const hi = parseInt(s[i]!, 16);
    if (Number.isNaN(hi)) raise(valueErrorType, `non-hexadecimal number found in fromhex() arg at position ${i}`);
    const lo = i + 1 < s.length ? parseInt(s[i + 1]!, 16) : NaN;
    if (Number.isNaN(lo)) raise(valueErrorType, `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out += String.fromCharCode(hi * 16 + lo);
    i += 2;
  }
  return out;
}

export function byteValue(o: PyObject): number {
  const n = asIndex(o);
  if (n < 0n || n > 255n) raise(valueErrorType, 'byte must be in range(0, 256)');
  return Number(n);
}

/** The bytes bytes(x) / bytearray(x) builds from one argument (no encoding). */
export function bytesFromObject(src: PyObject, kind: string): number[] {
  // an object with the buffer protocol gives its bytes (a memoryview its window's)
  const b = bufferOf(src);
  if (b !== null) return Array.from(b);
  if (src instanceof PyStr) raise(typeErrorType, 'string argument without an encoding');
  if (src.type.lookup('__index__') !== undefined) {
    const n = asIndex(src);
    if (n < 0n) raise(valueErrorType, 'negative count');
    return new Array(Number(n)).fill(0);
  }
  if (src.type.lookup('__iter__') === undefined) {
    raise(typeErrorType, `cannot convert '${src.type.name}' object to ${kind}`);
  }
  const it = getIter(src);
  const out: number[] = [];
  for (let v = iterNext(it); v !== null; v = iterNext(it)) {
    if (v.type.lookup('__index__') === undefined) raise(typeErrorType, `'${v.type.name}' object cannot be interpreted as an integer`);
    const n = asIndex(v);
    if (n < 0n || n > 255n) raise(valueErrorType, 'bytes must be in range(0, 256)');
    out.push(Number(n));
  }
  return out;
}

/** bytes(source, encoding, errors) / bytearray(…): the initial content. */
export function bytesArgs(a: PyObject[], kw: Kwargs | null, kind: string): number[] {
  const src = a[1] ?? kw?.get('source');
  const enc = a[2] ?? kw?.get('encoding');
  const errors = a[3] ?? kw?.get('errors');
  if (src === undefined) {
    if (enc !== undefined) raise(typeErrorType, 'encoding without a string argument');
    return [];
  }
  if (enc !== undefined || errors !== undefined) {
    if (!(src instanceof PyStr)) raise(typeErrorType, enc !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    const e = enc === undefined ? 'utf-8' : strArg(enc, `${kind}() argument 'encoding'`);
    return Array.from(encodeStr(src.value, e, errors === undefined ? 'strict' : strArg(errors, `${kind}() argument 'errors'`)));
  }
  return bytesFromObject(src, kind);
}

function strArg(o: PyObject, what: string): string {
  if (!(o instanceof PyStr)) raise(typeErrorType, `${what} must be str, not ${o.type.name}`);
  return o.value;
}

function compare(a: PyObject[], op: number): PyObject {
  const x = bytesLike(a[0]!);
  const y = bytesLike(a[1]!);
  if (x === null || y === null) return NotImplemented;
  const n = Math.min(x.length, y.length);
  let c = 0;
  for (let i = 0; i < n && c === 0; i++) c = x[i]! - y[i]!;
  if (c === 0) c = x.length - y.length;
  return pyBool(cmpResult(c < 0 ? -1 : c > 0 ? 1 : 0, op));
}

/** Install the methods bytes and bytearray share on `t`. */
function defShared(t: PyType): void {
  const me = (o: PyObject, name: string) => selfBytes(o, name, t);
  defMethod(t, '__len__', (a) => intFromNumber(bytesLike(a[0]!)!.length));
  defMethod(t, '__iter__', (a) => {
    const self = a[0]!;
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => {
      const v = bytesLike(self)!;
      return i < v.length ? intFromNumber(v[i++]!) : null;
    });
  });
  defMethod(t, '__getitem__', (a) => {
    const v = bytesLike(a[0]!)!;
    if (a[1] instanceof PySlice) return like(a[0]!, latin1(Uint8Array.from(sliceArray(Array.from(v), a[1]))));
    let i = indexOrTypeError(a[1]!, t.name);
    if (i < 0) i += v.length;
    if (i < 0 || i >= v.length) raise(indexErrorType, t === bytesType ? 'index out of range' : 'bytearray index out of range');
    return intFromNumber(v[i]!);
  });
  defMethod(t, '__add__', (a) => {
    const y = bytesLike(a[1]!);
    if (y === null) raise(typeErrorType, `can't concat ${a[1]!.type.name} to ${a[0]!.type.name}`);
    return like(a[0]!, me(a[0]!, '__add__') + latin1(y));
  });
  const mul = (a: PyObject[]) => {
    if (a[1]!.type.lookup('__index__') === undefined) return NotImplemented;
    const n = Number(asIndex(a[1]!));
    return like(a[0]!, n > 0 ? me(a[0]!, '__mul__').repeat(n) : '');
  };
  defMethod(t, '__mul__', mul);
  defMethod(t, '__rmul__', mul);
  defMethod(t, '__eq__', (a) => compare(a, CMP_EQ));
  defMethod(t, '__ne__', (a) => compare(a, CMP_NE));
  defMethod(t, '__lt__', (a) => compare(a, CMP_LT));
  defMethod(t, '__le__', (a) => compare(a, CMP_LE));
  defMethod(t, '__gt__', (a) => compare(a, CMP_GT));
  defMethod(t, '__ge__', (a) => compare(a, CMP_GE));
  defMethod(t, '__contains__', (a) => {
    const s = me(a[0]!, '__contains__');
    if (a[1] instanceof PyInt) return pyBool(s.includes(subArg(a[1])));
    return pyBool(s.includes(bufArg(a[1])));
  });
  defMethod(t, 'decode', (a, kw) => {
    const enc = arg(a, kw, 0, 'encoding');
    const errors = arg(a, kw, 1, 'errors');
    return newStr(
      decodeBytes(
        bytesLike(a[0]!)!,
        enc === undefined ? 'utf-8' : strArg(enc, "decode() argument 'encoding'"),
        errors === undefined ? 'strict' : strArg(errors, "decode() argument 'errors'"),
      ),
    );
  });
  defMethod(t, 'hex', (a, kw) => newStr(hex(me(a[0]!, 'hex'), arg(a, kw, 0, 'sep'), arg(a, kw, 1, 'bytes_per_sep'))));
  defMethod(t, 'count', (a) => intFromNumber(countIn(me(a[0]!, 'count'), subArg(a[1]), a[2], a[3])));
  defMethod(t, 'find', (a) => intFromNumber(findIn(me(a[0]!, 'find'), subArg(a[1]), a[2], a[3], false)));
  defMethod(t, 'rfind', (a) => intFromNumber(findIn(me(a[0]!, 'rfind'), subArg(a[1]), a[2], a[3], true)));
  for (const [name, rev] of [['index', false], ['rindex', true]] as const) {
    defMethod(t, name, (a) => {
      const i = findIn(me(a[0]!, name), subArg(a[1]), a[2], a[3], rev);
      if (i < 0) raise(valueErrorType, 'subsection not found');
      return intFromNumber(i);
    });
  }
  defMethod(t, 'startswith', (a) => affixArity('startswith', a.length - 1) ?? pyBool(affix(me(a[0]!, 'startswith'), a[1]!, a[2], a[3], 'startswith', false)));
  defMethod(t, 'endswith', (a) => affixArity('endswith', a.length - 1) ?? pyBool(affix(me(a[0]!, 'endswith'), a[1]!, a[2], a[3], 'endswith', true)));
  defMethod(t, 'replace', (a) => {
    const s = me(a[0]!, 'replace');
    const old = bufArg(a[1]);
    const nw = bufArg(a[2]);
    let n = a[3] === undefined ? -1 : asJsIndex(a[3]);
    if (n < 0) n = Infinity;
    let out = '';
    if (old.length === 0) {
      let k = 0;
      for (let i = 0; i <= s.length; i++) {
        if (k < n) {
          out += nw;
          k++;
        }
        if (i < s.length) out += s[i];
      }
      return like(a[0]!, out);
    }
    let i = 0;
    let k = 0;
    while (k < n) {
      const j = s.indexOf(old, i);
      if (j < 0) break;
      out += s.slice(i, j) + nw;
      i = j + old.length;
      k++;
    }
    return like(a[0]!, out + s.slice(i));
  });
  const maxsplitOf = (o: PyObject | undefined) => (o === undefined ? -1 : asJsIndex(o));
  defMethod(t, 'split', (a, kw) => new PyList(split(me(a[0]!, 'split'), arg(a, kw, 0, 'sep'), maxsplitOf(arg(a, kw, 1, 'maxsplit'))).map((p) => like(a[0]!, p))));
  defMethod(t, 'rsplit', (a, kw) => new PyList(rsplit(me(a[0]!, 'rsplit'), arg(a, kw, 0, 'sep'), maxsplitOf(arg(a, kw, 1, 'maxsplit'))).map((p) => like(a[0]!, p))));
  defMethod(t, 'splitlines', (a, kw) => {
    const keep = arg(a, kw, 0, 'keepends');
    return new PyList(splitlines(me(a[0]!, 'splitlines'), keep !== undefined && asIndex(keep) !== 0n).map((p) => like(a[0]!, p)));
  });
  defMethod(t, 'join', (a) => {
    checkArity(t.name, 'join', a.length - 1, 1, 1);
    const sep = me(a[0]!, 'join');
    const parts = toArray(a[1]!).map((o, i) => {
      const b = bytesLike(o);
      if (b === null) raise(typeErrorType, `sequence item ${i}: expected a bytes-like object, ${o.type.name} found`);
      return latin1(b);
    });
    return like(a[0]!, parts.join(sep));
  });
  defMethod(t, 'strip', (a) => like(a[0]!, strip(me(a[0]!, 'strip'), a[1], true, true)));
  defMethod(t, 'lstrip', (a) => like(a[0]!, strip(me(a[0]!, 'lstrip'), a[1], true, false)));
  defMethod(t, 'rstrip', (a) => like(a[0]!, strip(me(a[0]!, 'rstrip'), a[1], false, true)));
  for (const [name, rev] of [['partition', false], ['rpartition', true]] as const) {
    defMethod(t, name, (a) => {
      const s = me(a[0]!, name);
      const sep = bufArg(a[1]);
      if (sep.length === 0) raise(valueErrorType, 'empty separator');
      const i = rev ? s.lastIndexOf(sep) : s.indexOf(sep);
      if (i < 0) return newTuple(rev ? [like(a[0]!, ''), like(a[0]!, ''), like(a[0]!, s)] : [like(a[0]!, s), like(a[0]!, ''), like(a[0]!, '')]);
      return newTuple([like(a[0]!, s.slice(0, i)), like(a[0]!, sep), like(a[0]!, s.slice(i + sep.length))]);
    });
  }
  defMethod(t, 'upper', (a) => like(a[0]!, upper(me(a[0]!, 'upper'))));
  defMethod(t, 'lower', (a) => like(a[0]!, lower(me(a[0]!, 'lower'))));
  defMethod(t, 'swapcase', (a) => like(a[0]!, Array.from(me(a[0]!, 'swapcase'), swapCase).join('')));
  defMethod(t, 'title', (a) => like(a[0]!, title(me(a[0]!, 'title'))));
  defMethod(t, 'capitalize', (a) => {
    const s = me(a[0]!, 'capitalize');
    return like(a[0]!, upper(s.slice(0, 1)) + lower(s.slice(1)));
  });
  const every = (name: string, pred: (c: string) => boolean) =>
    defMethod(t, name, (a) => {
      const s = me(a[0]!, name);
      return pyBool(s.length > 0 && Array.from(s).every(pred));
    });
  every('isalpha', isAlpha);
  every('isdigit', isDigit);
  every('isalnum', (c) => isAlpha(c) || isDigit(c));
  every('isspace', isSpace);
  defMethod(t, 'isascii', (a) => pyBool(Array.from(me(a[0]!, 'isascii')).every((c) => c.charCodeAt(0) < 128)));
  defMethod(t, 'islower', (a) => {
    const s = me(a[0]!, 'islower');
    return pyBool(/[a-z]/.test(s) && !/[A-Z]/.test(s));
  });
  defMethod(t, 'isupper', (a) => {
    const s = me(a[0]!, 'isupper');
    return pyBool(/[A-Z]/.test(s) && !/[a-z]/.test(s));
  });
  defMethod(t, 'istitle', (a) => {
    const s = me(a[0]!, 'istitle');
    return pyBool(/[A-Za-z]/.test(s) && title(s) === s);
  });
  defMethod(t, 'center', (a) => checkArity(t.name, 'center', a.length - 1, 1, 2) ?? like(a[0]!, justify(me(a[0]!, 'center'), asJsIndex(a[1]!), fill(a[2], 'center'), 'c')));
  defMethod(t, 'ljust', (a) => checkArity(t.name, 'ljust', a.length - 1, 1, 2) ?? like(a[0]!, justify(me(a[0]!, 'ljust'), asJsIndex(a[1]!), fill(a[2], 'ljust'), 'l')));
  defMethod(t, 'rjust', (a) => checkArity(t.name, 'rjust', a.length - 1, 1, 2) ?? like(a[0]!, justify(me(a[0]!, 'rjust'), asJsIndex(a[1]!), fill(a[2], 'rjust'), 'r')));
  defMethod(t, 'zfill', (a) => {
    checkArity(t.name, 'zfill', a.length - 1, 1, 1);
    const s = me(a[0]!, 'zfill');
    const w = asJsIndex(a[1]!);
    if (s.length >= w) return like(a[0]!, s);
    const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
    return like(a[0]!, sign + '0'.repeat(w - s.length) + s.slice(sign.length));
  });
  defMethod(t, 'expandtabs', (a, kw) => {
    const ts = arg(a, kw, 0, 'tabsize');
    const size = ts === undefined ? 8 : asJsIndex(ts);
    let out = '';
    let col = 0;
    for (const c of me(a[0]!, 'expandtabs')) {
      if (c === '\t') {
        if (size > 0) {
          const n = size - (col % size);
          out += ' '.repeat(n);
          col += n;
        }
      } else {
        out += c;
        col = c === '\n' || c === '\r' ? 0 : col + 1;
      }
    }
    return like(a[0]!, out);
  });
  defMethod(t, 'removeprefix', (a) => {
    const s = me(a[0]!, 'removeprefix');
    const p = bufArg(a[1]);
    return like(a[0]!, p.length > 0 && s.startsWith(p) ? s.slice(p.length) : s);
  });
  defMethod(t, 'removesuffix', (a) => {
    const s = me(a[0]!, 'removesuffix');
    const p = bufArg(a[1]);
    return like(a[0]!, p.length > 0 && s.endsWith(p) ? s.slice(0, s.length - p.length) : s);
  });
  defMethod(t, 'translate', (a, kw) => {
    const s = me(a[0]!, 'translate');
    const table = a[1]!;
    const del = arg(a, kw, 1, 'delete');
    const drop = del === undefined ? '' : bufArg(del);
    let map: string | null = null;
    if (table !== None) {
      map = bufArg(table);
      if (map.length !== 256) raise(valueErrorType, 'translation table must be 256 characters long');
    }
    let out = '';
    for (const c of s) if (!drop.includes(c)) out += map === null ? c : map[c.charCodeAt(0)]!;
    return like(a[0]!, out);
  });
  t.setAttr(
    'maketrans',
    new PyStaticMethod(
      new PyBuiltin('maketrans', (a) => {
        const from = bufArg(a[0]);
        const to = bufArg(a[1]);
        if (from.length !== to.length) raise(valueErrorType, 'maketrans arguments must have same length');
        const table = Array.from({ length: 256 }, (_, i) => i);
        for (let i = 0; i < from.length; i++) table[from.charCodeAt(i)] = to.charCodeAt(i);
        return new PyBytes(Uint8Array.from(table));
      }),
    ),
  );
  t.setAttr(
    'fromhex',
    new PyClassMethod(
      new PyBuiltin('fromhex', (a) => {
        checkArity((a[0] as PyType).name, 'fromhex', a.length - 1, 1, 1);
        if (!(a[1] instanceof PyStr)) raise(typeErrorType, `fromhex() argument must be str, not ${a[1]!.type.name}`);
        const raw = fromhex(a[1].value);
        const cls = a[0] as PyType;
        if (cls === bytesType) return new PyBytes(unlatin1(raw));
        if (cls === byteArrayType) return new PyByteArray(Array.from(raw, (c) => c.charCodeAt(0)));
        return callObject(cls, [new PyBytes(unlatin1(raw))], null);
      }),
    ),
  );
  defMethod(t, '__mod__', (a) => like(a[0]!, percentFormat(me(a[0]!, '__mod__'), a[1]!, true)));
}

export function initBytes(): void {
  const t = bytesType;
  defMethod(t, '__new__', (a, kw) => {
    const cls = a[0] as PyType;
    const src = a[1];
    if (src !== undefined && a.length === 2 && kw === null && !(src instanceof PyStr)) {
      const m = lookupSpecial(src, '__bytes__');
      if (m !== undefined) {
        const r = callObject(m, [], null);
        if (!(r instanceof PyBytes)) raise(typeErrorType, `__bytes__ returned non-bytes (type ${r.type.name})`);
        return cls === bytesType ? r : new PyBytes(r.value, cls);
      }
    }
    return new PyBytes(Uint8Array.from(bytesArgs(a, kw, 'bytes')), cls);
  });
  defMethod(t, '__repr__', (a) => newStr(bytesRepr(bytesLike(a[0]!)!)));
  defMethod(t, '__str__', (a) => newStr(bytesRepr(bytesLike(a[0]!)!)));
  defMethod(t, '__hash__', (a) => new PyInt(valueHash(new FmtBytes(bytesLike(a[0]!)!), T311) ?? 0n));
  defMethod(t, '__bytes__', (a) => (a[0]!.type === bytesType ? a[0]! : new PyBytes(bytesLike(a[0]!)!)));
  defMethod(t, '__getnewargs__', (a) => newTuple([new PyBytes(bytesLike(a[0]!)!)]));
  defShared(t);
  defShared(byteArrayType);
}
