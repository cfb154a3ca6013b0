// Builtins about objects themselves: isinstance, issubclass, getattr, setattr, hasattr, delattr,
// callable, id, hash, repr, ascii, format, vars, dir, globals, locals, iter, next, sorted, any,
// all. CPython counterpart: Python/bltinmodule.c and Objects/abstract.c
// (PyObject_IsInstance, PyObject_IsSubclass).
import { withRecursionCheck } from '../eval/recursion.js';
import { raise, PyError, newException } from '../errors.js';
import { None, PyObject, PyType, typeType } from '../objects/object.js';
import { PyInt, newInt, intFromNumber, pyBool, True, False } from '../objects/int.js';
import { PyStr, newStr } from '../objects/str.js';
import { PyTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PyFunction, PyMethod } from '../objects/function.js';
import { PyBuiltin, builtinFunction, builtinFunctionO, rangeArity, type Kwargs } from '../objects/native.js';
import { PyUnion, unionAny } from '../objects/union-type.js';
import { PyGenericAlias } from '../objects/generic-alias.js';
import { PyArrayIter, PyNativeIter, PyRangeIter, callableIteratorType } from '../objects/iterators.js';
import { attributeErrorType, stopIterationType, typeErrorType } from '../objects/exception-types.js';
import { repr } from '../protocols/repr.js';
import { format } from '../protocols/format.js';
import { pyHash, objectId } from '../protocols/hash.js';
import { callObject, callSpecial } from '../protocols/call.js';
import { attrName, getAttr, getAttrOpt, setAttr } from '../protocols/getattr.js';
import { getIter, iterNext, toArray, toArrayWithHint } from '../protocols/iter.js';
import { isTrue } from '../protocols/truth.js';
import { pyEq } from '../protocols/compare.js';
import { sortItems } from '../objects/list-methods.js';
import { asciiOf } from '../objects/str-methods.js';
import { ts } from '../eval/state.js';
import type { Frame } from '../eval/frame.js';
import { importName } from '../eval/ops.js';
import { CO_FAST_CELL, CO_FAST_FREE } from '@tspyc/bytecode';
import { PyGenerator } from '../objects/generator.js';
import { genSend } from '../objects/generator-methods.js';
import { PyCell } from '../objects/function.js';

function checkClassInfo(cls: PyObject, fname: string): void {
  if (cls instanceof PyType) return;
  if (cls instanceof PyTuple) {
    for (const c of cls.items) checkClassInfo(c, fname);
    return;
  }
  const [one, many] = fname === 'issubclass' ? ['class', 'classes'] : ['type', 'types'];
  raise(typeErrorType, `${fname}() arg 2 must be a ${one}, a tuple of ${many}, or a union`);
}

/** PyObject_IsInstance */
export function isInstance(obj: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyType) {
    // only the exact type short-cuts a metaclass's __instancecheck__ (PyObject_IsInstance)
    if (obj.type === cls) return true;
    if (cls.type !== typeType) {
      const m = cls.type.lookup('__instancecheck__');
      if (m !== undefined && m !== typeType.attrs.get('__instancecheck__')) return isTrue(callSpecial(m, cls, [obj]));
    }
    if (obj.type.isSubtype(cls)) return true;
    const klass = getAttrOpt(obj, '__class__');
    return klass instanceof PyType && klass !== obj.type && klass.isSubtype(cls);
  }
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstance(obj, c));
  if (cls instanceof PyUnion) return unionAny(cls, 'isinstance', (c) => isInstance(obj, c));
  if (cls instanceof PyGenericAlias) raise(typeErrorType, 'isinstance() argument 2 cannot be a parameterized generic');
  // any object whose type has __instancecheck__ (typing's aliases)
  const check = cls.type.lookup('__instancecheck__');
  if (check !== undefined) return isTrue(callSpecial(check, cls, [obj]));
  checkClassInfo(cls, 'isinstance');
  return false;
}

export function isSubclass(sub: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyTuple) return cls.items.some((c) => isSubclass(sub, c));
  if (cls instanceof PyUnion) return unionAny(cls, 'issubclass', (c) => isSubclass(sub, c));
  if (cls instanceof PyGenericAlias) raise(typeErrorType, 'issubclass() argument 2 cannot be a parameterized generic');
  if (!(cls instanceof PyType)) {
    // an instance whose class defines __subclasscheck__ decides; otherwise arg 1 is checked first
    const m = cls.type.lookup('__subclasscheck__');
    if (m !== undefined) return isTrue(callSpecial(m, cls, [sub]));
    if (!(sub instanceof PyType)) raise(typeErrorType, 'issubclass() arg 1 must be a class');
    raise(typeErrorType, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
  }
  if (cls.type !== typeType) {
    const m = cls.type.lookup('__subclasscheck__');
    if (m !== undefined && m !== typeType.attrs.get('__subclasscheck__')) return isTrue(callSpecial(m, cls, [sub]));
  }
  if (!(sub instanceof PyType)) raise(typeErrorType, 'issubclass() arg 1 must be a class');
  return sub.isSubtype(cls);
}

