// Iterator objects of the builtin containers and of the builtin iterator types.
// CPython counterpart: Objects/listobject.c (listiterator), Objects/rangeobject.c (rangeiterator),
// Objects/iterobject.c (seqiterator, calliterator), Python/bltinmodule.c (map, filter, zip),
// Objects/enumobject.c (enumerate, reversed).
import { builtinType, PyObject, type PyType } from './object.js';

export const listIteratorType = builtinType('list_iterator', undefined, 0);
export const tupleIteratorType = builtinType('tuple_iterator', undefined, 0);
export const rangeIteratorType = builtinType('range_iterator', undefined, 0);
export const longRangeIteratorType = builtinType('longrange_iterator', undefined, 0);
export const strIteratorType = builtinType('str_ascii_iterator', undefined, 0);
export const dictKeyIteratorType = builtinType('dict_keyiterator', undefined, 0);
export const dictValueIteratorType = builtinType('dict_valueiterator', undefined, 0);
export const dictItemIteratorType = builtinType('dict_itemiterator', undefined, 0);
export const setIteratorType = builtinType('set_iterator', undefined, 0);
export const seqIteratorType = builtinType('iterator', undefined, 0);
export const callableIteratorType = builtinType('callable_iterator', undefined, 0);
export const enumerateType = builtinType('enumerate');
export const zipType = builtinType('zip');
export const mapType = builtinType('map');
export const filterType = builtinType('filter');
export const reversedType = builtinType('reversed');
export const listReverseIteratorType = builtinType('list_reverseiterator', undefined, 0);

/** Iterator over a list's or tuple's items array (the list may grow while iterated). */
export class PyArrayIter extends PyObject {
  readonly owner: { items: PyObject[] };
  index: number;
  constructor(owner: { items: PyObject[] }, type: PyType) {
    super(type);
    this.owner = owner;
    this.index = 0;
  }
}

/** range_iterator over JS numbers (ranges within ±2**53). */
export class PyRangeIter extends PyObject {
  next: number;
  readonly step: number;
  remaining: number;
  constructor(start: number, step: number, length: number) {
    super(rangeIteratorType);
    this.next = start;
    this.step = step;
    this.remaining = length;
  }
}

// Give the number fields their general (double) representation now: the first range beyond 2**31
// would otherwise change it mid-run, and every optimized function using them (the eval loop among
// them) would be thrown away and compiled again.
new PyRangeIter(0.5, 0.5, 0.5);

/** Any other native iterator: `step` gives the next item or null when exhausted. */
export class PyNativeIter extends PyObject {
  step: () => PyObject | null;
  /** __length_hint__'s answer, for the iterators that have one. */
  hint: (() => number) | undefined;
  constructor(type: PyType, step: () => PyObject | null, hint?: () => number) {
    super(type);
    this.step = step;
    this.hint = hint;
  }
}
