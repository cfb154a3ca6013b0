// types.GenericAlias: what `list[int]` evaluates to. CPython counterpart: Objects/genericaliasobject.c
// (ga_repr, ga_call, ga_richcompare, ga_mro_entries, Py_GenericAlias).
import { raise } from '../errors.js';
import { Ellipsis, None, NotImplemented, PyObject, PyType, builtinType } from './object.js';
import { newStr } from './str.js';
import { PyTuple, newTuple } from './tuple.js';
import { newInt, pyBool } from './int.js';
import { getAttrOpt } from '../protocols/getattr.js';
import { pyHash, tupleHash } from '../protocols/hash.js';
import { PyBuiltin, defMethod } from './native.js';
import { PyClassMethod, defGetSet } from './descr.js';
import { typeErrorType } from './exception-types.js';
import { repr } from '../protocols/repr.js';
import { callObject } from '../protocols/call.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';

export const genericAliasType = builtinType('GenericAlias');
genericAliasType.module = 'types';

export class PyGenericAlias extends PyObject {
  constructor(
    readonly origin: PyObject,
    readonly args: PyObject[],
    type: PyType = genericAliasType,
  ) {
    super(type);
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

/** _Py_make_parameters: the type variables among `args` (their own parameters for aliases), once each. */
function makeParameters(args: PyObject[]): PyObject[] {
  const out: PyObject[] = [];
  const add = (p: PyObject) => {
    if (!out.includes(p)) out.push(p);
  };
  for (const a of args) {
    if (a instanceof PyType) continue;
    if (getAttrOpt(a, '__typing_subst__') !== undefined) {
      add(a);
      continue;
    }
    const ps = getAttrOpt(a, '__parameters__');
    if (ps instanceof PyTuple) ps.items.forEach(add);
  }
  return out;
}

export function initGenericAlias(): void {
  const t = genericAliasType;
  // GenericAlias(origin, args), subclassed by _collections_abc._CallableGenericAlias
  defMethod(t, '__new__', (a, kw) => {
    if (kw && kw.size) raise(typeErrorType, 'GenericAlias() takes no keyword arguments');
    if (a.length !== 3) raise(typeErrorType, `GenericAlias expected 2 arguments, got ${a.length - 1}`);
    const args = a[2]!;
    return new PyGenericAlias(a[1]!, args instanceof PyTuple ? args.items : [args], a[0] as PyType);
  });
  defMethod(t, '__init__', () => None);
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
  defGetSet(t, '__parameters__', (o) => newTuple(makeParameters(alias(o).args)));
  defMethod(t, '__hash__', (a) => newInt(pyHash(alias(a[0]!).origin) ^ tupleHash(alias(a[0]!).args)));
}
