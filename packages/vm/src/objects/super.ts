// super. CPython counterpart: Objects/typeobject.c (super_init, super_init_without_args,
// super_getattro).
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from './object.js';
import { newStr, PyStr } from './str.js';
import { PyCell } from './function.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import { attributeErrorType, runtimeErrorType, typeErrorType } from './exception-types.js';
import { descrGet, genericGetAttr } from '../protocols/getattr.js';
import { ts } from '../eval/state.js';
import { CO_FAST_CELL, CO_FAST_FREE } from '@tspyc/bytecode';

export const superType = builtinType('super');

export class PySuper extends PyObject {
  thisType: PyType | null;
  obj: PyObject | null;
  objType: PyType | null;
  constructor(type: PyType = superType) {
    super(type);
    this.thisType = null;
    this.obj = null;
    this.objType = null;
  }
}

function superCheck(type: PyType, obj: PyObject): PyType {
  if (obj instanceof PyType && obj.isSubtype(type)) return obj;
  if (obj.type.isSubtype(type)) return obj.type;
  raise(typeErrorType, 'super(type, obj): obj must be an instance or subtype of type');
}

function superInitWithoutArgs(s: PySuper): void {
  const f = ts.frame;
  if (f === null) raise(runtimeErrorType, 'super(): no current frame');
  const co = f.code;
  if (co.argcount === 0) raise(runtimeErrorType, 'super(): no arguments');
  let first = f.fast[0] ?? null;
  if (first instanceof PyCell && co.localsplusKinds[0]! & CO_FAST_CELL) first = first.ref;
  if (first === null) raise(runtimeErrorType, 'super(): arg[0] deleted');
  let cls: PyObject | null = null;
  let found = false;
  for (let i = 0; i < co.nlocalsplus; i++) {
    if (co.localsplusNames[i] === '__class__' && co.localsplusKinds[i]! & CO_FAST_FREE) {
      found = true;
      cls = (f.fast[i] as PyCell).ref;
      break;
    }
  }
  if (!found) raise(runtimeErrorType, 'super(): __class__ cell not found');
  if (cls === null) raise(runtimeErrorType, 'super(): empty __class__ cell');
  if (!(cls instanceof PyType)) raise(runtimeErrorType, `super(): __class__ is not a type (${cls.type.name})`);
  s.thisType = cls;
  s.obj = first;
  s.objType = superCheck(cls, first);
}

export function superGetAttr(s: PySuper, name: string): PyObject {
  const start = s.thisType;
  const objType = s.objType;
  if (start !== null && objType !== null && name !== '__class__') {
    const mro = objType.mro;
    let i = mro.indexOf(start) + 1;
    for (; i > 0 && i < mro.length; i++) {
      const d = mro[i]!.attrs.get(name);
      if (d !== undefined) return descrGet(d, s.obj === objType ? null : s.obj, objType);
    }
  }
  const r = genericGetAttr(s, name, true);
  if (r !== undefined) return r;
  raise(attributeErrorType, `'super' object has no attribute '${name}'`);
}

export function initSuper(): void {
  const t = superType;
  defMethod(t, '__new__', (a) => new PySuper(a[0] as PyType));
  defMethod(t, '__init__', (a) => {
    const s = a[0] as PySuper;
    if (a.length === 1) superInitWithoutArgs(s);
    else {
      const type = a[1]!;
      if (!(type instanceof PyType)) raise(typeErrorType, `super() argument 1 must be a type, not ${type.type.name}`);
      s.thisType = type;
      if (a.length > 2 && a[2] !== None) {
        s.obj = a[2]!;
        s.objType = superCheck(type, a[2]!);
      }
    }
    return None;
  });
  defMethod(t, '__getattribute__', (a) => superGetAttr(a[0] as PySuper, (a[1] as PyStr).value));
  defGetSet(t, '__thisclass__', (o) => (o as PySuper).thisType ?? None);
  defGetSet(t, '__self__', (o) => (o as PySuper).obj ?? None);
  defGetSet(t, '__self_class__', (o) => (o as PySuper).objType ?? None);
  defMethod(t, '__get__', (a) => {
    // an unbound super bound by attribute access: super(B).__get__(obj)
    const s = a[0] as PySuper;
    const obj = a[1] ?? None;
    if (obj === None || s.obj !== null) return s;
    const bound = new PySuper(s.type);
    bound.thisType = s.thisType;
    bound.obj = obj;
    bound.objType = superCheck(s.thisType!, obj);
    return bound;
  });
  defMethod(t, '__repr__', (a) => {
    const s = a[0] as PySuper;
    const tn = s.thisType ? s.thisType.name : 'NULL';
    if (s.objType) return newStr(`<super: <class '${tn}'>, <${s.objType.name} object>>`);
    return newStr(`<super: <class '${tn}'>, NULL>`);
  });
}
