// memoryview over bytes and bytearray (format 'B', one dimension): what the pure-Python stdlib
// needs of the buffer protocol. CPython counterpart: Objects/memoryobject.c.
import { raise } from '../errors.js';
import { builtinType, None, PyObject } from './object.js';
import { intFromNumber, pyBool, PyInt } from './int.js';
import { PyByteArray, PyBytes } from './bytes.js';
import { PyList } from './list.js';
import { newStr } from './str.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import { indexErrorType, typeErrorType } from './exception-types.js';
import { objectId } from '../protocols/hash.js';

export const memoryViewType = builtinType('memoryview', undefined, 0);

export class PyMemoryView extends PyObject {
  constructor(readonly obj: PyBytes | PyByteArray) {
    super(memoryViewType);
  }
  get bytes(): Uint8Array {
    return this.obj.value;
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
  defMethod(t, '__len__', (a) => intFromNumber(mv(a[0]!).bytes.length));
  defMethod(t, '__getitem__', (a) => {
    const b = mv(a[0]!).bytes;
    const i = a[1];
    if (!(i instanceof PyInt)) raise(typeErrorType, 'memoryview: invalid slice key');
    let k = Number(i.value);
    if (k < 0) k += b.length;
    if (k < 0 || k >= b.length) raise(indexErrorType, 'index out of bounds on dimension 1');
    return intFromNumber(b[k]!);
  });
  defMethod(t, 'tobytes', (a) => new PyBytes(Uint8Array.from(mv(a[0]!).bytes)));
  defMethod(t, 'tolist', (a) => new PyList(Array.from(mv(a[0]!).bytes, intFromNumber)));
  defMethod(t, 'release', () => None);
  defMethod(t, '__enter__', (a) => a[0]!);
  defMethod(t, '__exit__', () => None);
  defMethod(t, '__repr__', (a) => newStr(`<memory at 0x${objectId(a[0]!).toString(16).padStart(12, '0')}>`));
  defGetSet(t, 'obj', (o) => mv(o).obj);
  defGetSet(t, 'nbytes', (o) => intFromNumber(mv(o).bytes.length));
  defGetSet(t, 'readonly', (o) => pyBool(mv(o).obj instanceof PyBytes));
  defGetSet(t, 'itemsize', () => intFromNumber(1));
  defGetSet(t, 'ndim', () => intFromNumber(1));
  defGetSet(t, 'format', () => newStr('B'));
}
