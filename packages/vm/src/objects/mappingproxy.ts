// mappingproxy: the read-only view a class's __dict__ gives. CPython counterpart:
// Objects/descrobject.c (mappingproxy). tspyc's proxy holds a snapshot of the type's attributes.
import { builtinType, PyObject } from './object.js';
import { newStr } from './str.js';
import { intFromNumber, pyBool } from './int.js';
import { PyDict } from './dict.js';
import { defMethod } from './native.js';
import { contains, getItem, keyError } from '../protocols/sequence.js';
import { raise } from '../errors.js';
import { PyList } from './list.js';
import { PyTuple } from './tuple.js';
import { typeErrorType } from './exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { repr, str } from '../protocols/repr.js';
import { richCompare, CMP_EQ } from '../protocols/compare.js';
import { binaryOp, NB_OR } from '../protocols/number.js';

export const mappingProxyType = builtinType('mappingproxy', undefined, 0);

export class PyMappingProxy extends PyObject {
  /** a dict (a class's namespace), or any mapping (types.MappingProxyType(m)) */
  readonly mapping: PyObject;
  constructor(mapping: PyObject) {
    super(mappingProxyType);
    this.mapping = mapping;
  }
}

export function initMappingProxy(): void {
  const t = mappingProxyType;
  const m = (o: PyObject) => (o as PyMappingProxy).mapping;
  // mappingproxy(mapping): a read-only view of any mapping (not of a list or tuple)
  defMethod(t, '__new__', (a, kw) => {
    const src = a[1] ?? kw?.get('mapping');
    if (src === undefined) raise(typeErrorType, "mappingproxy() missing required argument 'mapping' (pos 1)");
    if (src.type.lookup('__getitem__') === undefined || src instanceof PyList || src instanceof PyTuple) {
      raise(typeErrorType, `mappingproxy() argument must be a mapping, not ${src.type.name}`);
    }
    return new PyMappingProxy(src);
  });
  defMethod(t, '__getitem__', (a) => {
    const d = m(a[0]!);
    return d instanceof PyDict ? d.get(a[1]!) ?? keyError(a[1]!) : getItem(d, a[1]!);
  });
  defMethod(t, '__contains__', (a) => {
    const d = m(a[0]!);
    return pyBool(d instanceof PyDict ? d.find(a[1]!) >= 0 : contains(d, a[1]!));
  });
  defMethod(t, '__len__', (a) => {
    const d = m(a[0]!);
    return d instanceof PyDict ? intFromNumber(d.size) : callObject(getAttr(d, '__len__'), [], null);
  });
  defMethod(t, '__iter__', (a) => callObject(getAttr(m(a[0]!), '__iter__'), [], null));
  defMethod(t, 'get', (a) => callObject(getAttr(m(a[0]!), 'get'), a.slice(1), null));
  for (const name of ['keys', 'values', 'items', 'copy']) {
    defMethod(t, name, (a) => callObject(getAttr(m(a[0]!), name), [], null));
  }
  defMethod(t, '__repr__', (a) => newStr(`mappingproxy(${repr(m(a[0]!))})`));
  defMethod(t, '__eq__', (a) => richCompare(m(a[0]!), a[1] instanceof PyMappingProxy ? a[1].mapping : a[1]!, CMP_EQ));
  defMethod(t, '__or__', (a) => binaryOp(callObject(getAttr(m(a[0]!), 'copy'), [], null), a[1] instanceof PyMappingProxy ? a[1].mapping : a[1]!, NB_OR));
  defMethod(t, '__ror__', (a) => binaryOp(a[1]!, callObject(getAttr(m(a[0]!), 'copy'), [], null), NB_OR));
  defMethod(t, '__str__', (a) => newStr(str(m(a[0]!))));
}
