// Reading marshal data. CPython counterpart: Python/marshal.c, r_object() and its helpers.
//
// Reading is total: any byte string yields a value or a MarshalError — no other exception, no
// allocation larger than the input justifies (every length is checked against the bytes left
// before anything is allocated), and nesting is capped at MAX_MARSHAL_STACK_DEPTH.
import { CodeLayout, CodeObject, CO_FAST_LOCAL } from '../code-object.js';
import {
  Ellipsis,
  False,
  Kind,
  None,
  PyBytes,
  PyComplex,
  PyDict,
  PyFloat,
  PyFrozenSet,
  PyInt,
  PyList,
  PySet,
  PyStopIteration,
  PyStr,
  PyTuple,
  True,
  type PyValue,
} from '../values.js';
import { MarshalError, type MarshalErrorCode } from './errors.js';
import { decodeUtf8Surrogatepass } from './utf8.js';
import * as T from './type-codes.js';

export interface ReadOptions {
  /** field order of code objects; default: the 3.11+ layout */
  layout?: CodeLayout;
  /** marshal format version of the producer (2 for Python 2.7, 4 for 3.4+); default 4 */
  version?: number;
  /**
   * Let bytes objects view the input itself instead of a private copy. Only for a caller that owns
   * the input and never changes it afterwards (a file just read from disk); default false.
   */
  aliasInput?: boolean;
}

