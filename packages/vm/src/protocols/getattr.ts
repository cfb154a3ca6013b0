// Attribute access. CPython counterpart: Objects/object.c (PyObject_GetAttr,
// PyObject_GenericGetAttr, PyObject_GenericSetAttr), Objects/typeobject.c (type_getattro,
// _PyObject_LookupSpecial).
import { raise, raiseAttributeError } from '../errors.js';
import { None, PyObject, PyType, TPFLAGS_HEAPTYPE, objectType, typeType } from '../objects/object.js';
import { PyFunction, PyMethod, methodType } from '../objects/function.js';
import { PyBuiltin, builtinFunctionType } from '../objects/native.js';
import { PyClassMethod, PyGetSet, PyMemberDescr, PyProperty, PyStaticMethod } from '../objects/descr.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { internStr, PyStr } from '../objects/str.js';
import { attributeErrorType, PyBaseException, typeErrorType } from '../objects/exception-types.js';
import { PyError } from '../errors.js';
import { callObject } from './call.js';
import { isTrue } from './truth.js';
import { PySuper, superGetAttr, superType } from '../objects/super.js';

/** Whether `d` (an attribute found on a type) is a data descriptor (has __set__ or __delete__). */
function isDataDescriptor(d: PyObject): boolean {
  if (d instanceof PyProperty || d instanceof PyGetSet || d instanceof PyMemberDescr) return true;
  if (d instanceof PyFunction || d instanceof PyBuiltin) return false;
  const t = d.type;
  if (t.solid === t && t !== objectType) return false; // builtin non-descriptor values (int, str, ...)
  return t.lookup('__set__') !== undefined || t.lookup('__delete__') !== undefined;
}

/** A builtin method bound to `self`: a method object typed builtin_function_or_method, as CPython's is. */
function boundBuiltin(f: PyBuiltin, self: PyObject): PyMethod {
  const m = new PyMethod(f, self);
  m.type = builtinFunctionType;
  return m;
}

/** descr.__get__(obj, owner) for any descriptor; `obj` null means access through the class. */
export function descrGet(d: PyObject, obj: PyObject | null, owner: PyType): PyObject {
  if (d instanceof PyFunction) return obj === null ? d : new PyMethod(d, obj);
  if (d instanceof PyBuiltin) return obj === null || d.owner === null ? d : boundBuiltin(d, obj);
  if (d instanceof PyClassMethod) {
    const f = d.func;
    if (f instanceof PyBuiltin) return boundBuiltin(f, owner);
    if (f instanceof PyFunction) return new PyMethod(f, owner);
    // cm_descr_get (3.9–3.12): a wrapped descriptor is asked for its value on the class
    if (hasGet(f)) return descrGet(f, owner, owner.type);
    return new PyMethod(f, owner);
  }
  if (d instanceof PyStaticMethod) return d.func;
  if (d instanceof PyProperty) {
    if (obj === null) return d;
    if (d.fget === null) {
      raise(attributeErrorType, d.name ? `property '${d.name}' of '${owner.name}' object has no getter` : `property of '${owner.name}' object has no getter`);
    }
    return callObject(d.fget, [obj], null);
  }
  if (d instanceof PyGetSet) return obj === null ? d : d.get(obj);
  if (d instanceof PyMemberDescr) {
    if (obj === null) return d;
    const v = d.values.get(obj);
    if (v === undefined) raiseAttributeError(attributeErrorType, `'${obj.type.tpName ?? obj.type.name}' object has no attribute '${d.name}'`, d.name, obj);
    return v;
  }
  const t = d.type;
  const get = t.lookup('__get__');
  if (get === undefined) return d;
  return callObject(get, [d, obj ?? None, owner], null);
}

function hasGet(d: PyObject): boolean {
  if (d instanceof PyFunction || d instanceof PyBuiltin || d instanceof PyClassMethod || d instanceof PyStaticMethod) return true;
  if (d instanceof PyProperty || d instanceof PyGetSet || d instanceof PyMemberDescr) return true;
  return d.type.lookup('__get__') !== undefined;
}

