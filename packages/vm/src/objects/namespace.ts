// types.SimpleNamespace (also the type of sys.implementation). CPython counterpart:
// Objects/namespaceobject.c.
import { raise } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, type PyType } from './object.js';
import { pyBool } from './int.js';
import { newStr, PyStr } from './str.js';
import { PyDict } from './dict.js';
import { defMethod } from './native.js';
import { typeErrorType } from './exception-types.js';
import { repr, withReprGuard } from '../protocols/repr.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';

export const simpleNamespaceType = builtinType('SimpleNamespace');
simpleNamespaceType.tpName = 'types.SimpleNamespace';
simpleNamespaceType.module = 'types';

export function initSimpleNamespace(): void {
  const t = simpleNamespaceType;
  defMethod(t, '__new__', (a) => {
    const o = new PyObject(a[0] as PyType);
    o.dict = new PyDict();
    return o;
  });
  defMethod(t, '__init__', (a, kw) => {
    if (a.length > 1) raise(typeErrorType, 'no positional arguments expected');
    const d = a[0]!.dict as PyDict;
    if (kw) for (const [k, v] of kw) d.setStr(k, v);
    return None;
  });
  defMethod(t, '__repr__', (a) => {
    const o = a[0]!;
    const name = o.type === simpleNamespaceType ? 'namespace' : o.type.name;
    return newStr(
      withReprGuard(o, `${name}(...)`, () => {
        const parts: string[] = [];
        for (const [k, v] of (o.dict as PyDict).entries()) if (k instanceof PyStr) parts.push(`${k.value}=${repr(v)}`);
        return `${name}(${parts.join(', ')})`;
      }),
    );
  });
  t.attrs.set('__hash__', None);
  defMethod(t, '__eq__', (a) => {
    const x = a[0]!;
    const y = a[1]!;
    if (!y.type.isSubtype(simpleNamespaceType)) return NotImplemented;
    return pyBool(richCompareBool(x.dict!, y.dict!, CMP_EQ));
  });
}

/** A namespace with `entries` as its attributes. */
export function newNamespace(entries: [string, PyObject][]): PyObject {
  const o = new PyObject(simpleNamespaceType);
  const d = new PyDict();
  for (const [k, v] of entries) d.setStr(k, v);
  o.dict = d;
  return o;
}
