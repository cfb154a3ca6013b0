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
import { indexErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { objectId } from '../protocols/hash.js';

export const memoryViewType = builtinType('memoryview', undefined, 0);

export class PyMemoryView extends PyObject {
  constructor(
    readonly obj: PyBytes | PyByteArray,
    readonly format: 'B' | 'I' = 'B',
  ) {
    super(memoryViewType);
  }
  get bytes(): Uint8Array {
    return this.obj.value;
  }
  get itemsize(): number {
    return this.format === 'I' ? 4 : 1;
  }
  get length(): number {
    return Math.floor(this.bytes.length / this.itemsize);
  }
  item(k: number): number {
    const b = this.bytes;
    if (this.format === 'B') return b[k]!;
    return (b[4 * k]! | (b[4 * k + 1]! << 8) | (b[4 * k + 2]! << 16) | (b[4 * k + 3]! << 24)) >>> 0;
  }
}

export function initMemoryView(): void {
  const t = memoryViewType;
  const mv = (o: PyObject) => o as PyMemoryView;
  defMethod(t, '__new__', (a) => {
    const o = a[1];
    if (o instanceof PyMemoryView) return new PyMemoryView(o.obj);
    if (!(o instanceof PyBytes || o instanceof PyByteArray)) raise(typeErrorType, `memoryview: a bytes-like object is required, not '${o?.type.name ?? 'NoneType'}'`);
    return new PyMemoryView(o);
  });
  defMethod(t, '__len__', (a) => intFromNumber(mv(a[0]!).length));
  defMethod(t, '__getitem__', (a) => {
    const v = mv(a[0]!);
    const i = a[1];
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
    if (v.bytes.length % (f.value === 'I' ? 4 : 1)) raise(typeErrorType, 'memoryview: length is not a multiple of itemsize');
    return new PyMemoryView(v.obj, f.value);
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