/** PyObject_GenericGetAttr; returns undefined instead of raising when `soft`. */
export function genericGetAttr(obj: PyObject, name: string, soft = false): PyObject | undefined {
  const t = obj.type;
  const d = t.lookup(name);
  if (d !== undefined && isDataDescriptor(d)) return soft ? softDescrGet(d, obj, t) : descrGet(d, obj, t);
  const dict = obj.dict;
  if (dict !== null) {
    const v = (dict as PyDict).getStr(name);
    if (v !== undefined) return v;
  }
  if (d !== undefined) return hasGet(d) ? (soft ? softDescrGet(d, obj, t) : descrGet(d, obj, t)) : d;
  if (soft) return undefined;
  raiseAttributeError(attributeErrorType, `'${t.tpName ?? t.name}' object has no attribute '${name}'`, name, obj);
}

/** A descriptor's value for getattr with a default: its AttributeError means "absent". */
function softDescrGet(d: PyObject, obj: PyObject | null, t: PyType): PyObject | undefined {
  try {
    return descrGet(d, obj, t);
  } catch (e) {
    if (e instanceof PyError && e.exc.type.isSubtype(attributeErrorType)) return undefined;
    throw e;
  }
}

/** type_getattro: attributes of a class object. */
function typeGetAttr(cls: PyType, name: string, soft: boolean): PyObject | undefined {
  const meta = cls.type;
  const metaAttr = meta.lookup(name);
  // (getattr with a default: a descriptor's AttributeError means absent, as in genericGetAttr)
  const get = soft ? softDescrGet : descrGet;
  if (metaAttr !== undefined && isDataDescriptor(metaAttr)) return get(metaAttr, cls, meta);
  const attr = cls.lookup(name);
  if (attr !== undefined) return hasGet(attr) ? get(attr, null, cls) : attr;
  if (metaAttr !== undefined) return hasGet(metaAttr) ? get(metaAttr, cls, meta) : metaAttr;
  if (soft) return undefined;
  raiseAttributeError(attributeErrorType, `type object '${cls.name}' has no attribute '${name}'`, name, cls);
}

/** module_getattro: the module's dict and type, then its own __getattr__ (PEP 562), then the error. */
function moduleGetAttr(m: PyModule, name: string, soft: boolean): PyObject | undefined {
  const v = m.dict.getStr(name);
  if (v !== undefined) return v;
  const r = genericGetAttr(m, name, true);
  if (r !== undefined) return r;
  const hook = m.dict.getStr('__getattr__');
  if (hook !== undefined) {
    if (!soft) return callObject(hook, [internStr(name)], null);
    try {
      return callObject(hook, [internStr(name)], null);
    } catch (e) {
      if (e instanceof PyError && e.exc.type.isSubtype(attributeErrorType)) return undefined;
      throw e;
    }
  }
  if (soft) return undefined;
  const modName = m.dict.getStr('__name__');
  if (!(modName instanceof PyStr)) raiseAttributeError(attributeErrorType, `module has no attribute '${name}'`, name, m);
  const msg = specIsInitializing(m.dict.getStr('__spec__'))
    ? `partially initialized module '${modName.value}' has no attribute '${name}' (most likely due to a circular import)`
    : `module '${modName.value}' has no attribute '${name}'`;
  raiseAttributeError(attributeErrorType, msg, name, m);
}

/** _PyModuleSpec_IsInitializing: the spec's _initializing is true (its module is still running). */
export function specIsInitializing(spec: PyObject | undefined): boolean {
  if (spec === undefined || spec === None) return false;
  const flag = getAttrOpt(spec, '_initializing');
  return flag !== undefined && isTrue(flag);
}

/** method_getattro: the method type's attributes, then the function's (a bound method has no __dict__). */
function methodGetAttr(m: PyMethod, name: string, soft: boolean): PyObject | undefined {
  const t = m.type;
  const d = t.lookup(name);
  if (d !== undefined) return hasGet(d) ? descrGet(d, m, t) : d;
  return getAttrImpl(m.func, name, soft);
}

