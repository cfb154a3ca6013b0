// tuple. CPython counterpart: Objects/tupleobject.c.
import { builtinType, TPFLAGS_BASETYPE, TPFLAGS_SEQUENCE, PyObject, type PyType } from './object.js';

export const tupleType = builtinType('tuple', undefined, TPFLAGS_BASETYPE | TPFLAGS_SEQUENCE);

export class PyTuple extends PyObject {
  readonly items: PyObject[];
  constructor(items: PyObject[], type: PyType = tupleType) {
    super(type);
    this.items = items;
  }
}

export const EMPTY_TUPLE = new PyTuple([]);

export function newTuple(items: PyObject[]): PyTuple {
  return items.length === 0 ? EMPTY_TUPLE : new PyTuple(items);
}
