// Writing marshal data. CPython counterpart: Python/marshal.c, w_object() / w_ref() /
// w_complex_object(), version 4 (the version every pyc since 3.4 uses).
//
// Identity and `ref` stand for CPython's reference counts: an object whose `ref` is set gets
// FLAG_REF the first time it is written and TYPE_REF every later time (pre-order indices);
// an object without it is written out in full wherever it appears, as w_ref does for refcount 1.
import { CodeLayout, CodeObject } from '../code-object.js';
import { Kind, type PyStr, type PyValue } from '../values.js';
import { MarshalError } from './errors.js';
import * as T from './type-codes.js';
import { encodeUtf8Surrogatepass, hasLoneSurrogate } from './utf8.js';

export interface WriteOptions {
  /** field order of code objects; default: the 3.11+ layout */
  layout?: CodeLayout;
}

const utf8Encoder = new TextEncoder();
/** from this length on, TextEncoder (native, vectorised) writes ASCII text faster than a loop */
const NATIVE_ASCII_MIN = 64;
const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

export class MarshalWriter {
  private buf: Uint8Array;
  private view: DataView;
  pos = 0;
  private depth = 0;
  private readonly refs = new Map<PyValue, number>();
  readonly layout: CodeLayout;

  /** @param buffer the size of a first buffer to make, or a buffer to write into (grown when full) */
  constructor(options: WriteOptions = {}, buffer: number | Uint8Array = 4096) {
    this.buf = typeof buffer === 'number' ? new Uint8Array(buffer) : buffer;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.layout = options.layout ?? CodeLayout.Py311;
  }

  /** The bytes written so far (a copy). */
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  /** the buffer written into: the one given to the constructor unless it had to grow */
  get buffer(): Uint8Array {
    return this.buf;
  }

