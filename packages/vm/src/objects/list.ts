// list. CPython counterpart: Objects/listobject.c.
import { builtinType, PyObject, type PyType } from './object.js';

export const listType = builtinType('list');

export class PyList extends PyObject {
  items: PyObject[];
  constructor(items: PyObject[], type: PyType = listType) {
    super(type);
    this.items = items;
  }
}
