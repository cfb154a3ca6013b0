// The _weakref module: ref (subclassable: weakref.KeyedRef, WeakMethod), proxy, and the counts.
// CPython counterpart: Modules/_weakref.c, Objects/weakrefobject.c.
// The VM has no reference counting and JS collection is not observable, so a referent never
// dies here: a ref keeps it (as it stays alive in a CPython program that holds it elsewhere) and
// callbacks never run. What programs print about live objects is CPython's.
import { raise } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType } from '../objects/object.js';
import { intFromNumber, newInt, pyBool } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { typeErrorType } from '../objects/exception-types.js';
import { pyHash, objectId } from '../protocols/hash.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';
import { callObject } from '../protocols/call.js';
import { getAttr, setAttr } from '../protocols/getattr.js';
import { str } from '../protocols/repr.js';
import type { PyDict } from '../objects/dict.js';
import { defClassGetItem } from '../objects/generic-alias.js';

/** A type of the weakref module (its repr says weakref.NAME, as CPython's). */
function weakrefModuleType(name: string, flags?: number): PyType {
  const t = builtinType(name, undefined, flags);
  t.module = 'weakref';
  return t;
}
export const refType = weakrefModuleType('ReferenceType');
export const proxyType = weakrefModuleType('ProxyType', 0);
export const callableProxyType = weakrefModuleType('CallableProxyType', 0);

export class PyWeakRef extends PyObject {
  referent: PyObject;
  callback: PyObject;
  hash: bigint | null = null;
  constructor(type: PyType, referent: PyObject, callback: PyObject) {
    super(type);
    this.referent = referent;
    this.callback = callback;
  }
}

/** every ref and proxy to an object, oldest first (getweakrefs) */
const refsTo = new WeakMap<PyObject, PyWeakRef[]>();

/** Types whose instances take no weak references, as CPython's (no tp_weaklistoffset). */
const NO_WEAKREFS = new Set(['int', 'bool', 'str', 'bytes', 'tuple', 'list', 'dict', 'NoneType', 'float', 'complex', 'bytearray']);

function checkReferent(o: PyObject): void {
  if (o.type.solid === null || o.type.solid === o.type) {
    if (NO_WEAKREFS.has(o.type.name) && (o.type.flags & 512) === 0) raise(typeErrorType, `cannot create weak reference to '${o.type.name}' object`);
  }
}

export function newRef(type: PyType, referent: PyObject, callback: PyObject): PyWeakRef {
  checkReferent(referent);
  const list = refsTo.get(referent) ?? [];
  // ref(o) without a callback is one shared object, as CPython's
  if (type === refType && callback === None) {
    const basic = list.find((r) => r.type === refType && r.callback === None);
    if (basic) return basic;
  }
  const r = new PyWeakRef(type, referent, callback);
  list.push(r);
  refsTo.set(referent, list);
  return r;
}

function addr(o: PyObject): string {
  return `0x${objectId(o).toString(16).padStart(12, '0')}`;
}

export function initWeakref(): void {
  const self = (o: PyObject) => o as PyWeakRef;
  defMethod(refType, '__new__', (a) => {
    if (a.length < 2) raise(typeErrorType, `__new__ expected at least 1 argument, got 0`);
    return newRef(a[0] as PyType, a[1]!, a[2] ?? None);
  });
  defMethod(refType, '__init__', () => None);
  defMethod(refType, '__call__', (a) => self(a[0]!).referent);
  defGetSet(refType, '__callback__', (o) => self(o).callback);
  defMethod(refType, '__hash__', (a) => {
    const r = self(a[0]!);
    r.hash ??= pyHash(r.referent);
    return newInt(r.hash);
  });
  const eq = (a: PyObject[], want: boolean) => {
    const other = a[1]!;
    if (!(other instanceof PyWeakRef)) return NotImplemented;
    return pyBool(richCompareBool(self(a[0]!).referent, other.referent, CMP_EQ) === want);
  };
  defMethod(refType, '__eq__', (a) => eq(a, true));
  defMethod(refType, '__ne__', (a) => eq(a, false));
  defMethod(refType, '__repr__', (a) => {
    const r = self(a[0]!);
    const o = r.referent;
    let name = '';
    try {
      const n = getAttr(o, '__name__');
      name = ` (${str(n)})`;
    } catch {
      /* no __name__ */
    }
    return newStr(`<weakref at ${addr(r)}; to '${o.type.qualname}' at ${addr(o)}${name}>`);
  });
  defClassGetItem(refType);

  for (const t of [proxyType, callableProxyType]) {
    const target = (o: PyObject) => self(o).referent;
    defMethod(t, '__getattribute__', (a) => getAttr(target(a[0]!), str(a[1]!)));
    defMethod(t, '__setattr__', (a) => {
      setAttr(target(a[0]!), str(a[1]!), a[2]!);
      return None;
    });
    defMethod(t, '__delattr__', (a) => {
      setAttr(target(a[0]!), str(a[1]!), null);
      return None;
    });
    defMethod(t, '__repr__', (a) => newStr(`<weakproxy at ${addr(a[0]!)}; to '${target(a[0]!).type.qualname}' at ${addr(target(a[0]!))}>`));
    defMethod(t, '__str__', (a) => newStr(str(target(a[0]!))));
    defMethod(t, '__hash__', () => raise(typeErrorType, `unhashable type: '${t.name}'`));
    defMethod(t, '__eq__', (a) => pyBool(richCompareBool(target(a[0]!), a[1] instanceof PyWeakRef ? a[1].referent : a[1]!, CMP_EQ)));
  }
  defMethod(callableProxyType, '__call__', (a, kw) => callObject(self(a[0]!).referent, a.slice(1), kw));
}

export function makeWeakref(): PyModule {
  const m = new PyModule('_weakref');
  const d = m.dict;
  d.setStr('ref', refType);
  d.setStr('ReferenceType', refType);
  d.setStr('ProxyType', proxyType);
  d.setStr('CallableProxyType', callableProxyType);
  d.setStr(
    'getweakrefcount',
    builtinFunction('getweakrefcount', (a) => intFromNumber(refsTo.get(a[0]!)?.length ?? 0)),
  );
  d.setStr(
    'getweakrefs',
    builtinFunction('getweakrefs', (a) => new PyList([...(refsTo.get(a[0]!) ?? [])])),
  );
  d.setStr(
    'proxy',
    builtinFunction('proxy', (a) => {
      const o = a[0]!;
      checkReferent(o);
      const callable = o.type.lookup('__call__') !== undefined;
      const p = new PyWeakRef(callable ? callableProxyType : proxyType, o, a[1] ?? None);
      refsTo.set(o, [...(refsTo.get(o) ?? []), p]);
      return p;
    }),
  );
  // _remove_dead_weakref(dict, key): delete dict[key] if its value is a dead ref (never here)
  d.setStr('_remove_dead_weakref', builtinFunction('_remove_dead_weakref', (a) => {
    void (a[0] as PyDict);
    return None;
  }));
  return m;
}