/** PyObject_GetAttr: honours __getattribute__ overrides and __getattr__. */
export function getAttr(obj: PyObject, name: string): PyObject {
  return getAttrImpl(obj, name, false)!;
}

/** getattr without raising AttributeError: undefined when absent. */
export function getAttrOpt(obj: PyObject, name: string): PyObject | undefined {
  return getAttrImpl(obj, name, true);
}

function getAttrImpl(obj: PyObject, name: string, soft: boolean): PyObject | undefined {
  const t = obj.type;
  if (obj instanceof PySuper && t === superType) {
    try {
      return superGetAttr(obj, name);
    } catch (e) {
      if (soft && e instanceof PyError && e.exc.type.isSubtype(attributeErrorType)) return undefined;
      throw e;
    }
  }
  if (t.solid === t) {
    // an exact builtin type: no user __getattribute__ or __getattr__ possible
    if (obj instanceof PyType) return typeGetAttr(obj, name, soft);
    if (obj instanceof PyModule) return moduleGetAttr(obj, name, soft);
    if (t === methodType) return methodGetAttr(obj as PyMethod, name, soft);
    return genericGetAttr(obj, name, soft);
  }
  if (soft) return userGetAttr(obj, t, name, true);
  try {
    return userGetAttr(obj, t, name, false);
  } catch (e) {
    setAttributeErrorContext(e, obj, name);
    throw e;
  }
}

/**
 * set_attribute_error_context: an AttributeError from a user's __getattr__, __getattribute__ or
 * property that names no attribute gets this one's name and object (for suggestions).
 */
function setAttributeErrorContext(e: unknown, obj: PyObject, name: string): void {
  if (!(e instanceof PyError) || !(e.exc instanceof PyBaseException) || !e.exc.type.isSubtype(attributeErrorType)) return;
  const d = e.exc.dict;
  if (!(d instanceof PyDict)) return;
  const n = d.getStr('name');
  const o = d.getStr('obj');
  if ((n !== undefined && n !== None) || (o !== undefined && o !== None)) return;
  d.setStr('name', internStr(name));
  d.setStr('obj', obj);
}

/** slot_tp_getattr_hook: a user class's __getattribute__ (or the generic one), then its __getattr__. */
function userGetAttr(obj: PyObject, t: PyType, name: string, soft: boolean): PyObject | undefined {
  const ga = t.lookup('__getattribute__');
  const getattrHook = t.lookup('__getattr__');
  try {
    let r: PyObject | undefined;
    if (ga !== undefined && ga !== objectGetAttribute && ga !== typeGetAttribute) {
      r = callObject(ga, [obj, internStr(name)], null);
    } else if (obj instanceof PyType) {
      r = typeGetAttr(obj, name, soft && getattrHook === undefined);
    } else {
      r = genericGetAttr(obj, name, soft && getattrHook === undefined);
    }
    if (r !== undefined) return r;
  } catch (e) {
    if (!(getattrHook !== undefined && e instanceof PyError && e.exc.type.isSubtype(attributeErrorType))) {
      if (soft && e instanceof PyError && e.exc.type.isSubtype(attributeErrorType)) return undefined;
      throw e;
    }
  }
  if (getattrHook !== undefined) {
    try {
      return callObject(getattrHook, [obj, internStr(name)], null);
    } catch (e) {
      if (soft && e instanceof PyError && e.exc.type.isSubtype(attributeErrorType)) return undefined;
      throw e;
    }
  }
  return undefined;
}

let objectGetAttribute: PyObject | undefined;
let typeGetAttribute: PyObject | undefined;
/** Called once the object and type methods are installed. */
export function rememberGetAttribute(): void {
  objectGetAttribute = objectType.attrs.get('__getattribute__');
  typeGetAttribute = typeType.attrs.get('__getattribute__');
}

/** PyObject_SetAttr (value null = delete). */
export function setAttr(obj: PyObject, name: string, value: PyObject | null): void {
  const t = obj.type;
  if (t.solid !== t) {
    const sa = t.lookup(value === null ? '__delattr__' : '__setattr__');
    if (sa !== undefined && !(sa instanceof PyBuiltin && (sa.owner === objectType || sa.owner === typeType))) {
      callObject(sa, value === null ? [obj, internStr(name)] : [obj, internStr(name), value], null);
      return;
    }
  }
  if (obj instanceof PyType) return typeSetAttr(obj, name, value);
  genericSetAttr(obj, name, value);
}

