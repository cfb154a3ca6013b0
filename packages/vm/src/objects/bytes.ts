// bytes and bytearray. CPython counterpart: Objects/bytesobject.c, Objects/bytearrayobject.c.
import { builtinType, PyObject, type PyType } from './object.js';

export const bytesType = builtinType('bytes');
export const byteArrayType = builtinType('bytearray');

export class PyBytes extends PyObject {
  readonly value: Uint8Array;
  constructor(value: Uint8Array, type: PyType = bytesType) {
    super(type);
    this.value = value;
  }
}

/** A bytearray: its bytes as a growable array of numbers. */
export class PyByteArray extends PyObject {
  data: number[];
  constructor(data: number[], type: PyType = byteArrayType) {
    super(type);
    this.data = data;
  }
  get value(): Uint8Array {
    return Uint8Array.from(this.data);
  }
}

/** The bytes of a bytes-like object (bytes, bytearray), or null. */
export function bytesLike(o: PyObject): Uint8Array | null {
  if (o instanceof PyBytes) return o.value;
  if (o instanceof PyByteArray) return o.value;
  return null;
}
