// _collections._tuplegetter: the read-only data descriptor behind each namedtuple field, used by the
// stand-in namedtuple and exported by _collections for Lib/collections/__init__.py.
// CPython counterpart: Modules/_collectionsmodule.c (tuplegetter).
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { newStr } from '../objects/str.js';
import { intFromNumber } from '../objects/int.js';
import { PyTuple } from '../objects/tuple.js';
import { defMethod } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { attributeErrorType, indexErrorType, typeErrorType } from '../objects/exception-types.js';
import { asJsIndex } from '../protocols/number.js';
import { repr } from '../protocols/repr.js';

export const tupleGetterType = builtinType('_tuplegetter', undefined, 0);
tupleGetterType.module = '_collections';

export class PyTupleGetter extends PyObject {
  constructor(
    readonly index: number,
    public doc: PyObject,
  ) {
    super(tupleGetterType);
  }
}

defMethod(tupleGetterType, '__new__', (a, kw) => {
  if (kw && kw.size > 0) raise(typeErrorType, '_tuplegetter() takes no keyword arguments');
  if (a.length !== 3) raise(typeErrorType, `_tuplegetter expected 2 arguments, got ${a.length - 1}`);
  return new PyTupleGetter(asJsIndex(a[1]!), a[2]!);
});
defMethod(tupleGetterType, '__get__', (a) => {
  const self = a[0] as PyTupleGetter;
  const obj = a[1]!;
  if (obj === None) return self;
  if (!(obj instanceof PyTuple)) raise(typeErrorType, `descriptor for index '${self.index}' for tuple subclasses doesn't apply to '${obj.type.name}' object`);
  if (self.index < 0 || self.index >= obj.items.length) raise(indexErrorType, 'tuple index out of range');
  return obj.items[self.index]!;
});
defMethod(tupleGetterType, '__set__', () => raise(attributeErrorType, "can't set attribute"));
defMethod(tupleGetterType, '__delete__', () => raise(attributeErrorType, "can't delete attribute"));
defMethod(tupleGetterType, '__repr__', (a) => {
  const self = a[0] as PyTupleGetter;
  return newStr(`_tuplegetter(${self.index}, ${repr(self.doc)})`);
});
defMethod(tupleGetterType, '__reduce__', (a) => {
  const self = a[0] as PyTupleGetter;
  return new PyTuple([tupleGetterType as PyType, new PyTuple([intFromNumber(self.index), self.doc])]);
});
// a writable member (T_OBJECT): dis.py sets the docs of its namedtuples' fields; deleting leaves None
defGetSet(
  tupleGetterType,
  '__doc__',
  (o) => (o as PyTupleGetter).doc,
  (o, v) => {
    (o as PyTupleGetter).doc = v ?? None;
  },
);
