// json: dumps/dump-to-string and loads with the options programs use (indent, sort_keys,
// separators, ensure_ascii, default), with CPython's output byte for byte.
// CPython counterpart: Lib/json/encoder.py (the pure-Python encoder's rules), Lib/json/decoder.py.
import { withRecursionCheck } from '../eval/recursion.js';
import { raise, PyError, newException, setExceptionAttr } from '../errors.js';
import { builtinType, None, PyObject, TPFLAGS_BASETYPE } from '../objects/object.js';
import { False, PyInt, True, intFromNumber, newInt } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { bytesLike } from '../objects/bytes.js';
import { decodeBytes } from '../objects/codecs.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { formatFloatRepr } from '@tspyc/bytecode';
import { callObject } from '../protocols/call.js';
import { isTrue } from '../protocols/truth.js';
import { sortItems } from '../objects/list-methods.js';
import { asJsIndex } from '../protocols/number.js';
import { getAttr } from '../protocols/getattr.js';

export const jsonDecodeErrorType = builtinType('JSONDecodeError', valueErrorType, TPFLAGS_BASETYPE);
jsonDecodeErrorType.module = 'json.decoder';
jsonDecodeErrorType.solid = valueErrorType.solid;

function encodeString(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || (ensureAscii && c > 0x7e)) {
      if (c > 0xffff) {
        const v = c - 0x10000;
        out += `\\u${(0xd800 | (v >> 10)).toString(16).padStart(4, '0')}\\u${(0xdc00 | (v & 0x3ff)).toString(16).padStart(4, '0')}`;
      } else {
        out += `\\u${c.toString(16).padStart(4, '0')}`;
      }
    } else out += ch;
  }
  return out + '"';
}

interface Opts {
  indent: string | null;
  itemSep: string;
  keySep: string;
  sortKeys: boolean;
  ensureAscii: boolean;
  allowNan: boolean;
  skipKeys: boolean;
  defaultFn: PyObject | null;
}

function floatText(x: number, o: Opts): string {
  if (x !== x || !Number.isFinite(x)) {
    if (!o.allowNan) raise(valueErrorType, `Out of range float values are not JSON compliant`);
    return x !== x ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  }
  return formatFloatRepr(x);
}

function encode(v: PyObject, o: Opts, level: number, seen: Set<PyObject>): string {
  if (v instanceof PyStr) return encodeString(v.value, o.ensureAscii);
  if (v === None) return 'null';
  if (v === True) return 'true';
  if (v === False) return 'false';
  if (v instanceof PyInt) return v.value.toString();
  if (v instanceof PyFloat) return floatText(v.value, o);
  return withRecursionCheck(' while encoding a JSON object', () => encodeComposite(v, o, level, seen));
}

function encodeComposite(v: PyObject, o: Opts, level: number, seen: Set<PyObject>): string {
  const nl = (lvl: number) => (o.indent === null ? '' : '\n' + o.indent.repeat(lvl));
  if (v instanceof PyList || v instanceof PyTuple) {
    if (v.items.length === 0) return '[]';
    if (seen.has(v)) raise(valueErrorType, 'Circular reference detected');
    seen.add(v);
    const parts = v.items.map((x) => encode(x, o, level + 1, seen));
    seen.delete(v);
    return '[' + nl(level + 1) + parts.join(o.itemSep + nl(level + 1)) + nl(level) + ']';
  }
  if (v instanceof PyDict) {
    if (v.size === 0) return '{}';
    if (seen.has(v)) raise(valueErrorType, 'Circular reference detected');
    seen.add(v);
    let entries = [...v.entries()];
    if (o.sortKeys) {
      const keys = entries.map(([k]) => k);
      const idx = entries.map((_, i) => newInt(BigInt(i)));
      sortItems(idx, keys, false);
      entries = idx.map((i) => entries[Number((i as PyInt).value)]!);
    }
    const parts: string[] = [];
    for (const [k, val] of entries) {
      let key: string;
      if (k instanceof PyStr) key = k.value;
      else if (k instanceof PyFloat) key = floatText(k.value, o);
      else if (k === True) key = 'true';
      else if (k === False) key = 'false';
      else if (k === None) key = 'null';
      else if (k instanceof PyInt) key = k.value.toString();
      else if (o.skipKeys) continue;
      else raise(typeErrorType, `keys must be str, int, float, bool or None, not ${k.type.name}`);
      parts.push(encodeString(key, o.ensureAscii) + o.keySep + encode(val, o, level + 1, seen));
    }
    seen.delete(v);
    if (parts.length === 0) return '{}';
    return '{' + nl(level + 1) + parts.join(o.itemSep + nl(level + 1)) + nl(level) + '}';
  }
  if (o.defaultFn !== null) {
    if (seen.has(v)) raise(valueErrorType, 'Circular reference detected');
    seen.add(v);
    const r = encode(callObject(o.defaultFn, [v], null), o, level, seen);
    seen.delete(v);
    return r;
  }
  raise(typeErrorType, `Object of type ${v.type.name} is not JSON serializable`);
}

