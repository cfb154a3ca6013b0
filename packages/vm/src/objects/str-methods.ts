// str's methods. CPython counterpart: Objects/unicodeobject.c (unicode_methods, unicode_new),
// Objects/stringlib/ (split, find, partition), Objects/stringlib/unicode_format.h (str.format).
import { raise, PyError } from '../errors.js';
import { None, NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, intFromNumber, pyBool, True } from './int.js';
import { PyStr, newStr, strType, EMPTY_STR } from './str.js';
import { PyList, listType } from './list.js';
import { PyTuple, newTuple, tupleType } from './tuple.js';
import { PyBytes, bytesLike } from './bytes.js';
import { decodeBytes, encodeStr } from './codecs.js';
import { capitalize, casefold, isLower, isTitle, isUpper, swapcase, title } from './unicode-case.js';
import { PySlice, sliceIndices } from './slice.js';
import { PyBuiltin, affixArity, checkArity, defMethod, type Kwargs } from './native.js';
import { PyStaticMethod } from './descr.js';
import { PyDict } from './dict.js';
import { strIteratorType, PyNativeIter } from './iterators.js';
import { indexErrorType, lookupErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { NUMERIC_IDEOGRAPHS } from './unicode-digits.js';
import { repr, str, strRepr } from '../protocols/repr.js';
import { asJsIndex, indexOrTypeError } from '../protocols/number.js';
import { toArray } from '../protocols/iter.js';
import { strHash } from '../protocols/hash.js';
import { compareStrings, cmpResult, CMP_EQ, CMP_NE } from '../protocols/compare.js';
import { getAttr } from '../protocols/getattr.js';
import { getItem, keyError } from '../protocols/sequence.js';
import { format } from '../protocols/format.js';
import { formatStr } from '../format/format-spec.js';
import { percentFormat } from '../format/percent.js';
import { isPrintable } from '@tspyc/bytecode';

/** Code points of a JS string. */
function cps(s: string): string[] {
  return Array.from(s);
}

function self(o: PyObject, name: string): string {
  return selfStr(o, name).value;
}

function selfStr(o: PyObject, name: string): PyStr {
  if (!(o instanceof PyStr)) raise(typeErrorType, `descriptor '${name}' requires a 'str' object but received a '${o.type.name}'`);
  return o;
}

function inOperand(o: PyObject): string {
  if (o instanceof PyStr) return o.value;
  raise(typeErrorType, `'in <string>' requires string as left operand, not ${o.type.name}`);
}

function argStr(o: PyObject | undefined, what: string): string {
  if (o instanceof PyStr) return o.value;
  raise(typeErrorType, `${what ? what + ' ' : ''}must be str, not ${o === undefined ? 'nothing' : o.type.name}`);
}

/** A start/end argument of find() and friends (_PyEval_SliceIndex's check). */
function sliceArg(o: PyObject): number {
  if (!(o instanceof PyInt) && o.type.lookup('__index__') === undefined) {
    raise(typeErrorType, 'slice indices must be integers or None or have an __index__ method');
  }
  return asJsIndex(o);
}

/** find/index/count's first argument, with their arity message. */
function subArg(a: PyObject[], name: string): string {
  if (a.length < 2) raise(typeErrorType, `${name}() takes at least 1 argument (0 given)`);
  if (a.length > 4) raise(typeErrorType, `${name}() takes at most 3 arguments (${a.length - 1} given)`);
  return argStr(a[1], '');
}

/** center/ljust/rjust's arity. */
function justifyArgs(a: PyObject[], name: string): void {
  if (a.length < 2) raise(typeErrorType, `${name} expected at least 1 argument, got 0`);
  if (a.length > 3) raise(typeErrorType, `${name} expected at most 2 arguments, got ${a.length - 1}`);
}

/** ascii(): repr with non-ASCII characters escaped. */
export function asciiOf(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 128) out += ch;
    else if (c < 256) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

/** Py_UNICODE_ISSPACE on a code point: bidirectional types WS, B, S and category Zs (all BMP). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20);
  if (c < 0x1680) return c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** str.isspace for one character. */
export function isSpaceChar(c: string): boolean {
  return c.length > 0 && isSpaceCode(c.codePointAt(0)!);
}

/** Whether a JS string holds a surrogate unit (paired or lone). */
function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  // Whitespace, and a chars argument without surrogates, never match a surrogate unit, so UTF-16
  // units can be tested one at a time without splitting a pair.
  if (chars === null || !hasSurrogate(chars)) {
    let i = 0;
    let j = s.length;
    if (chars === null) {
      if (left) while (i < j && isSpaceCode(s.charCodeAt(i))) i++;
      if (right) while (j > i && isSpaceCode(s.charCodeAt(j - 1))) j--;
    } else if (chars.length === 1) {
      const c = chars.charCodeAt(0);
      if (left) while (i < j && s.charCodeAt(i) === c) i++;
      if (right) while (j > i && s.charCodeAt(j - 1) === c) j--;
    } else {
      if (left) while (i < j && chars.includes(s[i]!)) i++;
      if (right) while (j > i && chars.includes(s[j - 1]!)) j--;
    }
    return i === 0 && j === s.length ? s : s.slice(i, j);
  }
  // by code point: a lone surrogate of s is not half of a pair in chars
  const drop = new Set(cps(chars));
  const a = cps(s);
  let i = 0;
  let j = a.length;
  if (left) while (i < j && drop.has(a[i]!)) i++;
  if (right) while (j > i && drop.has(a[j - 1]!)) j--;
  return a.slice(i, j).join('');
}

