// types.GenericAlias: what `list[int]` evaluates to. CPython counterpart: Objects/genericaliasobject.c
// (ga_repr, ga_call, ga_richcompare, ga_mro_entries, Py_GenericAlias).
import { raise } from '../errors.js';
import { Ellipsis, NotImplemented, PyObject, PyType, builtinType } from './object.js';
import { newStr } from './str.js';
import { PyTuple, newTuple } from './tuple.js';
import { pyBool } from './int.js';
import { PyBuiltin, defMethod } from './native.js';
import { PyClassMethod, defGetSet } from './descr.js';
import { typeErrorType } from './exception-types.js';
import { repr } from '../protocols/repr.js';
import { callObject } from '../protocols/call.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';

export const genericAliasType = builtinType('GenericAlias', undefined, 0);
genericAliasType.module = 'types';

export class PyGenericAlias extends PyObject {
  constructor(
    readonly origin: PyObject,
    readonly args: PyObject[],
  ) {
    super(genericAliasType);
  }
}

/** ga_repr_item */
function itemRepr(o: PyObject): string {
  if (o === Ellipsis) return '...';
  if (o instanceof PyGenericAlias) return aliasRepr(o);
  if (o instanceof PyType) return o.module === 'builtins' ? o.qualname : `${o.module}.${o.qualname}`;
  return repr(o);
}

function aliasRepr(g: PyGenericAlias): string {
  const args = g.args.length === 0 ? '()' : g.args.map(itemRepr).join(', ');
  return `${itemRepr(g.origin)}[${args}]`;
}

function alias(o: PyObject): PyGenericAlias {
  if (!(o instanceof PyGenericAlias)) raise(typeErrorType, `descriptor requires a 'types.GenericAlias' object but received a '${o.type.name}'`);
  return o;
}

/** Py_GenericAlias */
export function genericAlias(origin: PyObject, item: PyObject): PyGenericAlias {
  return new PyGenericAlias(origin, item instanceof PyTuple ? item.items : [item]);
}

/** Give a builtin type `__class_getitem__` = GenericAlias, as CPython's list, dict, … have. */
export function defClassGetItem(t: PyType): void {
  t.setAttr('__class_getitem__', new PyClassMethod(new PyBuiltin('__class_getitem__', (a) => genericAlias(a[0]!, a[1]!))));
}

export function initGenericAlias(): void {
  const t = genericAliasType;
  defMethod(t, '__repr__', (a) => newStr(aliasRepr(alias(a[0]!))));
  defMethod(t, '__call__', (a, kw) => callObject(alias(a[0]!).origin, a.slice(1), kw));
  defMethod(t, '__mro_entries__', (a) => newTuple([alias(a[0]!).origin]));
  defMethod(t, '__eq__', (a) => {
    const x = alias(a[0]!);
    const y = a[1]!;
    if (!(y instanceof PyGenericAlias)) return NotImplemented;
    if (x.args.length !== y.args.length || !richCompareBool(x.origin, y.origin, CMP_EQ)) return pyBool(false);
    return pyBool(x.args.every((v, i) => richCompareBool(v, y.args[i]!, CMP_EQ)));
  });
  defMethod(t, '__getitem__', (a) => raise(typeErrorType, `There are no type variables left in ${aliasRepr(alias(a[0]!))}`));
  defGetSet(t, '__origin__', (o) => alias(o).origin);
  defGetSet(t, '__args__', (o) => newTuple(alias(o).args));
  defGetSet(t, '__parameters__', () => newTuple([]));
}
