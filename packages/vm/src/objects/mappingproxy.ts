// mappingproxy: the read-only view a class's __dict__ gives. CPython counterpart:
// Objects/descrobject.c (mappingproxy). tspyc's proxy holds a snapshot of the type's attributes.
import { builtinType, None, PyObject } from './object.js';
import { newStr } from './str.js';
import { intFromNumber, pyBool } from './int.js';
import { PyDict } from './dict.js';
import { defMethod } from './native.js';
import { keyError } from '../protocols/sequence.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { repr, str } from '../protocols/repr.js';
import { raise } from '../errors.js';
import { typeErrorType } from './exception-types.js';
import { richCompare, CMP_EQ } from '../protocols/compare.js';
import { binaryOp, NB_OR } from '../protocols/number.js';

export const mappingProxyType = builtinType('mappingproxy', undefined, 0);

export class PyMappingProxy extends PyObject {
  readonly mapping: PyDict;
  constructor(mapping: PyDict) {
    super(mappingProxyType);
    this.mapping = mapping;
  }
}

export function initMappingProxy(): void {
  const t = mappingProxyType;
  const m = (o: PyObject) => (o as PyMappingProxy).mapping;
  defMethod(t, '__getitem__', (a) => m(a[0]!).get(a[1]!) ?? keyError(a[1]!));
  defMethod(t, '__contains__', (a) => pyBool(m(a[0]!).find(a[1]!) >= 0));
  defMethod(t, '__len__', (a) => intFromNumber(m(a[0]!).size));
  defMethod(t, '__iter__', (a) => callObject(getAttr(m(a[0]!), '__iter__'), [], null));
  defMethod(t, 'get', (a) => m(a[0]!).get(a[1]!) ?? a[2] ?? None);
  for (const name of ['keys', 'values', 'items', 'copy']) {
    defMethod(t, name, (a) => callObject(getAttr(m(a[0]!), name), [], null));
  }
  defMethod(t, '__repr__', (a) => newStr(`mappingproxy(${repr(m(a[0]!))})`));
  defMethod(t, '__new__', (a) => {
    const mapping = a[1];
    if (!(mapping instanceof PyDict)) {
      raise(typeErrorType, `mappingproxy() argument must be a mapping, not ${mapping?.type.name ?? 'NoneType'}`);
    }
    return new PyMappingProxy(mapping);
  });
  defMethod(t, '__eq__', (a) => richCompare(m(a[0]!), a[1] instanceof PyMappingProxy ? a[1].mapping : a[1]!, CMP_EQ));
  defMethod(t, '__or__', (a) => binaryOp(callObject(getAttr(m(a[0]!), 'copy'), [], null), a[1] instanceof PyMappingProxy ? a[1].mapping : a[1]!, NB_OR));
  defMethod(t, '__ror__', (a) => binaryOp(a[1]!, callObject(getAttr(m(a[0]!), 'copy'), [], null), NB_OR));
  defMethod(t, '__str__', (a) => newStr(str(m(a[0]!))));
}