// Whitespace is never a surrogate unit: splitting on it works on UTF-16 units.
function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isSpaceCode(s.charCodeAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let j = s.length;
  while (j > 0) {
    while (j > 0 && isSpaceCode(s.charCodeAt(j - 1))) j--;
    if (j <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(0, j));
      break;
    }
    let i = j;
    while (i > 0 && !isSpaceCode(s.charCodeAt(i - 1))) i--;
    out.push(s.slice(i, j));
    j = i;
  }
  return out.reverse();
}

/** find/count/startswith's start and end arguments as code-point indexes clamped like a slice. */
function cpRange(o: PyStr, startArg: PyObject | undefined, endArg: PyObject | undefined): [number, number, number] {
  const n = o.length;
  let start = startArg === undefined || startArg === None ? 0 : sliceArg(startArg);
  let end = endArg === undefined || endArg === None ? n : sliceArg(endArg);
  if (start < 0) start = Math.max(0, start + n);
  if (end < 0) end = Math.max(0, end + n);
  if (end > n) end = n;
  return [start, end, n];
}

/** Code points st..en of a str as a JS string: a plain slice unless it has astral characters. */
function cpSlice(o: PyStr, st: number, en: number): string {
  const a = o.codePoints();
  if (a === null) return st === 0 && en >= o.value.length ? o.value : o.value.slice(st, Math.max(st, en));
  let out = '';
  for (let i = st; i < en; i += 4096) out += String.fromCodePoint(...a.slice(i, Math.min(en, i + 4096)));
  return out;
}