const latin1Decoder = new TextDecoder('latin1', { ignoreBOM: true });
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/** Latin-1 decoding, one code point per byte. */
function latin1Slow(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/** Placeholder for a reserved reference slot whose object is still being read (CPython puts None). */
const RESERVED = null;

// Most ints in code objects are small; BigInt(n) allocates every time.
const SMALL_INT_MIN = -16;
const SMALL_INT_MAX = 1024;
const SMALL_BIGINTS: bigint[] = [];
for (let i = SMALL_INT_MIN; i <= SMALL_INT_MAX; i++) SMALL_BIGINTS.push(BigInt(i));

export class MarshalReader {
  readonly buf: Uint8Array;
  /**
   * A private copy of the input, made on first use: bytes objects are views into it. One copy per
   * read is far cheaper than one backing store per bytes object (four per code object).
   */
  private store: Uint8Array | null = null;
  readonly view: DataView;
  pos: number;
  readonly end: number;
  readonly layout: CodeLayout;
  readonly version: number;
  /** FLAG_REF objects in the order read (TYPE_REF indexes this) */
  readonly refs: (PyValue | null)[] = [];
  /** marshal v2: interned strings in the order read (TYPE_STRINGREF indexes this) */
  readonly interned: PyValue[] = [];
  depth = 0;

  constructor(input: Uint8Array, offset = 0, options: ReadOptions = {}) {
    // a plain Uint8Array view: a Node Buffer's subarray makes a Buffer, several times slower
    const buf = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.pos = offset;
    this.end = buf.length;
    this.layout = options.layout ?? CodeLayout.Py311;
    this.version = options.version ?? 4;
    if (options.aliasInput) this.store = buf;
  }

  fail(code: MarshalErrorCode, message: string, at = this.pos): never {
    throw new MarshalError(code, message, at);
  }

  // -- primitive reads (r_byte, r_long, …) --------------------------------------------------------

  private need(n: number): void {
    if (n > this.end - this.pos) this.fail('truncated', 'marshal data too short');
  }

  readByte(): number {
    if (this.pos >= this.end) this.fail('truncated', 'EOF read where object expected');
    return this.buf[this.pos++]!;
  }

  /** r_long: a signed 32-bit little-endian integer */
  readLong(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  private readBytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** A bytes object of the next `n` bytes, a view into this reader's own copy of the input (never the caller's buffer). */
  private readOwnedBytes(n: number, flag: boolean): PyBytes {
    this.need(n);
    if (this.store === null) this.store = this.buf.slice();
    const out = PyBytes.viewOf(this.store, this.pos, n, flag);
    this.pos += n;
    return out;
  }

  /** A length prefix that must be non-negative and fit in what is left (each unit at least `unit` bytes). */
  private readSize(what: string, unit: number): number {
    const at = this.pos;
    const n = this.readLong();
    if (n < 0) this.fail('bad-length', `bad marshal data (${what} size out of range)`, at);
    if (n * unit > this.end - this.pos) this.fail('truncated', 'marshal data too short', at);
    return n;
  }

  // -- objects -----------------------------------------------------------------------------------

  /** r_object: one object, or null for TYPE_NULL (only meaningful inside a dict). */
  readObjectOrNull(): PyValue | null {
    const start = this.pos;
    const code = this.readByte();
    const type = code & 0x7f;
    const flag = (code & T.FLAG_REF) !== 0;
    if (++this.depth > T.MAX_MARSHAL_STACK_DEPTH) {
      this.fail('too-deep', 'recursion limit exceeded', start);
    }
    let v: PyValue | null;
    switch (type) {
      case T.TYPE_NULL:
        v = null;
        break;
      case T.TYPE_NONE:
        v = None;
        break;
      case T.TYPE_STOPITER:
        v = PyStopIteration.instance;
        break;
      case T.TYPE_ELLIPSIS:
        v = Ellipsis;
        break;
      case T.TYPE_FALSE:
        v = False;
        break;
      case T.TYPE_TRUE:
        v = True;
        break;
      case T.TYPE_INT: {
        const n = this.readLong();
        const big = n >= SMALL_INT_MIN && n <= SMALL_INT_MAX ? SMALL_BIGINTS[n - SMALL_INT_MIN]! : BigInt(n);
        v = this.ref(new PyInt(big, flag), flag);
        break;
      }
      case T.TYPE_INT64: {
        this.need(8);
        const n = this.view.getBigInt64(this.pos, true);
        this.pos += 8;
        v = this.ref(new PyInt(n, flag), flag);
        break;
      }
      case T.TYPE_LONG:
        v = this.ref(new PyInt(this.readLongDigits(), flag), flag);
        break;
      case T.TYPE_FLOAT:
        v = this.ref(this.floatFromText(this.readFloatText(), flag), flag);
        break;
      case T.TYPE_BINARY_FLOAT: {
        this.need(8);
        const x = this.view.getFloat64(this.pos, true);
        const bits = x !== x ? this.buf.slice(this.pos, this.pos + 8) : null;
        this.pos += 8;
        v = this.ref(new PyFloat(x, flag, bits), flag);
        break;
      }
      case T.TYPE_COMPLEX: {
        const re = this.floatFromText(this.readFloatText(), false).value;
        const im = this.floatFromText(this.readFloatText(), false).value;
        v = this.ref(new PyComplex(re, im, flag), flag);
        break;
      }
      case T.TYPE_BINARY_COMPLEX: {
        this.need(16);
        const re = this.view.getFloat64(this.pos, true);
        const im = this.view.getFloat64(this.pos + 8, true);
        const bits = re !== re || im !== im ? this.buf.slice(this.pos, this.pos + 16) : null;
        this.pos += 16;
        v = this.ref(new PyComplex(re, im, flag, bits), flag);
        break;
      }
      case T.TYPE_STRING: {
        const n = this.readSize('bytes object', 1);
        v = this.ref(this.readOwnedBytes(n, flag), flag);
        break;
      }
      case T.TYPE_INTERNED:
        if (this.version < 3) {
          // Python 2: an interned byte string, remembered for TYPE_STRINGREF.
          const n = this.readSize('string', 1);
          const b = this.readOwnedBytes(n, flag);
          this.interned.push(b);
          v = this.ref(b, flag);
        } else {
          v = this.ref(this.readUnicode(true, flag), flag);
        }
        break;
      case T.TYPE_UNICODE:
        v = this.ref(this.readUnicode(false, flag), flag);
        break;
      case T.TYPE_ASCII:
      case T.TYPE_ASCII_INTERNED: {
        const n = this.readSize('string', 1);
        v = this.ref(new PyStr(this.latin1(n), type === T.TYPE_ASCII_INTERNED, flag), flag);
        break;
      }
      case T.TYPE_SHORT_ASCII:
      case T.TYPE_SHORT_ASCII_INTERNED: {
        const n = this.readByte();
        this.need(n);
        v = this.ref(new PyStr(this.latin1(n), type === T.TYPE_SHORT_ASCII_INTERNED, flag), flag);
        break;
      }
      case T.TYPE_STRINGREF: {
        const at = this.pos;
        const i = this.readLong();
        if (this.version >= 3 || i < 0 || i >= this.interned.length) {
          this.fail('bad-ref', 'bad marshal data (string ref out of range)', at);
        }
        v = this.interned[i]!;
        break;
      }
      case T.TYPE_SMALL_TUPLE:
        v = this.readTuple(this.readByte(), flag);
        break;
      case T.TYPE_TUPLE:
        v = this.readTuple(this.readSize('tuple', 1), flag);
        break;
      case T.TYPE_LIST: {
        const n = this.readSize('list', 1);
        const items: PyValue[] = new Array(n);
        const list = this.ref(new PyList(items, flag), flag);
        for (let i = 0; i < n; i++) items[i] = this.readObject('list');
        v = list;
        break;
      }
      case T.TYPE_DICT: {
        const dict = this.ref(new PyDict([], [], flag), flag);
        for (;;) {
          const key = this.readObjectOrNull();
          if (key === null) break;
          const value = this.readObjectOrNull();
          if (value === null) break;
          dict.keys.push(key);
          dict.values.push(value);
        }
        v = dict;
        break;
      }
      case T.TYPE_SET:
      case T.TYPE_FROZENSET: {
        const n = this.readSize('set', 1);
        const items: PyValue[] = new Array(n);
        const set = type === T.TYPE_SET ? new PySet(items, flag) : new PyFrozenSet(items, flag);
        const idx = this.reserve(flag);
        for (let i = 0; i < n; i++) items[i] = this.readObject('set');
        v = this.fill(idx, set);
        break;
      }
      case T.TYPE_CODE:
        v = this.readCode(flag);
        break;
      case T.TYPE_REF: {
        const at = this.pos;
        const i = this.readLong();
        if (i < 0 || i >= this.refs.length || this.refs[i] === RESERVED) {
          this.fail('bad-ref', 'bad marshal data (invalid reference)', at);
        }
        v = this.refs[i]!;
        break;
      }
      default:
        this.fail('bad-type-code', 'bad marshal data (unknown type code)', start);
    }
    this.depth--;
    return v;
  }

  /** An object where NULL is not allowed. */
  readObject(context = 'object'): PyValue {
    const at = this.pos;
    const v = this.readObjectOrNull();
    if (v === null) this.fail('bad-data', `NULL object in marshal data for ${context}`, at);
    return v;
  }

  private ref<V extends PyValue>(v: V, flag: boolean): V {
    if (flag) this.refs.push(v);
    return v;
  }

  /** r_ref_reserve: containers take their index before their children are read. */
  private reserve(flag: boolean): number {
    if (!flag) return -1;
    this.refs.push(RESERVED);
    return this.refs.length - 1;
  }

  private fill<V extends PyValue>(idx: number, v: V): V {
    if (idx >= 0) this.refs[idx] = v;
    return v;
  }

  private readTuple(n: number, flag: boolean): PyTuple {
    if (n > this.end - this.pos) this.fail('truncated', 'marshal data too short');
    const items: PyValue[] = new Array(n);
    const idx = this.reserve(flag);
    for (let i = 0; i < n; i++) items[i] = this.readObject('tuple');
    return this.fill(idx, new PyTuple(items, flag));
  }

  /** TYPE_LONG: a signed digit count, then 15-bit digits, least significant first. */
  private readLongDigits(): bigint {
    const at = this.pos;
    const n = this.readLong();
    if (n < -0x7fffffff || n > 0x7fffffff) this.fail('bad-length', 'bad marshal data (long size out of range)', at);
    const size = n < 0 ? -n : n;
    this.need(size * 2);
    let value = 0n;
    let chunk = 0;
    let chunkBits = 0;
    // Most significant digit first; three 15-bit digits fit a double exactly.
    for (let i = size - 1; i >= 0; i--) {
      const d = this.view.getUint16(this.pos + i * 2, true);
      if (d >= 1 << T.PyLong_MARSHAL_SHIFT) {
        this.fail('bad-data', 'bad marshal data (digit out of range in long)', this.pos + i * 2);
      }
      if (i === size - 1 && d === 0) {
        this.fail('bad-data', 'bad marshal data (unnormalized long data)', this.pos + i * 2);
      }
      chunk = chunk * 32768 + d;
      chunkBits += 15;
      if (chunkBits === 45) {
        value = (value << 45n) | BigInt(chunk);
        chunk = 0;
        chunkBits = 0;
      }
    }
    if (chunkBits) value = (value << BigInt(chunkBits)) | BigInt(chunk);
    this.pos += size * 2;
    return n < 0 ? -value : value;
  }

  private readFloatText(): string {
    const n = this.readByte();
    this.need(n);
    return this.latin1(n);
  }

  private floatFromText(text: string, flag: boolean): PyFloat {
    const t = text.trim().toLowerCase();
    let x: number;
    if (t === 'inf' || t === '+inf' || t === 'infinity') x = Infinity;
    else if (t === '-inf' || t === '-infinity') x = -Infinity;
    else if (t === 'nan' || t === '+nan' || t === '-nan') x = NaN;
    else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) x = Number(t);
    else this.fail('bad-data', 'bad marshal data (invalid float)');
    return new PyFloat(x, flag);
  }

  private latin1(n: number): string {
    const start = this.pos;
    this.pos += n;
    // Appending char by char gives a flat string only below V8's cons-string minimum (13): longer
    // names would stay chains of cons cells, about 32 bytes per character, for the program's life.
    if (n < 13) {
      let s = '';
      for (let i = start; i < start + n; i++) s += String.fromCharCode(this.buf[i]!);
      return s;
    }
    if (n < 32) return String.fromCharCode.apply(null, this.buf.subarray(start, start + n) as unknown as number[]);
    const bytes = this.buf.subarray(start, start + n);
    // TextDecoder's 'latin1' is really windows-1252 (WHATWG): it differs from Latin-1, which
    // CPython uses, only where it yields a character above U+00FF.
    const text = latin1Decoder.decode(bytes);
    return NOT_LATIN1.test(text) ? latin1Slow(bytes) : text;
  }

  /** TYPE_UNICODE / TYPE_INTERNED: UTF-8 with surrogates allowed ("surrogatepass"). */
  private readUnicode(interned: boolean, flag: boolean): PyStr {
    const n = this.readSize('string', 1);
    const at = this.pos;
    const bytes = this.readBytes(n);
    let text: string;
    try {
      text = utf8Decoder.decode(bytes);
      return new PyStr(text, interned, flag);
    } catch {
      const decoded = decodeUtf8Surrogatepass(bytes);
      if (decoded === null) this.fail('bad-data', 'bad marshal data (invalid UTF-8)', at);
      // Keep the exact bytes when a high+low surrogate pair was encoded as two code points:
      // JS would fuse them, and re-encoding would give a 4-byte sequence instead.
      return new PyStr(decoded.text, interned, flag, decoded.pairedSurrogates ? bytes.slice() : null);
    }
  }

  // -- code objects ------------------------------------------------------------------------------

  private readCode(flag: boolean): CodeObject {
    const idx = this.reserve(flag);
    const layout = this.layout;
    const argcount = this.readLong();
    const posonlyargcount = layout >= CodeLayout.Py38 ? this.readLong() : 0;
    const kwonlyargcount = layout >= CodeLayout.Py36 ? this.readLong() : 0;
    let nlocals = layout < CodeLayout.Py311 ? this.readLong() : 0;
    const stacksize = this.readLong();
    const flags = this.readLong();
    const code = this.field('code', Kind.Bytes);
    const consts = this.field('consts', Kind.Tuple);
    const names = this.nameTuple('names');
    let localsplusnames: PyTuple | null = null;
    let localspluskinds: PyBytes | null = null;
    let varnames: PyTuple | null = null;
    let freevars: PyTuple | null = null;
    let cellvars: PyTuple | null = null;
    if (layout >= CodeLayout.Py311) {
      localsplusnames = this.nameTuple('localsplusnames');
      localspluskinds = this.field('localspluskinds', Kind.Bytes);
      if (localspluskinds.length !== localsplusnames.items.length) {
        this.fail('bad-code-field', 'bad marshal data (code: localsplusnames and localspluskinds differ in length)');
      }
      for (let i = 0; i < localspluskinds.length; i++) if (localspluskinds.byteAt(i) & CO_FAST_LOCAL) nlocals++;
    } else {
      varnames = this.nameTuple('varnames');
      freevars = this.nameTuple('freevars');
      cellvars = this.nameTuple('cellvars');
    }
    const filename = this.textField('filename');
    const name = this.textField('name');
    let qualname: PyStr | null = null;
    if (layout >= CodeLayout.Py311) qualname = this.field('qualname', Kind.Str);
    const firstlineno = this.readLong();
    const linetable = this.field(layout >= CodeLayout.Py310 ? 'linetable' : 'lnotab', Kind.Bytes);
    const exceptiontable = layout >= CodeLayout.Py311 ? this.field('exceptiontable', Kind.Bytes) : null;
    const co = new CodeObject(
      {
        layout,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        nlocals,
        stacksize,
        flags,
        code,
        consts,
        names,
        localsplusnames,
        localspluskinds,
        varnames,
        freevars,
        cellvars,
        filename,
        name,
        qualname,
        firstlineno,
        linetable,
        exceptiontable,
      },
      flag,
    );
    return this.fill(idx, co);
  }

  private field<K extends Kind>(what: string, kind: K): Extract<PyValue, { kind: K }> {
    const at = this.pos;
    const v = this.readObject(`code.${what}`);
    if (v.kind !== kind) this.fail('bad-code-field', `bad marshal data (code: ${what} has the wrong type)`, at);
    return v as Extract<PyValue, { kind: K }>;
  }

  /** A tuple of str (of str or bytes in 2.7). */
  private nameTuple(what: string): PyTuple {
    const at = this.pos;
    const t = this.field(what, Kind.Tuple);
    for (const item of t.items) {
      if (item.kind !== Kind.Str && !(item.kind === Kind.Bytes && this.version < 3)) {
        this.fail('bad-code-field', `bad marshal data (code: ${what} holds a non-string)`, at);
      }
    }
    return t;
  }

  private textField(what: string): PyStr | PyBytes {
    const at = this.pos;
    const v = this.readObject(`code.${what}`);
    if (v.kind === Kind.Str || (v.kind === Kind.Bytes && this.version < 3)) return v;
    this.fail('bad-code-field', `bad marshal data (code: ${what} has the wrong type)`, at);
  }
}

/** marshal.loads: the first object in `data`. Throws MarshalError only. */
export function loads(data: Uint8Array, options: ReadOptions = {}): PyValue {
  return loadsAt(data, 0, options).value;
}

/** The object starting at `offset`, and the offset just past it. Throws MarshalError only. */
export function loadsAt(data: Uint8Array, offset: number, options: ReadOptions = {}): { value: PyValue; end: number } {
  const r = new MarshalReader(data, offset, options);
  try {
    const value = r.readObject();
    return { value, end: r.pos };
  } catch (err) {
    if (err instanceof MarshalError) throw err;
    // The JS stack can run out before MAX_MARSHAL_STACK_DEPTH on hosts with small stacks.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new MarshalError('too-deep', 'recursion limit exceeded', r.pos);
    }
    // Anything else is a bug in this reader; report it as bad data rather than crash a caller.
    throw new MarshalError('bad-data', `bad marshal data (${err instanceof Error ? err.message : String(err)})`, r.pos);
  }
}
