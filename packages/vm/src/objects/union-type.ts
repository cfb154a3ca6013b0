// types.UnionType: what `int | str` evaluates to. CPython counterpart: Objects/unionobject.c
// (_Py_union_type_or, union_repr, union_richcompare, dedup_and_flatten_args).
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject, PyType, builtinType, noneType, typeType } from './object.js';
import { newStr } from './str.js';
import { newTuple } from './tuple.js';
import { newInt, pyBool } from './int.js';
import { newFrozenSet } from './set.js';
import { pyHash } from '../protocols/hash.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import { PyGenericAlias, genericAliasType } from './generic-alias.js';
import { typeErrorType } from './exception-types.js';
import { repr } from '../protocols/repr.js';

export const unionType = builtinType('UnionType', undefined, 0);
unionType.module = 'types';

export class PyUnion extends PyObject {
  constructor(readonly args: PyObject[]) {
    super(unionType);
  }
}

/** is_unionable: None, a type, a GenericAlias or a union. */
function unionable(o: PyObject): boolean {
  return o === None || o instanceof PyType || o instanceof PyGenericAlias || o instanceof PyUnion;
}

/** _Py_union_type_or: flatten nested unions, None as NoneType, drop duplicates. */
export function unionOr(a: PyObject, b: PyObject): PyObject {
  if (!unionable(a) || !unionable(b)) return NotImplemented;
  const out: PyObject[] = [];
  for (const x of [a, b]) {
    for (let y of x instanceof PyUnion ? x.args : [x]) {
      if (y === None) y = noneType;
      if (!out.includes(y)) out.push(y);
    }
  }
  return out.length === 1 ? out[0]! : new PyUnion(out);
}

function itemRepr(o: PyObject): string {
  if (o === noneType) return 'None';
  if (o instanceof PyType) return o.module === 'builtins' ? o.qualname : `${o.module}.${o.qualname}`;
  return repr(o);
}

/** isinstance/issubclass against a union: the members in order, a parameterized generic refused
 * only when reached. */
export function unionAny(u: PyUnion, fn: string, test: (t: PyObject) => boolean): boolean {
  for (const a of u.args) {
    if (a instanceof PyGenericAlias) raise(typeErrorType, `${fn}() argument 2 cannot be a parameterized generic`);
    if (test(a)) return true;
  }
  return false;
}

export function initUnionType(): void {
  const t = unionType;
  defMethod(t, '__repr__', (a) => newStr((a[0] as PyUnion).args.map(itemRepr).join(' | ')));
  defMethod(t, '__or__', (a) => unionOr(a[0]!, a[1]!));
  defMethod(t, '__ror__', (a) => unionOr(a[1]!, a[0]!));
  defMethod(t, '__eq__', (a) => {
    const x = a[0] as PyUnion;
    const y = a[1]!;
    if (!(y instanceof PyUnion)) return NotImplemented;
    return pyBool(x.args.length === y.args.length && x.args.every((v) => y.args.includes(v)));
  });
  defMethod(t, '__hash__', (a) => newInt(pyHash(newFrozenSet((a[0] as PyUnion).args))));
  defGetSet(t, '__args__', (o) => newTuple((o as PyUnion).args));
  defGetSet(t, '__parameters__', () => newTuple([]));
  for (const owner of [typeType, genericAliasType]) {
    defMethod(owner, '__or__', (a) => unionOr(a[0]!, a[1]!));
    defMethod(owner, '__ror__', (a) => unionOr(a[1]!, a[0]!));
  }
}
