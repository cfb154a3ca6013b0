// set and frozenset. CPython counterpart: Objects/setobject.c.
// The elements live in a PyDict (values unused); iteration order is CPython's table order,
// computed by set-order.ts when the set is iterated.
import { builtinType, None, PyObject, type PyType } from './object.js';
import { PyDict } from './dict.js';

export const setType = builtinType('set');
export const frozenSetType = builtinType('frozenset');

export class PySet extends PyObject {
  readonly table: PyDict;
  constructor(type: PyType = setType) {
    super(type);
    this.table = new PyDict();
  }
  add(item: PyObject): void {
    this.table.set(item, None);
  }
  has(item: PyObject): boolean {
    return this.table.find(item) >= 0;
  }
  get size(): number {
    return this.table.size;
  }
  /** Elements in insertion order. */
  items(): PyObject[] {
    return this.table.keyList();
  }
}

export function newSet(items: PyObject[], type: PyType = setType): PySet {
  const s = new PySet(type);
  for (const it of items) s.add(it);
  return s;
}

export function newFrozenSet(items: PyObject[]): PySet {
  return newSet(items, frozenSetType);
}
