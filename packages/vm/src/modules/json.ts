// json: dumps/dump-to-string and loads with the options programs use (indent, sort_keys,
// separators, ensure_ascii, default), with CPython's output byte for byte.
// CPython counterpart: Lib/json/encoder.py (the pure-Python encoder's rules), Lib/json/decoder.py.
import { withRecursionCheck } from '../eval/recursion.js';
import { raise, PyError, newException } from '../errors.js';
import { builtinType, None, PyObject, TPFLAGS_BASETYPE } from '../objects/object.js';
import { False, PyInt, True, newInt } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyTuple } from '../objects/tuple.js';
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

export function encodeString(s: string, ensureAscii: boolean): string {
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

export interface Opts {
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

export function encode(v: PyObject, o: Opts, level: number, seen: Set<PyObject>): string {
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

class Decoder {
  pos = 0;
  constructor(readonly s: string) {}
  fail(msg: string): never {
    const lines = this.s.slice(0, this.pos).split('\n');
    const lineno = lines.length;
    const colno = lines[lines.length - 1]!.length + 1;
    const e = newException(jsonDecodeErrorType, `${msg}: line ${lineno} column ${colno} (char ${this.pos})`);
    throw new PyError(e);
  }
  ws(): void {
    while (this.pos < this.s.length && ' \t\n\r'.includes(this.s[this.pos]!)) this.pos++;
  }
  value(): PyObject {
    this.ws();
    const c = this.s[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return newStr(this.string());
    if (this.s.startsWith('true', this.pos)) return (this.pos += 4), True;
    if (this.s.startsWith('false', this.pos)) return (this.pos += 5), False;
    if (this.s.startsWith('null', this.pos)) return (this.pos += 4), None;
    if (this.s.startsWith('NaN', this.pos)) return (this.pos += 3), new PyFloat(NaN);
    if (this.s.startsWith('Infinity', this.pos)) return (this.pos += 8), new PyFloat(Infinity);
    if (this.s.startsWith('-Infinity', this.pos)) return (this.pos += 9), new PyFloat(-Infinity);
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.pos));
    if (m) {
      this.pos += m[0].length;
      if (m[1] || m[2]) return new PyFloat(Number(m[0]));
      return newInt(BigInt(m[0]));
    }
    this.fail('Expecting value');
  }
  string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= this.s.length) this.fail('Unterminated string starting at');
      const c = this.s[this.pos++]!;
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.s[this.pos++]!;
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          out += String.fromCharCode(parseInt(this.s.slice(this.pos, this.pos + 4), 16));
          this.pos += 4;
        } else if (map[e] !== undefined) out += map[e];
        else this.fail('Invalid \\escape');
      } else out += c;
    }
  }
  array(): PyObject {
    this.pos++;
    const items: PyObject[] = [];
    this.ws();
    if (this.s[this.pos] === ']') return this.pos++, new PyList(items);
    for (;;) {
      items.push(this.value());
      this.ws();
      const c = this.s[this.pos++];
      if (c === ']') return new PyList(items);
      if (c !== ',') {
        this.pos--;
        this.fail("Expecting ',' delimiter");
      }
    }
  }
  object(): PyObject {
    this.pos++;
    const d = new PyDict();
    this.ws();
    if (this.s[this.pos] === '}') return this.pos++, d;
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const k = this.string();
      this.ws();
      if (this.s[this.pos++] !== ':') {
        this.pos--;
        this.fail("Expecting ':' delimiter");
      }
      d.set(newStr(k), this.value());
      this.ws();
      const c = this.s[this.pos++];
      if (c === '}') return d;
      if (c !== ',') {
        this.pos--;
        this.fail("Expecting ',' delimiter");
      }
    }
  }
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
  d.setStr(
    'loads',
    builtinFunction('loads', (a) => {
      const src = a[0];
      if (!(src instanceof PyStr)) raise(typeErrorType, `the JSON object must be str, bytes or bytearray, not ${src?.type.name}`);
      const dec = new Decoder(src.value);
      const v = dec.value();
      dec.ws();
      if (dec.pos !== src.value.length) dec.fail('Extra data');
      return v;
    }),
  );
  return m;
}