export function genericSetAttr(obj: PyObject, name: string, value: PyObject | null): void {
  const t = obj.type;
  const d = t.lookup(name);
  if (d !== undefined) {
    if (d instanceof PyProperty) {
      const f = value === null ? d.fdel : d.fset;
      if (f === null) {
        const what = value === null ? 'deleter' : 'setter';
        raise(attributeErrorType, d.name ? `property '${d.name}' of '${t.name}' object has no ${what}` : `can't ${value === null ? 'delete' : 'set'} attribute`);
      }
      callObject(f, value === null ? [obj] : [obj, value], null);
      return;
    }
    if (d instanceof PyGetSet) {
      if (d.set === null) raise(attributeErrorType, d.member ? 'readonly attribute' : `attribute '${name}' of '${d.owner.name}' objects is not writable`);
      d.set(obj, value);
      return;
    }
    if (d instanceof PyMemberDescr) {
      if (value !== null) d.values.set(obj, value);
      else if (!d.values.delete(obj)) raise(attributeErrorType, name);
      return;
    }
    if (!(d instanceof PyFunction || d instanceof PyBuiltin)) {
      const f = d.type.lookup(value === null ? '__delete__' : '__set__');
      if (f !== undefined) {
        callObject(f, value === null ? [d, obj] : [d, obj, value], null);
        return;
      }
    }
  }
  if (obj.dict === null && obj instanceof PyFunction && value !== null) obj.dict = new PyDict(); // function attributes
  // instances of heap subclasses of builtins (dict, list, int …) get their __dict__ on first use
  if (obj.dict === null && value !== null && t.flags & TPFLAGS_HEAPTYPE && t.hasInstanceDict) obj.dict = new PyDict();
  const dict = obj.dict as PyDict | null;
  if (dict === null) {
    if (d !== undefined) raise(attributeErrorType, `'${t.name}' object attribute '${name}' is read-only`);
    raise(attributeErrorType, `'${t.tpName ?? t.name}' object has no attribute '${name}'`);
  }
  if (value === null) {
    if (!dict.deleteStr(name)) raise(attributeErrorType, `'${t.tpName ?? t.name}' object has no attribute '${name}'`);
  } else {
    dict.setStr(name, value);
  }
}

export function typeSetAttr(cls: PyType, name: string, value: PyObject | null): void {
  const meta = cls.type;
  const d = meta.lookup(name);
  if (d !== undefined && isDataDescriptor(d)) {
    if (d instanceof PyGetSet) {
      if (d.set === null) raise(attributeErrorType, d.member ? 'readonly attribute' : `attribute '${name}' of '${d.owner.name}' objects is not writable`);
      d.set(cls, value);
      return;
    }
  }
  if (!(cls.flags & (1 << 9))) {
    raise(typeErrorType, `cannot set '${name}' attribute of immutable type '${cls.name}'`);
  }
  if (value === null) {
    if (!cls.deleteAttr(name)) raise(attributeErrorType, `type object '${cls.name}' has no attribute '${name}'`);
  } else {
    cls.setAttr(name, value);
  }
}

/** _PyObject_LookupSpecial: a dunder looked up on the type and bound to obj; undefined if absent. */
export function lookupSpecial(obj: PyObject, name: string): PyObject | undefined {
  const d = obj.type.lookup(name);
  if (d === undefined) return undefined;
  return hasGet(d) ? descrGet(d, obj, obj.type) : d;
}

/** The attribute name as a JS string, or a TypeError (getattr(x, 1)). */
export function attrName(o: PyObject): string {
  if (o instanceof PyStr) return o.value;
  raise(typeErrorType, `attribute name must be string, not '${o.type.name}'`);
}

export function isException(o: PyObject): o is PyBaseException {
  return o instanceof PyBaseException;
}