  private grow(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  writeByte(b: number): void {
    this.grow(1);
    this.buf[this.pos++] = b;
  }

  writeLong(n: number): void {
    this.grow(4);
    this.view.setInt32(this.pos, n, true);
    this.pos += 4;
  }

  /** bytes as they are, with no type code or length (w_string) */
  writeRaw(bytes: Uint8Array): void {
    this.grow(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  private writeSized(bytes: Uint8Array): void {
    this.writeLong(bytes.length);
    this.writeRaw(bytes);
  }

  /** w_object */
  writeObject(v: PyValue): void {
    if (++this.depth > T.MAX_MARSHAL_STACK_DEPTH) {
      throw new MarshalError('too-deep', 'object too deeply nested to marshal', -1);
    }
    switch (v.kind) {
      case Kind.None:
        this.writeByte(T.TYPE_NONE);
        break;
      case Kind.StopIteration:
        this.writeByte(T.TYPE_STOPITER);
        break;
      case Kind.Ellipsis:
        this.writeByte(T.TYPE_ELLIPSIS);
        break;
      case Kind.Bool:
        this.writeByte(v.value ? T.TYPE_TRUE : T.TYPE_FALSE);
        break;
      default:
        if (!this.writeRef(v)) this.writeComplexObject(v, v.ref ? T.FLAG_REF : 0);
    }
    this.depth--;
  }

  /** w_ref: true when a back-reference was written; registers `v` when it carries FLAG_REF. */
  private writeRef(v: Exclude<PyValue, { kind: Kind.None | Kind.Bool | Kind.Ellipsis | Kind.StopIteration }>): boolean {
    if (!v.ref) return false;
    const idx = this.refs.get(v);
    if (idx !== undefined) {
      this.writeByte(T.TYPE_REF);
      this.writeLong(idx);
      return true;
    }
    this.refs.set(v, this.refs.size);
    return false;
  }

  private writeComplexObject(v: PyValue, flag: number): void {
    switch (v.kind) {
      case Kind.Int:
        if (v.value >= INT32_MIN && v.value <= INT32_MAX) {
          this.writeByte(T.TYPE_INT | flag);
          this.writeLong(Number(v.value));
        } else {
          this.writeByte(T.TYPE_LONG | flag);
          this.writeLongDigits(v.value);
        }
        break;
      case Kind.Float:
        this.writeByte(T.TYPE_BINARY_FLOAT | flag);
        this.writeDouble(v.value, v.bits, 0);
        break;
      case Kind.Complex:
        this.writeByte(T.TYPE_BINARY_COMPLEX | flag);
        this.writeDouble(v.real, v.bits, 0);
        this.writeDouble(v.imag, v.bits, 8);
        break;
      case Kind.Bytes:
        this.writeByte(T.TYPE_STRING | flag);
        this.writeSized(v.value);
        break;
      case Kind.Str:
        this.writeStr(v, flag);
        break;
      case Kind.Tuple: {
        const n = v.items.length;
        if (n < 256) {
          this.writeByte(T.TYPE_SMALL_TUPLE | flag);
          this.writeByte(n);
        } else {
          this.writeByte(T.TYPE_TUPLE | flag);
          this.writeLong(n);
        }
        for (const item of v.items) this.writeObject(item);
        break;
      }
      case Kind.List:
        this.writeByte(T.TYPE_LIST | flag);
        this.writeLong(v.items.length);
        for (const item of v.items) this.writeObject(item);
        break;
      case Kind.Dict:
        this.writeByte(T.TYPE_DICT | flag);
        for (let i = 0; i < v.keys.length; i++) {
          this.writeObject(v.keys[i]!);
          this.writeObject(v.values[i]!);
        }
        this.writeByte(T.TYPE_NULL);
        break;
      case Kind.Set:
      case Kind.FrozenSet:
        this.writeByte((v.kind === Kind.Set ? T.TYPE_SET : T.TYPE_FROZENSET) | flag);
        this.writeLong(v.items.length);
        for (const item of v.items) this.writeObject(item);
        break;
      case Kind.Code:
        this.writeByte(T.TYPE_CODE | flag);
        this.writeCode(v);
        break;
      default:
        throw new MarshalError('unmarshallable', 'unmarshallable object', -1);
    }
  }

  /** TYPE_LONG: signed count of 15-bit digits, then the digits, least significant first. */
  private writeLongDigits(value: bigint): void {
    let mag = value < 0n ? -value : value;
    const digits: number[] = [];
    while (mag > 0n) {
      digits.push(Number(mag & 0x7fffn));
      mag >>= 15n;
    }
    this.writeLong(value < 0n ? -digits.length : digits.length);
    this.grow(digits.length * 2);
    for (const d of digits) {
      this.view.setUint16(this.pos, d, true);
      this.pos += 2;
    }
  }

  private writeDouble(x: number, bits: Uint8Array | null, bitsOffset: number): void {
    this.grow(8);
    if (bits && x !== x) this.buf.set(bits.subarray(bitsOffset, bitsOffset + 8), this.pos);
    else this.view.setFloat64(this.pos, x, true);
    this.pos += 8;
  }

  private writeStr(s: PyStr, flag: number): void {
    const text = s.value;
    if (s.utf8 === null) {
      // optimistically ASCII: the header and characters are written in one pass, undone if a
      // character turns out not to be
      const start = this.pos;
      const n = text.length;
      if (n < 256) {
        this.writeByte((s.interned ? T.TYPE_SHORT_ASCII_INTERNED : T.TYPE_SHORT_ASCII) | flag);
        this.writeByte(n);
      } else {
        this.writeByte((s.interned ? T.TYPE_ASCII_INTERNED : T.TYPE_ASCII) | flag);
        this.writeLong(n);
      }
      this.grow(n);
      const buf = this.buf;
      const at = this.pos;
      if (n >= NATIVE_ASCII_MIN) {
        // into exactly n bytes: all of the text fits in them only if every character is one byte
        const r = utf8Encoder.encodeInto(text, buf.subarray(at, at + n));
        if (r.read === n && r.written === n) {
          this.pos = at + n;
          return;
        }
      } else {
        let i = 0;
        for (; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c > 0x7f) break;
          buf[at + i] = c;
        }
        if (i === n) {
          this.pos = at + n;
          return;
        }
      }
      this.pos = start;
    }
    this.writeByte((s.interned ? T.TYPE_INTERNED : T.TYPE_UNICODE) | flag);
    const bytes = s.utf8 ?? (hasLoneSurrogate(text) ? encodeUtf8Surrogatepass(text) : utf8Encoder.encode(text));
    this.writeSized(bytes);
  }

  private writeCode(co: CodeObject): void {
    const layout = this.layout;
    if (layout !== CodeLayout.Py311 && layout !== CodeLayout.Py310 && layout !== CodeLayout.Py38 && layout !== CodeLayout.Py36) {
      throw new MarshalError('unmarshallable', 'writing Python 2 code objects is not supported', -1);
    }
    this.writeLong(co.argcount);
    if (layout >= CodeLayout.Py38) this.writeLong(co.posonlyargcount);
    this.writeLong(co.kwonlyargcount);
    if (layout < CodeLayout.Py311) this.writeLong(co.nlocals);
    this.writeLong(co.stacksize);
    this.writeLong(co.flags);
    this.writeObject(co.code);
    this.writeObject(co.consts);
    this.writeObject(co.names);
    if (layout >= CodeLayout.Py311) {
      this.writeObject(need(co.localsplusnames, 'localsplusnames'));
      this.writeObject(need(co.localspluskinds, 'localspluskinds'));
    } else {
      this.writeObject(need(co.varnames, 'varnames'));
      this.writeObject(need(co.freevars, 'freevars'));
      this.writeObject(need(co.cellvars, 'cellvars'));
    }
    this.writeObject(co.filename);
    this.writeObject(co.name);
    if (layout >= CodeLayout.Py311) this.writeObject(need(co.qualname, 'qualname'));
    this.writeLong(co.firstlineno);
    this.writeObject(co.linetable);
    if (layout >= CodeLayout.Py311) this.writeObject(need(co.exceptiontable, 'exceptiontable'));
  }
}

function need<V>(v: V | null, what: string): V {
  if (v === null) throw new MarshalError('unmarshallable', `code object has no ${what} for this layout`, -1);
  return v;
}

/**
 * One buffer that dumps() writes into and copies the result out of, kept for the next call: a pyc
 * is tens of kilobytes, and growing a fresh buffer to that size (zeroed, then copied at each
 * doubling) cost more than writing it. Taken while in use, so a nested dumps makes its own.
 */
let scratch: Uint8Array | null = null;
/** past this size the grown buffer is dropped rather than kept alive between calls */
const SCRATCH_KEPT_MAX = 1 << 24;

/**
 * marshal.dumps(value, 4), after the bytes of `prefix` (a pyc header) when given. Throws
 * MarshalError for values the layout cannot hold.
 */
export function dumps(value: PyValue, options: WriteOptions = {}, prefix?: Uint8Array): Uint8Array {
  const buf = scratch ?? new Uint8Array(1 << 16);
  scratch = null;
  const w = new MarshalWriter(options, buf);
  try {
    if (prefix) w.writeRaw(prefix);
    w.writeObject(value);
    return w.result();
  } finally {
    if (w.buffer.length <= SCRATCH_KEPT_MAX) scratch = w.buffer;
  }
}
