// Calling objects. CPython counterpart: Objects/call.c (PyObject_Call, _PyObject_Call_Prepend),
// Objects/typeobject.c (type_call).
import { raise } from '../errors.js';
import { None, PyObject, PyType, TPFLAGS_HEAPTYPE, objectType, typeType } from '../objects/object.js';
import { PyDict } from '../objects/dict.js';
import { PyFunction, PyMethod } from '../objects/function.js';
import { PyBuiltin, unboundNeedsArgument, type Kwargs } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { enterRecursiveCall, leaveRecursiveCall } from '../eval/recursion.js';
import { callPyFunction } from '../eval/ceval.js';
import { descrGet } from './getattr.js';

/** PyObject_Call: `args` positional, `kw` keyword arguments (or null). */
export function callObject(f: PyObject, args: PyObject[], kw: Kwargs | null): PyObject {
  if (f instanceof PyFunction) return callPyFunction(f, args, kw);
  if (f instanceof PyBuiltin) return args.length === 0 && f.owner !== null ? unboundNeedsArgument(f) : f.fn(args, kw);
  if (f instanceof PyMethod) {
    if (f.func instanceof PyFunction) return callPyFunction(f.func, args, kw, f.self);
    const a = new Array<PyObject>(args.length + 1);
    a[0] = f.self;
    for (let i = 0; i < args.length; i++) a[i + 1] = args[i]!;
    return callObject(f.func, a, kw);
  }
  if (f instanceof PyType) return typeCall(f, args, kw);
  const call = f.type.lookup('__call__');
  if (call === undefined) raise(typeErrorType, `'${f.type.name}' object is not callable`);
  return callObject(descrGet(call, f, f.type), args, kw);
}

/**
 * Calling a class. A class has no vectorcall in 3.11, so _PyObject_MakeTpCall counts the call against
 * the recursion limit: recursion through `__init__` stops at half the depth of plain recursion, with
 * CPython's message.
 */
function typeCall(cls: PyType, args: PyObject[], kw: Kwargs | null): PyObject {
  const vc = cls.vectorcall;
  if (vc !== null) {
    const r = vc(args, kw);
    if (r !== null) return r;
  }
  if (!(cls.flags & TPFLAGS_HEAPTYPE)) return typeCallUncounted(cls, args, kw);
  enterRecursiveCall(' while calling a Python object');
  try {
    return typeCallUncounted(cls, args, kw);
  } finally {
    leaveRecursiveCall();
  }
}

/** type_call: cls.__new__(cls, ...) then __init__ when the result is an instance of cls. */
function typeCallUncounted(cls: PyType, args: PyObject[], kw: Kwargs | null): PyObject {
  if (cls === typeType && args.length === 1 && (kw === null || kw.size === 0)) return args[0]!.type;
  const meta = cls.type;
  if (meta !== typeType) {
    const call = meta.lookup('__call__');
    // bound as any descriptor is (a plain callable there, like typing's `__call__ = dict`, is not)
    if (call !== undefined && call !== typeType.attrs.get('__call__')) return callObject(descrGet(call, cls, meta), args, kw);
  }
  return typeCallDefault(cls, args, kw);
}

let objectNew: PyObject | undefined;

export function typeCallDefault(cls: PyType, args: PyObject[], kw: Kwargs | null): PyObject {
  const newFn = cls.lookup('__new__');
  objectNew ??= objectType.attrs.get('__new__');
  if (newFn === objectNew && cls.solid === objectType && cls.flags & TPFLAGS_HEAPTYPE) {
    // a plain class with a Python __init__: object.__new__ has nothing to check, so make the
    // instance here and call __init__ without a bound method in between
    const init = cls.lookup('__init__');
    if (init instanceof PyFunction) {
      const obj = new PyObject(cls);
      if (cls.hasInstanceDict) obj.dict = new PyDict();
      const r = callPyFunction(init, args, kw, obj);
      if (r !== None) raise(typeErrorType, `__init__() should return None, not '${r.type.name}'`);
      return obj;
    }
  }
  if (newFn === undefined) raise(typeErrorType, `cannot create '${cls.name}' instances`);
  const obj = callObject(descrGet(newFn, null, cls), [cls, ...args], kw);
  if (!obj.type.isSubtype(cls)) return obj;
  const init = obj.type.lookup('__init__');
  if (init !== undefined) {
    const r = callObject(descrGet(init, obj, obj.type), args, kw);
    if (r.type.name !== 'NoneType') raise(typeErrorType, `__init__() should return None, not '${r.type.name}'`);
  }
  return obj;
}

/** Call a special method found on a type with `self` first: descr(self, ...args). */
export function callSpecial(descr: PyObject, self: PyObject, args: PyObject[]): PyObject {
  if (descr instanceof PyFunction) return callPyFunction(descr, args, null, self);
  if (descr instanceof PyBuiltin && descr.owner !== null) return descr.fn([self, ...args], null);
  return callObject(descrGet(descr, self, self.type), args, null);
}

/** Call obj.name(*args) where name is a special method; undefined when the type lacks it. */
export function callMethodIfAny(self: PyObject, name: string, args: PyObject[]): PyObject | undefined {
  const d = self.type.lookup(name);
  if (d === undefined) return undefined;
  return callSpecial(d, self, args);
}