function dumps(a: PyObject[], kw: Kwargs | null): string {
  const get = (k: string) => kw?.get(k);
  const indentArg = get('indent');
  let indent: string | null = null;
  if (indentArg !== undefined && indentArg !== None) indent = indentArg instanceof PyStr ? indentArg.value : ' '.repeat(Math.max(0, asJsIndex(indentArg)));
  const seps = get('separators');
  let itemSep = indent === null ? ', ' : ',';
  let keySep = ': ';
  if (seps !== undefined && seps !== None) {
    const [i, k] = (seps as PyTuple).items as PyStr[];
    itemSep = i!.value;
    keySep = k!.value;
  }
  const o: Opts = {
    indent,
    itemSep,
    keySep,
    sortKeys: isTrue(get('sort_keys') ?? False),
    ensureAscii: isTrue(get('ensure_ascii') ?? True),
    allowNan: isTrue(get('allow_nan') ?? True),
    skipKeys: isTrue(get('skipkeys') ?? False),
    defaultFn: get('default') ?? null,
  };
  if (o.defaultFn === None) o.defaultFn = null;
  return encode(a[0]!, o, 0, new Set());
}

interface DecodeOpts {
  strict: boolean;
  parseFloat: PyObject | null;
  parseInt: PyObject | null;
  parseConstant: PyObject | null;
  objectHook: PyObject | null;
  objectPairsHook: PyObject | null;
}

/** The JSONDecodeError of decoder.py: msg, doc, pos, lineno, colno (positions in code points). */
function decodeError(msg: string, doc: string[], pos: number): never {
  let lineno = 1;
  let lastNl = -1;
  for (let i = 0; i < pos && i < doc.length; i++) {
    if (doc[i] === '\n') {
      lineno++;
      lastNl = i;
    }
  }
  const colno = pos - lastNl;
  const e = newException(jsonDecodeErrorType, `${msg}: line ${lineno} column ${colno} (char ${pos})`);
  setExceptionAttr(e, 'msg', newStr(msg));
  setExceptionAttr(e, 'doc', newStr(doc.join('')));
  setExceptionAttr(e, 'pos', intFromNumber(pos));
  setExceptionAttr(e, 'lineno', intFromNumber(lineno));
  setExceptionAttr(e, 'colno', intFromNumber(colno));
  throw new PyError(e);
}

