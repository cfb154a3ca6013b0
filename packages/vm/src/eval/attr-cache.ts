// Inline caches of LOAD_ATTR, LOAD_METHOD and STORE_ATTR: per instruction, what the generic
// attribute protocol found on the receiver's type, valid while the type is the same and no type
// anywhere has changed (the global type version). CPython counterpart: Python/specialize.c
// (LOAD_ATTR_INSTANCE_VALUE, LOAD_METHOD_WITH_VALUES, STORE_ATTR_INSTANCE_VALUE) with its type
// version tags. Anything unusual (descriptors with __get__/__set__, __getattr__, __getattribute__
// or __setattr__ overrides, classes, modules, super) is never cached and takes the full protocol.
import { PyObject, PyType, currentTypeVersion, objectType } from '../objects/object.js';
import { PyDict } from '../objects/dict.js';
import { PyFunction, PyMethod } from '../objects/function.js';
import { PyBuiltin } from '../objects/native.js';
import { PyModule } from '../objects/module.js';
import { PySuper } from '../objects/super.js';
import { PyClassMethod, PyGetSet, PyMemberDescr, PyProperty, PyStaticMethod } from '../objects/descr.js';
import { getAttr, setAttr } from '../protocols/getattr.js';
import { usesGenericGetAttr } from './ops.js';
import type { Code } from './code.js';

/** the attribute is only ever in the instance __dict__ (nothing on the type) */
const K_DICT = 1;
/** a Python function on the type, shadowed only by the instance __dict__ */
const K_FUNCTION = 2;
/** a builtin method on the type (bound by LOAD_ATTR, pushed unbound by LOAD_METHOD) */
const K_BUILTIN = 3;
/** a plain class attribute without __get__ (constants), shadowed by the instance __dict__ */
const K_VALUE = 4;

export class AttrEntry {
  type: PyType | null = null;
  version = -1;
  kind = 0;
  descr: PyObject | null = null;
  /** the next entry of a polymorphic site (up to WAYS receiver types per instruction) */
  next: AttrEntry | null = null;
}

const WAYS = 4;

/** The entry of instruction `instr` for the receiver's type `t`, or null when it must be filled. */
function probe(code: Code, instr: number, t: PyType): AttrEntry | null {
  const caches = code.attrCaches;
  if (caches === null) return null;
  const version = currentTypeVersion();
  for (let e: AttrEntry | null = caches[instr] ?? null; e !== null; e = e.next) {
    if (e.type === t) return e.version === version ? e : null;
  }
  return null;
}

/** An entry to (re)fill for type `t`: its old one, a new way, or the least recently added. */
function claim(code: Code, instr: number, t: PyType): AttrEntry {
  let caches = code.attrCaches;
  if (caches === null) {
    caches = new Array<AttrEntry | undefined>(code.bytes.length >> 1).fill(undefined);
    code.attrCaches = caches;
  }
  const first = caches[instr];
  let n = 0;
  let last: AttrEntry | null = null;
  for (let e: AttrEntry | null = first ?? null; e !== null; e = e.next) {
    if (e.type === t) return e;
    n++;
    last = e;
  }
  if (n >= WAYS) {
    // recycle the oldest way (the last of the chain) as the new first
    let prev = first!;
    while (prev.next !== last) prev = prev.next!;
    prev.next = null;
    last!.next = first!;
    caches[instr] = last!;
    return last!;
  }
  const e = new AttrEntry();
  e.next = first ?? null;
  caches[instr] = e;
  return e;
}

/** Whether reading attributes of instances of `t` is PyObject_GenericGetAttr with no __getattr__. */
function genericReads(obj: PyObject, t: PyType): boolean {
  if (obj instanceof PyType || obj instanceof PyModule || obj instanceof PySuper) return false;
  if (t.solid === t) return true;
  return usesGenericGetAttr(t) && t.lookup('__getattr__') === undefined;
}

