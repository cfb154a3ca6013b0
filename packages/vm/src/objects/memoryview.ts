// memoryview over bytes and bytearray, one dimension, format 'B' or (after cast) 'I' (native
// little-endian 32-bit words, as re/_compiler.py's _bytes_to_codes uses): what the pure-Python
// stdlib needs of the buffer protocol. CPython counterpart: Objects/memoryobject.c.
import { raise } from '../errors.js';
import { builtinType, None, PyObject } from './object.js';
import { intFromNumber, pyBool, PyInt } from './int.js';
import { PyByteArray, PyBytes } from './bytes.js';
import { PyList } from './list.js';
import { newStr, PyStr } from './str.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import { PySlice, sliceIndices } from './slice.js';
import { indexErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { objectId } from '../protocols/hash.js';

export const memoryViewType = builtinType('memoryview', undefined, 0);

export class PyMemoryView extends PyObject {
  constructor(
    readonly obj: PyBytes | PyByteArray,
    readonly format: 'B' | 'I' = 'B',
    /** a slice's window: the byte offset of item 0, the bytes from one item to the next, the items (-1: all of obj) */
    readonly offset = 0,
    readonly stride = format === 'I' ? 4 : 1,
    readonly count = -1,
  ) {
    super(memoryViewType);
  }
  get itemsize(): number {
    return this.format === 'I' ? 4 : 1;
  }
  get length(): number {
    if (this.count >= 0) return this.count;
    const n = this.obj instanceof PyBytes ? this.obj.value.length : this.obj.data.length;
    return Math.floor(n / this.itemsize);
  }
  /** whether the items lie next to each other (what cast needs) */
  get contiguous(): boolean {
    return this.stride === this.itemsize;
  }
  /** the bytes of the items, in order */
  get bytes(): Uint8Array {
    const all = this.obj.value;
    if (this.count < 0) return all;
    const size = this.itemsize;
    if (this.contiguous) return all.subarray(this.offset, this.offset + this.count * size);
    const out = new Uint8Array(this.count * size);
    for (let k = 0; k < this.count; k++) out.set(all.subarray(this.offset + k * this.stride, this.offset + k * this.stride + size), k * size);
    return out;
  }
  item(k: number): number {
    const b = this.obj instanceof PyBytes ? this.obj.value : null;
    const at = this.offset + k * this.stride;
    const byte = (i: number) => (b !== null ? b[i]! : (this.obj as PyByteArray).data[i]!);
    if (this.format === 'B') return byte(at);
    return (byte(at) | (byte(at + 1) << 8) | (byte(at + 2) << 16) | (byte(at + 3) << 24)) >>> 0;
  }
}

export function initMemoryView(): void {
  const t = memoryViewType;
  const mv = (o: PyObject) => o as PyMemoryView;
  defMethod(t, '__new__', (a) => {
    const o = a[1];
    if (o instanceof PyMemoryView) return new PyMemoryView(o.obj, o.format, o.offset, o.stride, o.count);
    if (!(o instanceof PyBytes || o instanceof PyByteArray)) raise(typeErrorType, `memoryview: a bytes-like object is required, not '${o?.type.name ?? 'NoneType'}'`);
    return new PyMemoryView(o);
  });
  defMethod(t, '__len__', (a) => intFromNumber(mv(a[0]!).length));
  defMethod(t, '__getitem__', (a) => {
    const v = mv(a[0]!);
    const i = a[1];
    // memory_subscript: a slice is a view of the same object
    if (i instanceof PySlice) {
      const [start, , step, n] = sliceIndices(i, v.length);
      return new PyMemoryView(v.obj, v.format, v.offset + start * v.stride, v.stride * step, n);
    }
    if (!(i instanceof PyInt)) raise(typeErrorType, 'memoryview: invalid slice key');
    let k = Number(i.value);
    if (k < 0) k += v.length;
    if (k < 0 || k >= v.length) raise(indexErrorType, 'index out of bounds on dimension 1');
    return intFromNumber(v.item(k));
  });
  defMethod(t, 'cast', (a) => {
    const v = mv(a[0]!);
    const f = a[1];
    if (!(f instanceof PyStr) || (f.value !== 'B' && f.value !== 'I')) raise(valueErrorType, "memoryview: destination format must be a native single character format prefixed with an optional '@'");
    if (!v.contiguous) raise(typeErrorType, 'memoryview: casts are restricted to C-contiguous views');
    const nbytes = v.length * v.itemsize;
    const size = f.value === 'I' ? 4 : 1;
    if (nbytes % size) raise(typeErrorType, 'memoryview: length is not a multiple of itemsize');
    return v.count < 0 ? new PyMemoryView(v.obj, f.value) : new PyMemoryView(v.obj, f.value, v.offset, size, nbytes / size);
  });
  defMethod(t, 'tobytes', (a) => new PyBytes(Uint8Array.from(mv(a[0]!).bytes)));
  defMethod(t, 'tolist', (a) => {
    const v = mv(a[0]!);
    return new PyList(Array.from({ length: v.length }, (_, k) => intFromNumber(v.item(k))));
  });
  defMethod(t, 'release', () => None);
  defMethod(t, '__enter__', (a) => a[0]!);
  defMethod(t, '__exit__', () => None);
  defMethod(t, '__repr__', (a) => newStr(`<memory at 0x${objectId(a[0]!).toString(16).padStart(12, '0')}>`));
  defGetSet(t, 'obj', (o) => mv(o).obj);
  defGetSet(t, 'nbytes', (o) => intFromNumber(mv(o).bytes.length));
  defGetSet(t, 'readonly', (o) => pyBool(mv(o).obj instanceof PyBytes));
  defGetSet(t, 'itemsize', (o) => intFromNumber(mv(o).itemsize));
  defGetSet(t, 'ndim', () => intFromNumber(1));
  defGetSet(t, 'format', (o) => newStr(mv(o).format));
}