/** Lib/json/decoder.py with the C scanner's messages (scanner.py's scan_once, scanstring, JSONObject, JSONArray). */
class Decoder {
  readonly s: string[];
  constructor(
    text: string,
    readonly o: DecodeOpts,
  ) {
    this.s = Array.from(text);
  }
  ws(i: number): number {
    while (i < this.s.length && ' \t\n\r'.includes(this.s[i]!)) i++;
    return i;
  }
  startsWith(word: string, i: number): boolean {
    for (let k = 0; k < word.length; k++) if (this.s[i + k] !== word[k]) return false;
    return true;
  }
  constant(name: string, v: number): PyObject {
    return this.o.parseConstant ? callObject(this.o.parseConstant, [newStr(name)], null) : new PyFloat(v);
  }
  /** scan_once: the value at i and the index after it, or null (StopIteration) when none starts there. */
  scan(i: number): [PyObject, number] | null {
    const c = this.s[i];
    if (c === undefined) return null;
    if (c === '"') return this.string(i + 1);
    if (c === '{') return this.object(i + 1);
    if (c === '[') return this.array(i + 1);
    if (c === 'n' && this.startsWith('null', i)) return [None, i + 4];
    if (c === 't' && this.startsWith('true', i)) return [True, i + 4];
    if (c === 'f' && this.startsWith('false', i)) return [False, i + 5];
    if (c === 'N' && this.startsWith('NaN', i)) return [this.constant('NaN', NaN), i + 3];
    if (c === 'I' && this.startsWith('Infinity', i)) return [this.constant('Infinity', Infinity), i + 8];
    if (c === '-' && this.startsWith('-Infinity', i)) return [this.constant('-Infinity', -Infinity), i + 9];
    const m = /^(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(i, i + 400).join(''));
    if (m === null) return null;
    const end = i + m[0].length;
    if (m[2] !== undefined || m[3] !== undefined) {
      const text = m[0];
      return [this.o.parseFloat ? callObject(this.o.parseFloat, [newStr(text)], null) : new PyFloat(Number(text)), end];
    }
    return [this.o.parseInt ? callObject(this.o.parseInt, [newStr(m[1]!)], null) : newInt(BigInt(m[1]!)), end];
  }
  value(i: number): [PyObject, number] {
    const r = this.scan(i);
    if (r === null) decodeError('Expecting value', this.s, i);
    return r;
  }
  /** scanstring from just after the opening quote. */
  string(i: number): [PyObject, number] {
    const begin = i - 1;
    const s = this.s;
    let out = '';
    for (;;) {
      if (i >= s.length) decodeError('Unterminated string starting at', s, begin);
      const c = s[i++]!;
      if (c === '"') return [newStr(out), i];
      if (c === '\\') {
        if (i >= s.length) decodeError('Unterminated string starting at', s, begin);
        const e = s[i]!;
        if (e !== 'u') {
          const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (map[e] === undefined) decodeError('Invalid \\escape', s, i - 1);
          out += map[e];
          i++;
          continue;
        }
        const hex = (at: number): number => {
          const h = s.slice(at, at + 4).join('');
          if (h.length < 4 || !/^[0-9a-fA-F]{4}$/.test(h)) decodeError('Invalid \\uXXXX escape', s, at - 1);
          return parseInt(h, 16);
        };
        let u = hex(i + 1);
        i += 5;
        // a high surrogate followed by \\u and a low one is one character
        if (u >= 0xd800 && u <= 0xdbff && s[i] === '\\' && s[i + 1] === 'u') {
          const lo = hex(i + 2);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
            i += 6;
          }
        }
        out += String.fromCodePoint(u);
        continue;
      }
      if (this.o.strict && c.codePointAt(0)! < 0x20) decodeError('Invalid control character at', s, i - 1);
      out += c;
    }
  }
  object(i: number): [PyObject, number] {
    const s = this.s;
    const pairs: [PyObject, PyObject][] = [];
    i = this.ws(i);
    let next = s[i];
    if (next !== '"') {
      if (next === '}') return [this.finishObject(pairs), i + 1];
      decodeError('Expecting property name enclosed in double quotes', s, i);
    }
    i++;
    for (;;) {
      const [key, afterKey] = this.string(i);
      i = this.ws(afterKey);
      if (s[i] !== ':') decodeError("Expecting ':' delimiter", s, i);
      i = this.ws(i + 1);
      const [v, afterValue] = this.value(i);
      pairs.push([key, v]);
      i = this.ws(afterValue);
      next = s[i++];
      if (next === '}') return [this.finishObject(pairs), i];
      if (next !== ',') decodeError("Expecting ',' delimiter", s, i - 1);
      i = this.ws(i);
      next = s[i++];
      if (next !== '"') decodeError('Expecting property name enclosed in double quotes', s, i - 1);
    }
  }
  finishObject(pairs: [PyObject, PyObject][]): PyObject {
    if (this.o.objectPairsHook) return callObject(this.o.objectPairsHook, [new PyList(pairs.map(([k, v]) => newTuple([k, v])))], null);
    const d = new PyDict();
    for (const [k, v] of pairs) d.set(k, v);
    return this.o.objectHook ? callObject(this.o.objectHook, [d], null) : d;
  }
  array(i: number): [PyObject, number] {
    const s = this.s;
    const items: PyObject[] = [];
    i = this.ws(i);
    if (s[i] === ']') return [new PyList(items), i + 1];
    for (;;) {
      const [v, after] = this.value(i);
      items.push(v);
      i = this.ws(after);
      const next = s[i++];
      if (next === ']') return [new PyList(items), i];
      if (next !== ',') decodeError("Expecting ',' delimiter", s, i - 1);
      i = this.ws(i);
    }
  }
}

function loads(a: PyObject[], kw: Kwargs | null): PyObject {
  const src = a[0] ?? kw?.get('s');
  let text: string;
  if (src instanceof PyStr) {
    text = src.value;
    if (text.startsWith('\ufeff')) decodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', Array.from(text), 0);
  } else {
    const b = src === undefined ? null : bytesLike(src);
    if (b === null) raise(typeErrorType, `the JSON object must be str, bytes or bytearray, not ${src?.type.name ?? 'NoneType'}`);
    const hasBom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    text = decodeBytes(hasBom ? b.subarray(3) : b, 'utf-8', 'surrogatepass');
  }
  const opt = (name: string): PyObject | null => {
    const v = kw?.get(name);
    return v === undefined || v === None ? null : v;
  };
  const strictArg = kw?.get('strict');
  const dec = new Decoder(text, {
    strict: strictArg === undefined || isTrue(strictArg),
    parseFloat: opt('parse_float'),
    parseInt: opt('parse_int'),
    parseConstant: opt('parse_constant'),
    objectHook: opt('object_hook'),
    objectPairsHook: opt('object_pairs_hook'),
  });
  const [v, end] = dec.value(dec.ws(0));
  const after = dec.ws(end);
  if (after !== dec.s.length) decodeError('Extra data', dec.s, after);
  return v;
}

export function makeJson(): PyModule {
  const m = new PyModule('json');
  const d = m.dict;
  d.setStr('JSONDecodeError', jsonDecodeErrorType);
  d.setStr('dumps', builtinFunction('dumps', (a, kw) => newStr(dumps(a, kw))));
  d.setStr(
    'dump',
    builtinFunction('dump', (a, kw) => {
      callObject(getAttr(a[1]!, 'write'), [newStr(dumps(a, kw))], null);
      return None;
    }),
  );
  d.setStr('loads', builtinFunction('loads', loads));
  d.setStr('load', builtinFunction('load', (a, kw) => loads([callObject(getAttr(a[0]!, 'read'), [], null)], kw)));
  return m;
}
