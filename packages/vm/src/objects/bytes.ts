// bytes. CPython counterpart: Objects/bytesobject.c.
import { builtinType, PyObject, type PyType } from './object.js';

export const bytesType = builtinType('bytes');

export class PyBytes extends PyObject {
  readonly value: Uint8Array;
  constructor(value: Uint8Array, type: PyType = bytesType) {
    super(type);
    this.value = value;
  }
}
