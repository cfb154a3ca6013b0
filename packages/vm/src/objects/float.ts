// float: an IEEE double. CPython counterpart: Objects/floatobject.c (data; methods in float-methods).
import { builtinType, PyObject, type PyType } from './object.js';

export const floatType = builtinType('float');

export class PyFloat extends PyObject {
  readonly value: number;
  constructor(value: number, type: PyType = floatType) {
    super(type);
    this.value = value;
  }
}

export function newFloat(v: number): PyFloat {
  return new PyFloat(v);
}