/** The cache kind for a type attribute `d` read through an instance, or 0 when it is not cacheable. */
function readKind(d: PyObject | undefined): number {
  if (d === undefined) return K_DICT;
  if (d instanceof PyFunction) return K_FUNCTION;
  if (d instanceof PyBuiltin) return d.owner !== null ? K_BUILTIN : K_VALUE;
  if (d instanceof PyProperty || d instanceof PyGetSet || d instanceof PyMemberDescr || d instanceof PyClassMethod || d instanceof PyStaticMethod) return 0;
  const t = d.type;
  // values of exact builtin types (int, str, tuple, None …) have no __get__
  if (t.solid === t && t !== objectType && t.lookup('__get__') === undefined && t.lookup('__set__') === undefined && t.lookup('__delete__') === undefined) return K_VALUE;
  return 0;
}

function fill(code: Code, instr: number, obj: PyObject, name: string): AttrEntry {
  const t = obj.type;
  const e = claim(code, instr, t);
  e.type = t;
  e.version = currentTypeVersion();
  if (!genericReads(obj, t)) {
    e.kind = 0;
    return e;
  }
  const d = t.lookup(name);
  e.kind = readKind(d);
  e.descr = d ?? null;
  return e;
}

/** LOAD_ATTR: obj.name. */
export function loadAttr(code: Code, instr: number, obj: PyObject, name: string): PyObject {
  const e = probe(code, instr, obj.type) ?? fill(code, instr, obj, name);
  const kind = e.kind;
  if (kind === 0) {
    // modules are never cached (kind 0): their dict first
    if (obj instanceof PyModule) {
      const v = obj.dict.getStr(name);
      if (v !== undefined) return v;
    }
    return getAttr(obj, name);
  }
  const dict = obj.dict as PyDict | null;
  if (dict !== null) {
    const v = dict.getStr(name);
    if (v !== undefined) return v;
  }
  switch (kind) {
    case K_FUNCTION:
      return new PyMethod(e.descr!, obj);
    case K_VALUE:
      return e.descr!;
    default:
      // absent (AttributeError) or a builtin method to bind: the full protocol
      return getAttr(obj, name);
  }
}

/** LOAD_METHOD's unbound form: the function to call with obj first, or null (then use getAttr). */
export function loadMethod(code: Code, instr: number, obj: PyObject, name: string): PyObject | null {
  const e = probe(code, instr, obj.type) ?? fill(code, instr, obj, name);
  const kind = e.kind;
  if (kind !== K_FUNCTION && kind !== K_BUILTIN) return null;
  const dict = obj.dict as PyDict | null;
  if (dict !== null && dict.getStr(name) !== undefined) return null;
  return e.descr;
}

/** Whether storing `name` on instances of `t` goes straight to the instance __dict__. */
function storesToDict(obj: PyObject, t: PyType, name: string): boolean {
  if (t.solid === t || obj instanceof PyType) return false;
  const sa = t.lookup('__setattr__');
  if (!(sa instanceof PyBuiltin && sa.owner === objectType)) return false;
  const d = t.lookup(name);
  if (d === undefined || d instanceof PyFunction || d instanceof PyBuiltin) return true;
  if (d instanceof PyProperty || d instanceof PyGetSet || d instanceof PyMemberDescr) return false;
  const dt = d.type;
  return dt.solid === dt && dt !== objectType && dt.lookup('__set__') === undefined && dt.lookup('__delete__') === undefined;
}

/** STORE_ATTR: obj.name = v. */
export function storeAttr(code: Code, instr: number, obj: PyObject, oparg: number, v: PyObject): void {
  const name = code.names[oparg]!;
  const t = obj.type;
  let e = probe(code, instr, t);
  if (e === null) {
    e = claim(code, instr, t);
    e.type = t;
    e.version = currentTypeVersion();
    e.kind = storesToDict(obj, t, name) ? K_DICT : 0;
  }
  const dict = obj.dict as PyDict | null;
  // the new key is the code's interned name, as CPython's instance dicts share their keys
  if (e.kind === K_DICT && dict !== null) dict.setStr(name, v, code.nameObjs[oparg]);
  else setAttr(obj, name, v);
}
