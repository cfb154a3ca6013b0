// list. CPython counterpart: Objects/listobject.c.
import { builtinType, TPFLAGS_BASETYPE, TPFLAGS_SEQUENCE, PyObject, type PyType } from './object.js';

export const listType = builtinType('list', undefined, TPFLAGS_BASETYPE | TPFLAGS_SEQUENCE);

export class PyList extends PyObject {
  items: PyObject[];
  constructor(items: PyObject[], type: PyType = listType) {
    super(type);
    this.items = items;
  }
}