/** Code points in a JS string (a surrogate pair is one). */
function cpCount(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Whether UTF-16 offset i of s falls inside a surrogate pair (a match must not start or end there). */
function midPair(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const c = s.charCodeAt(i - 1);
  const d = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}

/** The UTF-16 offset of sub in hay from `from` (backwards with reverse), on code-point boundaries, or -1. */
function indexOnBoundary(hay: string, sub: string, from: number, reverse: boolean): number {
  for (;;) {
    const i = reverse ? hay.lastIndexOf(sub, from) : hay.indexOf(sub, from);
    if (i < 0 || (!midPair(hay, i) && !midPair(hay, i + sub.length))) return i;
    from = reverse ? i - 1 : i + 1;
    if (from < 0) return -1;
  }
}

function find(o: PyStr, sub: string, start: PyObject | undefined, end: PyObject | undefined, reverse: boolean): number {
  const [st, en] = cpRange(o, start, end);
  if (st > en) return -1;
  const hay = cpSlice(o, st, en);
  if (o.codePoints() === null) {
    const i = reverse ? hay.lastIndexOf(sub) : hay.indexOf(sub);
    return i < 0 ? -1 : st + i;
  }
  const idx = indexOnBoundary(hay, sub, reverse ? hay.length : 0, reverse);
  if (idx < 0) return -1;
  return st + cpCount(hay.slice(0, idx));
}

function count(o: PyStr, sub: string, start: PyObject | undefined, end: PyObject | undefined): number {
  const [st, en] = cpRange(o, start, end);
  if (st > en) return 0;
  if (sub.length === 0) return en - st + 1;
  const hay = cpSlice(o, st, en);
  const bmp = o.codePoints() === null;
  let n = 0;
  let i = bmp ? hay.indexOf(sub) : indexOnBoundary(hay, sub, 0, false);
  while (i >= 0) {
    n++;
    i = bmp ? hay.indexOf(sub, i + sub.length) : indexOnBoundary(hay, sub, i + sub.length, false);
  }
  return n;
}

export function strNew(cls: PyType, args: PyObject[], kw: Kwargs | null): PyObject {
  let v: string;
  if (args.length === 0 && (kw === null || kw.size === 0)) v = '';
  else {
    const o = args[0] ?? kw?.get('object');
    const encoding = args[1] ?? kw?.get('encoding');
    const errors = args[2] ?? kw?.get('errors');
    if (encoding !== undefined || errors !== undefined) {
      const data = o === undefined ? new Uint8Array(0) : bytesLike(o);
      if (data === null) raise(typeErrorType, `decoding to str: need a bytes-like object, ${o!.type.name} found`);
      v = decodeBytes(data, encoding === undefined ? 'utf-8' : argStr(encoding, "str() argument 'encoding'"), errors === undefined ? 'strict' : argStr(errors, "str() argument 'errors'"));
    } else v = str(o!);
  }
  if (cls === strType) return newStr(v);
  return new PyStr(v, cls);
}

/** str.format and format_map. */
export function strFormat(fmt: string, args: PyObject[], kw: Kwargs | PyObject | null, numbering = { auto: 0, depth: 0 }): string {
  // `numbering` is shared with nested specs ('{:{}}' numbers its inner field after the outer one)
  let out = '';
  let i = 0;
  const lookupField = (field: string): PyObject => {
    const m = /^([^.[]*)(.*)$/.exec(field)!;
    const first = m[1]!;
    let rest = m[2]!;
    let obj: PyObject;
    if (first === '') {
      if (numbering.auto < 0) raise(valueErrorType, 'cannot switch from manual field specification to automatic field numbering');
      const idx = numbering.auto++;
      if (idx >= args.length) raise(indexErrorType, `Replacement index ${idx} out of range for positional args tuple`);
      obj = args[idx]!;
    } else if (/^\d+$/.test(first)) {
      if (numbering.auto > 0) raise(valueErrorType, 'cannot switch from automatic field numbering to manual field specification');
      numbering.auto = -1;
      const idx = Number(first);
      if (idx >= args.length) raise(indexErrorType, `Replacement index ${idx} out of range for positional args tuple`);
      obj = args[idx]!;
    } else {
      let v: PyObject | undefined;
      if (kw instanceof Map) v = kw.get(first);
      else if (kw !== null) v = getItem(kw, newStr(first));
      if (v === undefined) keyError(newStr(first));
      obj = v;
    }
    while (rest.length > 0) {
      if (rest[0] === '.') {
        const mm = /^\.([^.[]*)/.exec(rest)!;
        if (mm[1] === '') raise(valueErrorType, 'Empty attribute in format string');
        obj = getAttr(obj, mm[1]!);
        rest = rest.slice(mm[0].length);
      } else {
        if (rest[0] !== '[') raise(valueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
        const close = rest.indexOf(']');
        if (close < 0) raise(valueErrorType, "Missing ']' in format string");
        const key = rest.slice(1, close);
        if (key === '') raise(valueErrorType, 'Empty attribute in format string');
        obj = getItem(obj, /^\d+$/.test(key) ? intFromNumber(Number(key)) : newStr(key));
        rest = rest.slice(close + 1);
      }
    }
    return obj;
  };
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      if (i + 1 >= fmt.length) raise(valueErrorType, "Single '{' encountered in format string");
      // parse_field (Objects/stringlib/unicode_format.h): the name ends at '}', ':' or '!'
      let j = i + 1;
      let stop = '';
      while (j < fmt.length) {
        const ch = fmt[j++]!;
        if (ch === '{') raise(valueErrorType, "unexpected '{' in field name");
        if (ch === '[') {
          while (j < fmt.length && fmt[j] !== ']') j++;
          continue;
        }
        if (ch === '}' || ch === ':' || ch === '!') {
          stop = ch;
          break;
        }
      }
      const field = fmt.slice(i + 1, stop ? j - 1 : j);
      let conv = '';
      let spec = '';
      if (stop === '!' || stop === ':') {
        let specWanted = true;
        if (stop === '!') {
          if (j >= fmt.length) raise(valueErrorType, 'end of string while looking for conversion specifier');
          conv = fmt[j++]!;
          if (j < fmt.length) {
            const after = fmt[j++]!;
            if (after === '}') specWanted = false;
            else if (after !== ':') raise(valueErrorType, "expected ':' after conversion specifier");
          }
        }
        if (specWanted) {
          const specStart = j;
          let depth = 1;
          while (j < fmt.length && depth > 0) {
            const ch = fmt[j++]!;
            if (ch === '{') depth++;
            else if (ch === '}') depth--;
          }
          if (depth > 0) raise(valueErrorType, "unmatched '{' in format spec");
          spec = fmt.slice(specStart, j - 1);
        }
      } else if (stop !== '}') raise(valueErrorType, "expected '}' before end of string");
      i = j;
      let obj = lookupField(field);
      if (spec.includes('{')) {
        if (numbering.depth >= 1) raise(valueErrorType, 'Max string recursion exceeded');
        numbering.depth++;
        try {
          spec = strFormat(spec, args, kw, numbering);
        } finally {
          numbering.depth--;
        }
      }
      if (conv === 'r') obj = newStr(repr(obj));
      else if (conv === 's') obj = newStr(str(obj));
      else if (conv === 'a') obj = newStr(asciiOf(repr(obj)));
      else if (conv !== '') raise(valueErrorType, `Unknown conversion specifier ${conv}`);
      out += format(obj, spec);
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      raise(valueErrorType, "Single '}' encountered in format string");
    }
    out += c;
    i++;
  }
  return out;
}

function getStrItem(s: PyStr, key: PyObject): PyObject {
  const a = s.codePoints();
  if (key instanceof PySlice) {
    const arr = a ?? null;
    const n = arr ? arr.length : s.value.length;
    const [start, , step, len] = sliceIndices(key, n);
    if (step === 1) {
      if (arr) return newStr(String.fromCodePoint(...arr.slice(start, start + len)));
      return newStr(s.value.slice(start, start + len));
    }
    let out = '';
    for (let i = 0, j = start; i < len; i++, j += step) out += arr ? String.fromCodePoint(arr[j]!) : s.value[j];
    return newStr(out);
  }
  if (!(key instanceof PyInt) && key.type.lookup('__index__') === undefined) {
    raise(typeErrorType, `string indices must be integers, not '${key.type.name}'`);
  }
  let i = asJsIndex(key);
  const n = a ? a.length : s.value.length;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(indexErrorType, 'string index out of range');
  return newStr(a ? String.fromCodePoint(a[i]!) : s.value[i]!);
}

function justify(s: string, width: number, fill: string, where: 'l' | 'r' | 'c'): string {
  const n = cpCount(s);
  if (width <= n) return s;
  const total = width - n;
  if (where === 'l') return s + fill.repeat(total);
  if (where === 'r') return fill.repeat(total) + s;
  const left = Math.floor(total / 2) + (total & width & 1);
  return fill.repeat(left) + s + fill.repeat(total - left);
}

function fillChar(o: PyObject | undefined, name: string): string {
  if (o === undefined) return ' ';
  const s = argStr(o, `${name}() argument 2`);
  if (cpCount(s) !== 1) raise(typeErrorType, 'The fill character must be exactly one character long');
  return s;
}

export function initStr(): void {
  const t = strType;
  defMethod(t, '__new__', (args, kw) => strNew(args[0] as PyType, args.slice(1), kw));
  defMethod(t, '__repr__', (a) => newStr(strRepr(self(a[0]!, '__repr__'))));
  defMethod(t, '__str__', (a) => (a[0]!.type === strType ? a[0]! : newStr(self(a[0]!, '__str__'))));
  defMethod(t, '__hash__', (a) => new PyInt(strHash(a[0] as PyStr)));
  defMethod(t, '__len__', (a) => intFromNumber((a[0] as PyStr).length));
  defMethod(t, '__getitem__', (a) => getStrItem(a[0] as PyStr, a[1]!));
  defMethod(t, '__contains__', (a) => pyBool((a[0] as PyStr).value.includes(inOperand(a[1]!))));
  defMethod(t, '__iter__', (a) => {
    const o = a[0] as PyStr;
    let i = 0;
    if (o.codePoints() === null) {
      const s = o.value;
      return new PyNativeIter(strIteratorType, () => (i < s.length ? newStr(s[i++]!) : null));
    }
    const items = cps(o.value);
    return new PyNativeIter(strIteratorType, () => (i < items.length ? newStr(items[i++]!) : null));
  });
  defMethod(t, '__add__', (a) => (a[1] instanceof PyStr ? newStr((a[0] as PyStr).value + a[1].value) : NotImplemented));
  const mul = (a: PyObject[]) => {
    if (!(a[1] instanceof PyInt)) return NotImplemented;
    const n = Number(a[1].value);
    return newStr(n > 0 ? (a[0] as PyStr).value.repeat(n) : '');
  };
  defMethod(t, '__mul__', mul);
  defMethod(t, '__rmul__', mul);
  defMethod(t, '__mod__', (a) => newStr(percentFormat((a[0] as PyStr).value, a[1]!)));
  for (const [name, op] of [['__lt__', 0], ['__le__', 1], ['__eq__', 2], ['__ne__', 3], ['__gt__', 4], ['__ge__', 5]] as const) {
    defMethod(t, name, (a) => {
      if (!(a[1] instanceof PyStr)) return NotImplemented;
      const x = (a[0] as PyStr).value;
      const y = a[1].value;
      if (op === CMP_EQ) return pyBool(x === y);
      if (op === CMP_NE) return pyBool(x !== y);
      return pyBool(cmpResult(compareStrings(x, y), op));
    });
  }
  defMethod(t, '__format__', (a) => {
    const spec = argStr(a[1], 'format spec');
    // unicode__format__: an empty spec gives str(self), which a subclass's __str__ decides
    if (spec === '' && a[0]!.type !== strType) return newStr(str(a[0]!));
    return newStr(formatStr((a[0] as PyStr).value, spec));
  });
  defMethod(t, '__getnewargs__', (a) => newTuple([newStr((a[0] as PyStr).value)]));

  const m0 = (name: string, f: (s: string) => string) => defMethod(t, name, (a) => newStr(f(self(a[0]!, name))));
  m0('upper', (s) => s.toUpperCase());
  m0('lower', (s) => s.toLowerCase());
  m0('casefold', casefold);
  m0('swapcase', swapcase);
  m0('capitalize', capitalize);
  m0('title', title);
  const pred = (name: string, f: (s: string) => boolean) => defMethod(t, name, (a) => pyBool(f(self(a[0]!, name))));
  // Numeric_Type=Digit beyond Nd: superscripts, subscripts, circled and dingbat digits
  pred('isdigit', (s) => s.length > 0 && /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u1369-\u1371\u19da]+$/u.test(s));
  pred('isdecimal', (s) => s.length > 0 && /^\p{Nd}+$/u.test(s));
  pred('isnumeric', (s) => s.length > 0 && cps(s).every((c) => /^[\p{Nd}\p{Nl}\p{No}]$/u.test(c) || NUMERIC_IDEOGRAPHS.has(c.codePointAt(0)!)));
  pred('isalpha', (s) => s.length > 0 && /^\p{L}+$/u.test(s));
  pred('isalnum', (s) => s.length > 0 && /^[\p{L}\p{Nd}\p{Nl}\p{No}]+$/u.test(s));
  pred('isspace', (s) => {
    // whitespace is never a surrogate unit
    for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
    return s.length > 0;
  });
  pred('isupper', isUpper);
  pred('islower', isLower);
  pred('istitle', isTitle);
  pred('isascii', (s) => /^[\x00-\x7f]*$/.test(s));
  pred('isidentifier', (s) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s));
  pred('isprintable', (s) => cps(s).every((c) => isPrintable(c.codePointAt(0)!, '3.11')));

  const strip = (name: string, l: boolean, r: boolean) =>
    defMethod(t, name, (a) => {
      const c = a[1];
      if (c !== undefined && c !== None && !(c instanceof PyStr)) raise(typeErrorType, `${name} arg must be None or str`);
      const chars = c === undefined || c === None ? null : (c as PyStr).value;
      const s = self(a[0]!, name);
      const out = stripChars(s, chars, l, r);
      // an exact str with nothing stripped is returned itself, as CPython does
      return out === s && a[0]!.type === strType ? a[0]! : newStr(out);
    });
  strip('strip', true, true);
  strip('lstrip', true, false);
  strip('rstrip', false, true);

  const splitImpl = (name: string, reverse: boolean) =>
    defMethod(t, name, (a, kw) => {
      const s = self(a[0]!, name);
      const nkw = kw?.size ?? 0;
      if (a.length - 1 + nkw > 2) {
        raise(typeErrorType, nkw > 0 ? `${name}() takes at most 2 keyword arguments (${a.length - 1 + nkw} given)` : `${name}() takes at most 2 arguments (${a.length - 1} given)`);
      }
      for (const k of kw?.keys() ?? []) if (k !== 'sep' && k !== 'maxsplit') raise(typeErrorType, `${name}() got an unexpected keyword argument '${k}'`);
      const sepO = a[1] ?? kw?.get('sep') ?? None;
      const maxO = a[2] ?? kw?.get('maxsplit');
      const maxsplit = maxO === undefined ? -1 : asJsIndex(maxO);
      let parts: string[];
      if (sepO === None) parts = reverse ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit);
      else {
        if (!(sepO instanceof PyStr)) raise(typeErrorType, `must be str or None, not ${sepO.type.name}`);
        const sep = sepO.value;
        if (sep === '') raise(valueErrorType, 'empty separator');
        if (!reverse) {
          const all = s.split(sep);
          parts = maxsplit < 0 || all.length - 1 <= maxsplit ? all : [...all.slice(0, maxsplit), all.slice(maxsplit).join(sep)];
        } else {
          // matched from the right ('aaa'.rsplit('aa') == ['a', ''])
          parts = [];
          let end = s.length;
          while ((maxsplit < 0 || parts.length < maxsplit) && end >= sep.length) {
            const i = s.lastIndexOf(sep, end - sep.length);
            if (i < 0) break;
            parts.push(s.slice(i + sep.length, end));
            end = i;
          }
          parts.push(s.slice(0, end));
          parts.reverse();
        }
      }
      // an exact str that is not split is its own single part, as in CPython (but for a whitespace
      // split with maxsplit=0, which copies what follows the leading whitespace)
      if (parts.length === 1 && parts[0] === s && a[0]!.type === strType && (sepO !== None || maxsplit !== 0)) return new PyList([a[0]!]);
      return new PyList(parts.map(newStr));
    });
  splitImpl('split', false);
  splitImpl('rsplit', true);
  defMethod(t, 'splitlines', (a, kw) => {
    const s = self(a[0]!, 'splitlines');
    const keep = (a[1] ?? kw?.get('keepends')) === True || (a[1] instanceof PyInt && a[1].value !== 0n);
    const out: string[] = [];
    const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      out.push(s.slice(last, keep ? m.index + m[0].length : m.index));
      last = m.index + m[0].length;
    }
    if (last < s.length) out.push(s.slice(last));
    return new PyList(out.map(newStr));
  });
  defMethod(t, 'join', (a) => {
    const sep = self(a[0]!, 'join');
    if (a.length !== 2) raise(typeErrorType, `str.join() takes exactly one argument (${a.length - 1} given)`);
    const src = a[1]!;
    if (src.type.lookup('__iter__') === undefined && src.type.lookup('__getitem__') === undefined) raise(typeErrorType, 'can only join an iterable');
    // an exact list or tuple is read in place: nothing below runs Python code
    const items = src.type === listType || src.type === tupleType ? (src as PyList).items : toArray(src);
    const n = items.length;
    if (n === 1 && items[0]!.type === strType) return items[0]!;
    const parts = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const it = items[i]!;
      if (!(it instanceof PyStr)) raise(typeErrorType, `sequence item ${i}: expected str instance, ${it.type.name} found`);
      parts[i] = it.value;
    }
    return newStr(parts.join(sep));
  });
  defMethod(t, 'replace', (a) => {
    const s = self(a[0]!, 'replace');
    if (a.length < 3 || a.length > 4) raise(typeErrorType, a.length < 3 ? `replace expected at least 2 arguments, got ${a.length - 1}` : `replace expected at most 3 arguments, got ${a.length - 1}`);
    const old = argStr(a[1], 'replace() argument 1');
    const rep = argStr(a[2], 'replace() argument 2');
    const n = a[3] === undefined ? -1 : asJsIndex(a[3]);
    // nothing replaced: an exact str is returned itself (unicode_result_unchanged), which pickle's
    // memo, keyed by id(), relies on
    if (n === 0 || old === rep || (old !== '' && !s.includes(old))) return a[0]!.type === strType ? a[0]! : newStr(s);
    if (n < 0) {
      if (old === '') return newStr(rep + cps(s).join(rep) + (s.length ? rep : ''));
      return newStr(s.split(old).join(rep));
    }
    let out = s;
    let count = 0;
    let from = 0;
    while (count < n) {
      const i = out.indexOf(old, from);
      if (i < 0) break;
      out = out.slice(0, i) + rep + out.slice(i + old.length);
      from = i + rep.length + (old === '' ? 1 : 0);
      count++;
    }
    return newStr(out);
  });
  const startsEnds = (name: string, ends: boolean) =>
    defMethod(t, name, (a) => {
      affixArity(name, a.length - 1);
      const o = selfStr(a[0]!, name);
      const [st, en] = cpRange(o, a[2], a[3]);
      const hay = cpSlice(o, st, en);
      const test = (p: PyObject): boolean => {
        if (!(p instanceof PyStr)) {
          raise(typeErrorType, `${name} first arg must be str or a tuple of str, not ${p.type.name}`);
        }
        // tailmatch: a window shorter than the prefix (start past end included) never matches
        if (st > en) return false;
        // …and a match ends on a code-point boundary (a lone surrogate is not half of a pair)
        const v = p.value;
        return ends ? hay.endsWith(v) && !midPair(hay, hay.length - v.length) : hay.startsWith(v) && !midPair(hay, v.length);
      };
      const p = a[1]!;
      if (p instanceof PyTuple) return pyBool(p.items.some(test));
      return pyBool(test(p));
    });
  startsEnds('startswith', false);
  startsEnds('endswith', true);
  defMethod(t, 'find', (a) => intFromNumber(find(selfStr(a[0]!, 'find'), subArg(a, 'find'), a[2], a[3], false)));
  defMethod(t, 'rfind', (a) => intFromNumber(find(selfStr(a[0]!, 'rfind'), subArg(a, 'rfind'), a[2], a[3], true)));
  defMethod(t, 'index', (a) => {
    const r = find(selfStr(a[0]!, 'index'), subArg(a, 'index'), a[2], a[3], false);
    if (r < 0) raise(valueErrorType, 'substring not found');
    return intFromNumber(r);
  });
  defMethod(t, 'rindex', (a) => {
    const r = find(selfStr(a[0]!, 'rindex'), subArg(a, 'rindex'), a[2], a[3], true);
    if (r < 0) raise(valueErrorType, 'substring not found');
    return intFromNumber(r);
  });
  defMethod(t, 'count', (a) => intFromNumber(count(selfStr(a[0]!, 'count'), subArg(a, 'count'), a[2], a[3])));
  defMethod(t, 'center', (a) => justifyArgs(a, 'center') ?? newStr(justify(self(a[0]!, 'center'), asJsIndex(a[1]!), fillChar(a[2], 'center'), 'c')));
  defMethod(t, 'ljust', (a) => justifyArgs(a, 'ljust') ?? newStr(justify(self(a[0]!, 'ljust'), asJsIndex(a[1]!), fillChar(a[2], 'ljust'), 'l')));
  defMethod(t, 'rjust', (a) => justifyArgs(a, 'rjust') ?? newStr(justify(self(a[0]!, 'rjust'), asJsIndex(a[1]!), fillChar(a[2], 'rjust'), 'r')));
  defMethod(t, 'zfill', (a) => {
    const s = self(a[0]!, 'zfill');
    if (a.length !== 2) raise(typeErrorType, `str.zfill() takes exactly one argument (${a.length - 1} given)`);
    const w = asJsIndex(a[1]!);
    const n = cpCount(s);
    if (w <= n) return newStr(s);
    const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
    return newStr(sign + '0'.repeat(w - n) + s.slice(sign.length));
  });
  const partition = (name: string, reverse: boolean) =>
    defMethod(t, name, (a) => {
      const s = self(a[0]!, name);
      const sep = argStr(a[1], '');
      if (sep === '') raise(valueErrorType, 'empty separator');
      const i = reverse ? s.lastIndexOf(sep) : s.indexOf(sep);
      if (i < 0) return newTuple(reverse ? [EMPTY_STR, EMPTY_STR, newStr(s)] : [newStr(s), EMPTY_STR, EMPTY_STR]);
      return newTuple([newStr(s.slice(0, i)), newStr(sep), newStr(s.slice(i + sep.length))]);
    });
  partition('partition', false);
  partition('rpartition', true);
  defMethod(t, 'removeprefix', (a) => {
    const s = self(a[0]!, 'removeprefix');
    const p = argStr(a[1], 'removeprefix() argument');
    return newStr(p && s.startsWith(p) ? s.slice(p.length) : s);
  });
  defMethod(t, 'removesuffix', (a) => {
    const s = self(a[0]!, 'removesuffix');
    const p = argStr(a[1], 'removesuffix() argument');
    return newStr(p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s);
  });
  defMethod(t, 'expandtabs', (a, kw) => {
    const s = self(a[0]!, 'expandtabs');
    const sizeArg = a[1] ?? kw?.get('tabsize');
    const size = sizeArg === undefined ? 8 : asJsIndex(sizeArg);
    let out = '';
    let col = 0;
    for (const c of s) {
      if (c === '\t') {
        const n = size > 0 ? size - (col % size) : 0;
        out += ' '.repeat(n);
        col += n;
      } else {
        out += c;
        col = c === '\n' || c === '\r' ? 0 : col + 1;
      }
    }
    return newStr(out);
  });
  defMethod(t, 'format', (a, kw) => newStr(strFormat(self(a[0]!, 'format'), a.slice(1), kw)));
  defMethod(t, 'format_map', (a) => newStr(strFormat(self(a[0]!, 'format_map'), [], a[1]!)));
  defMethod(t, 'encode', (a, kw) => {
    const enc = a[1] ?? kw?.get('encoding');
    const errors = a[2] ?? kw?.get('errors');
    return new PyBytes(
      encodeStr(
        self(a[0]!, 'encode'),
        enc === undefined ? 'utf-8' : argStr(enc, "encode() argument 'encoding'"),
        errors === undefined ? 'strict' : argStr(errors, "encode() argument 'errors'"),
      ),
    );
  });
  t.setAttr(
    'maketrans',
    new PyStaticMethod(
      new PyBuiltin('maketrans', (a) => {
        const out = new PyDict();
        if (a.length === 1) {
          if (!(a[0] instanceof PyDict)) raise(typeErrorType, 'if you give only one argument to maketrans it must be a dict');
          for (const [k, v] of a[0].entries()) {
            if (k instanceof PyStr) {
              if (cps(k.value).length !== 1) raise(valueErrorType, 'string keys in translate table must be of length 1');
              out.set(intFromNumber(k.value.codePointAt(0)!), v);
            } else if (k instanceof PyInt) out.set(k, v);
            else raise(typeErrorType, 'keys in translate table must be strings or integers');
          }
          return out;
        }
        if (a.length < 1 || a.length > 3) raise(typeErrorType, `maketrans expected at least 1 argument, got ${a.length}`);
        const x = cps(argStr(a[0], 'maketrans() argument 1'));
        const y = cps(argStr(a[1], 'maketrans() argument 2'));
        if (x.length !== y.length) raise(valueErrorType, 'the first two maketrans arguments must have equal length');
        x.forEach((c, i) => out.set(intFromNumber(c.codePointAt(0)!), intFromNumber(y[i]!.codePointAt(0)!)));
        if (a[2] !== undefined) for (const c of cps(argStr(a[2], 'maketrans() argument 3'))) out.set(intFromNumber(c.codePointAt(0)!), None);
        return out;
      }),
    ),
  );
  defMethod(t, 'translate', (a) => {
    checkArity('str', 'translate', a.length - 1, 1, 1);
    const s = self(a[0]!, 'translate');
    let out = '';
    for (const c of s) {
      let v: PyObject | undefined;
      try {
        v = getItem(a[1]!, intFromNumber(c.codePointAt(0)!));
      } catch (e) {
        // only a LookupError leaves the character as it is
        if (!(e instanceof PyError && e.exc.type.isSubtype(lookupErrorType))) throw e;
        v = undefined;
      }
      if (v === undefined) out += c;
      else if (v === None) continue;
      else if (v instanceof PyStr) out += v.value;
      else if (v instanceof PyInt) {
        if (v.value < 0n || v.value > 0x10ffffn) raise(valueErrorType, 'character mapping must be in range(0x110000)');
        out += String.fromCodePoint(Number(v.value));
      } else raise(typeErrorType, 'character mapping must return integer, None or str');
    }
    return newStr(out);
  });
}