export function isCallable(o: PyObject): boolean {
  return o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyMethod || o instanceof PyType || o.type.lookup('__call__') !== undefined;
}

/** Each function frame's f_locals dict: one per frame, refreshed by every locals() (3.11's PyFrame_FastToLocals). */
const fastLocals = new WeakMap<object, PyDict>();

/** locals() of frame `f` (the running one by default); f_locals. */
export function frameLocals(f: Frame | null = ts.frame): PyObject {
  if (f === null) return new PyDict();
  if (f.locals !== null) return f.locals;
  let d = fastLocals.get(f);
  if (d === undefined) fastLocals.set(f, (d = new PyDict()));
  const co = f.code;
  for (let i = 0; i < co.nlocalsplus; i++) {
    let v = f.fast[i] ?? null;
    const kind = co.localsplusKinds[i]!;
    if (v instanceof PyCell && kind & (CO_FAST_CELL | CO_FAST_FREE)) v = v.ref;
    // unbound names leave the dict; names only exec() put there stay
    if (v !== null) d.setStr(co.localsplusNames[i]!, v);
    else d.deleteStr(co.localsplusNames[i]!);
  }
  return d;
}

export function introspectionBuiltins(): PyBuiltin[] {
  return [
    // __import__(name, globals=None, locals=None, fromlist=(), level=0): the import statement's engine
    builtinFunction('__import__', (a, kw) => {
      const name = a[0] ?? kw?.get('name');
      if (!(name instanceof PyStr)) raise(typeErrorType, `__import__() argument 1 must be str, not ${name ? name.type.name : 'nothing'}`);
      const fromlist = a[3] ?? kw?.get('fromlist') ?? None;
      const level = a[4] ?? kw?.get('level') ?? newInt(0n);
      return importName(ts.frame!, name.value, fromlist, level);
    }),
    builtinFunction('isinstance', (a) => {
      if (a.length !== 2) raise(typeErrorType, `isinstance expected 2 arguments, got ${a.length}`);
      return pyBool(isInstance(a[0]!, a[1]!));
    }),
    builtinFunction('issubclass', (a) => {
      if (a.length !== 2) raise(typeErrorType, `issubclass expected 2 arguments, got ${a.length}`);
      return pyBool(isSubclass(a[0]!, a[1]!));
    }),
    builtinFunction('getattr', (a) => {
      if (a.length < 2) raise(typeErrorType, `getattr expected at least 2 arguments, got ${a.length}`);
      if (a.length > 3) raise(typeErrorType, `getattr expected at most 3 arguments, got ${a.length}`);
      const name = attrName(a[1]!);
      if (a.length > 2) return getAttrOpt(a[0]!, name) ?? a[2]!;
      return getAttr(a[0]!, name);
    }),
    builtinFunction('setattr', (a) => {
      if (a.length !== 3) raise(typeErrorType, `setattr expected 3 arguments, got ${a.length}`);
      setAttr(a[0]!, attrName(a[1]!), a[2]!);
      return None;
    }),
    builtinFunction('delattr', (a) => {
      if (a.length !== 2) raise(typeErrorType, `delattr expected 2 arguments, got ${a.length}`);
      setAttr(a[0]!, attrName(a[1]!), null);
      return None;
    }),
    builtinFunction('hasattr', (a) => {
      if (a.length !== 2) raise(typeErrorType, `hasattr expected 2 arguments, got ${a.length}`);
      return pyBool(getAttrOpt(a[0]!, attrName(a[1]!)) !== undefined);
    }),
    builtinFunctionO('callable', (x) => pyBool(isCallable(x))),
    builtinFunctionO('id', (x) => newInt(BigInt(objectId(x)))),
    builtinFunctionO('hash', (x) => newInt(pyHash(x))),
    // a METH_O builtin: its vectorcall counts against the recursion limit, then PyObject_Repr does
    builtinFunctionO('repr', (x) => withRecursionCheck(' while calling a Python object', () => newStr(repr(x)))),
    builtinFunctionO('ascii', (x) => newStr(asciiOf(repr(x)))),
    builtinFunction('format', (a) => {
      if (a.length < 1 || a.length > 2) rangeArity('format', 1, 2, a.length);
      if (a.length > 1 && !(a[1] instanceof PyStr)) raise(typeErrorType, `format() argument 2 must be str, not ${a[1]!.type.name}`);
      return newStr(format(a[0]!, a[1] === undefined ? '' : (a[1] as PyStr).value));
    }),
    builtinFunction('vars', (a) => {
      if (a.length === 0) return frameLocals();
      let d: PyObject | undefined;
      try {
        d = getAttrOpt(a[0]!, '__dict__');
      } catch (e) {
        // the __dict__ getset itself raises AttributeError for objects without one
        if (!(e instanceof PyError && e.exc.type.isSubtype(attributeErrorType))) throw e;
      }
      if (d === undefined) raise(typeErrorType, 'vars() argument must have __dict__ attribute');
      return d;
    }),
    builtinFunction('dir', (a) => {
      if (a.length === 0) return new PyList(toArray(frameLocals()).sort((x, y) => ((x as PyStr).value < (y as PyStr).value ? -1 : 1)));
      const o = a[0]!;
      if (o instanceof PyType) {
        const names = new Set<string>();
        for (const t of o.mro) for (const k of t.attrs.keys()) names.add(k);
        return new PyList([...names].sort().map(newStr));
      }
      // sorted(__dir__()): duplicates and all, as the object gave them
      const m = o.type.lookup('__dir__');
      const out = new PyList(m !== undefined ? toArray(callSpecial(m, o, [])) : []);
      sortItems(out.items, null, false);
      return out;
    }),
    builtinFunction('globals', () => ts.frame?.globals ?? new PyDict()),
    builtinFunction('locals', () => frameLocals()),
    builtinFunction('iter', (a) => {
      if (a.length > 2) raise(typeErrorType, `iter expected at most 2 arguments, got ${a.length}`);
      if (a.length === 2) {
        const f = a[0]!;
        if (!isCallable(f)) raise(typeErrorType, 'iter(v, w): v must be callable');
        const sentinel = a[1]!;
        let done = false;
        return new PyNativeIter(callableIteratorType, () => {
          if (done) return null;
          const v = callObject(f, [], null);
          if (v === sentinel || pyEq(v, sentinel)) {
            done = true;
            return null;
          }
          return v;
        });
      }
      if (a.length !== 1) raise(typeErrorType, `iter expected at least 1 argument, got ${a.length}`);
      return getIter(a[0]!);
    }),
    builtinFunction('next', (a) => {
      if (a.length < 1 || a.length > 2) rangeArity('next', 1, 2, a.length);
      const it = a[0]!;
      if (it.type.lookup('__next__') === undefined) raise(typeErrorType, `'${it.type.name}' object is not an iterator`);
      if (it instanceof PyGenerator && a.length === 1) return genSend(it, None);
      // without a default, the iterator's own StopIteration (and its value) propagates
      if (a.length === 1 && !(it instanceof PyArrayIter) && !(it instanceof PyRangeIter) && !(it instanceof PyNativeIter)) {
        return callSpecial(it.type.lookup('__next__')!, it, []);
      }
      const v = iterNext(it);
      if (v !== null) return v;
      if (a.length > 1) return a[1]!;
      throw new PyError(newException(stopIterationType, null));
    }),
    builtinFunction('sorted', (a, kw: Kwargs | null) => {
      if (a.length !== 1) raise(typeErrorType, `sorted expected 1 argument, got ${a.length}`);
      const items = toArrayWithHint(a[0]!);
      for (const k of kw?.keys() ?? []) {
        if (k !== 'key' && k !== 'reverse') raise(typeErrorType, `'${k}' is an invalid keyword argument for sort()`);
      }
      const key = kw?.get('key');
      const reverse = kw?.get('reverse');
      // builtin_sorted calls list.sort through its vectorcall, which counts against the recursion limit
      return withRecursionCheck(' while calling a Python object', () => {
        const keys = key !== undefined && key !== None ? items.map((v) => callObject(key, [v], null)) : null;
        sortItems(items, keys, reverse !== undefined && isTrue(reverse));
        return new PyList(items);
      });
    }),
    builtinFunctionO('any', (x) => {
      const it = getIter(x);
      for (let v = iterNext(it); v !== null; v = iterNext(it)) if (isTrue(v)) return True;
      return False;
    }),
    builtinFunctionO('all', (x) => {
      const it = getIter(x);
      for (let v = iterNext(it); v !== null; v = iterNext(it)) if (!isTrue(v)) return False;
      return True;
    }),
  ];
  void PyInt;
  void intFromNumber;
  void attributeErrorType;
}
