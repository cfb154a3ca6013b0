// Python repr() of format-level values, as dis and inspect print constants.
// CPython counterpart: Objects/unicodeobject.c (unicode_repr), Objects/bytesobject.c
// (PyBytes_Repr), Objects/tupleobject.c, Objects/setobject.c, Objects/codeobject.c (code_repr).
import type { CodeObject } from '../code-object.js';
import type { Target } from '../target.js';
import { Kind, type PyStr, type PyValue } from '../values.js';
import { formatComplexRepr, formatFloatRepr } from './float-repr.js';
import { isPrintable } from './printable.js';
import { setIterationOrder } from './set-order.js';

export interface ReprOptions {
  /** the `at 0x…` address printed for a code object (CPython prints its memory address) */
  codeAddress?: (co: CodeObject) => string;
  /**
   * The CPython version whose repr() to reproduce: its Unicode database decides which characters
   * are escaped, and sets print in the order it iterates the set marshal.loads rebuilds (with
   * PYTHONHASHSEED=0). Without it: the newest Unicode table, sets in marshal order.
   */
  target?: Target;
}

const defaultAddress = (): string => '0x0000000000';

/** The code points of a Python str (a high+low surrogate pair kept as two when marshal said so). */
export function codePoints(s: PyStr): number[] {
  if (s.utf8) return splitUnpaired(s.utf8);
  const out: number[] = [];
  for (const ch of s.value) out.push(ch.codePointAt(0)!);
  return out;
}

/** Code points straight from UTF-8 bytes, surrogates as their own code points. */
function splitUnpaired(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      out.push(c);
      i += 1;
    } else if (c < 0xe0) {
      out.push(((c & 0x1f) << 6) | (b[i + 1]! & 0x3f));
      i += 2;
    } else if (c < 0xf0) {
      out.push(((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f));
      i += 3;
    } else {
      out.push(((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f));
      i += 4;
    }
  }
  return out;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

function plainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x27 || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

/** repr(str) */
export function strRepr(s: PyStr, target?: Target): string {
  // Fast path: printable ASCII without quotes or backslashes reprs as itself in single quotes.
  if (s.utf8 === null && plainAscii(s.value)) return `'${s.value}'`;
  const version = target?.version ?? '3.13';
  const cps = codePoints(s);
  let hasSingle = false;
  let hasDouble = false;
  for (const c of cps) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = String.fromCharCode(quote);
  for (const c of cps) {
    if (c === quote || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + hex(c, 2);
    else if (c < 0x7f) out += String.fromCharCode(c);
    else if (isPrintable(c, version)) out += String.fromCodePoint(c);
    else if (c <= 0xff) out += '\\x' + hex(c, 2);
    else if (c <= 0xffff) out += '\\u' + hex(c, 4);
    else out += '\\U' + hex(c, 8);
  }
  return out + String.fromCharCode(quote);
}

/** repr(bytes) */
export function bytesRepr(b: Uint8Array): string {
  const quote = b.includes(0x27) && !b.includes(0x22) ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

/** repr(code): `<code object NAME at 0x…, file "FILE", line N>` */
export function codeRepr(co: CodeObject, options: ReprOptions = {}): string {
  const address = (options.codeAddress ?? defaultAddress)(co);
  return `<code object ${co.coName} at ${address}, file "${co.coFilename}", line ${co.firstlineno}>`;
}

/** repr() of any marshal value. */
export function pyRepr(v: PyValue, options: ReprOptions = {}): string {
  switch (v.kind) {
    case Kind.None:
      return 'None';
    case Kind.Bool:
      return v.value ? 'True' : 'False';
    case Kind.Ellipsis:
      return 'Ellipsis';
    case Kind.StopIteration:
      return "<class 'StopIteration'>";
    case Kind.Int:
      return v.value.toString();
    case Kind.Float:
      return formatFloatRepr(v.value);
    case Kind.Complex:
      return formatComplexRepr(v.real, v.imag);
    case Kind.Str:
      return strRepr(v, options.target);
    case Kind.Bytes:
      return bytesRepr(v.value);
    case Kind.Tuple: {
      const items = v.items.map((x) => pyRepr(x, options));
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case Kind.List:
      return `[${v.items.map((x) => pyRepr(x, options)).join(', ')}]`;
    case Kind.Dict:
      return `{${v.keys.map((k, i) => `${pyRepr(k, options)}: ${pyRepr(v.values[i]!, options)}`).join(', ')}}`;
    case Kind.Set:
      return v.items.length ? `{${setItems(v.items, options)}}` : 'set()';
    case Kind.FrozenSet:
      return v.items.length ? `frozenset({${setItems(v.items, options)}})` : 'frozenset()';
    case Kind.Code:
      return codeRepr(v, options);
  }
}

function setItems(items: PyValue[], options: ReprOptions): string {
  const ordered = (options.target && setIterationOrder(items, options.target)) || items;
  return ordered.map((x) => pyRepr(x, options)).join(', ');
}
