// functools.singledispatch and singledispatchmethod: a generic function choosing its implementation
// by the class of its first argument. CPython counterpart: Lib/functools.py (singledispatch,
// singledispatchmethod; dispatch follows the argument class's MRO).
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType, objectType } from '../objects/object.js';
import { False } from '../objects/int.js';
import { repr } from '../protocols/repr.js';
import { PyStr } from '../objects/str.js';
import { PyDict } from '../objects/dict.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { PyMappingProxy } from '../objects/mappingproxy.js';
import { typeErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttrOpt } from '../protocols/getattr.js';
import { PyUnion } from '../objects/union-type.js';

export const singleDispatchType = builtinType('singledispatch_function', undefined, 0);
singleDispatchType.module = 'functools';
export const singleDispatchMethodType = builtinType('singledispatchmethod');
singleDispatchMethodType.module = 'functools';

class PySingleDispatch extends PyObject {
  readonly registry = new PyDict();
  readonly funcName: string;
  constructor(func: PyObject) {
    super(singleDispatchType);
    this.dict = new PyDict();
    const name = getAttrOpt(func, '__name__');
    this.funcName = name instanceof PyStr ? name.value : 'singledispatch function';
    this.registry.set(objectType, func);
  }
  dispatch(cls: PyType): PyObject {
    for (const t of cls.mro) {
      const f = this.registry.get(t);
      if (f !== undefined) return f;
    }
    return this.registry.get(objectType)!;
  }
  /** register(cls, func) / register(func) with an annotated first parameter / register(cls) as a decorator. */
  register(cls: PyObject, func: PyObject | undefined): PyObject {
    if (cls instanceof PyType || cls instanceof PyUnion) {
      if (func === undefined) return builtinFunction('register', (a) => this.register(cls, a[0]!));
      for (const t of cls instanceof PyUnion ? cls.args : [cls]) this.registry.set(t, func);
      return func;
    }
    if (func !== undefined) raise(typeErrorType, `Invalid first argument to \`register()\`. ${cls.type.name} is not a class or union type.`);
    const ann = getAttrOpt(cls, '__annotations__');
    const first = ann instanceof PyDict ? [...ann.entries()][0] : undefined;
    if (first === undefined) {
      raise(typeErrorType, `Invalid first argument to \`register()\`: ${repr(cls)}. Use either \`@register(some_class)\` or plain \`@register\` on an annotated function.`);
    }
    const [, target] = first;
    if (!(target instanceof PyType) && !(target instanceof PyUnion)) {
      raise(typeErrorType, `Invalid annotation for ${(first[0] as PyStr).value}. ${target.type.name} is not a class.`);
    }
    return this.register(target, cls);
  }
}

class PySingleDispatchMethod extends PyObject {
  readonly dispatcher: PySingleDispatch;
  readonly func: PyObject;
  constructor(type: PyType, func: PyObject) {
    super(type);
    this.func = func;
    this.dispatcher = new PySingleDispatch(func);
  }
}

export function singledispatch(func: PyObject, updateWrapper: (wrapper: PyObject, wrapped: PyObject) => PyObject): PyObject {
  return updateWrapper(new PySingleDispatch(func), func);
}

export function initSingleDispatch(): void {
  const t = singleDispatchType;
  defMethod(t, '__call__', (a, kw) => {
    const self = a[0] as PySingleDispatch;
    if (a.length < 2) raise(typeErrorType, `${self.funcName} requires at least 1 positional argument`);
    return callObject(self.dispatch(a[1]!.type), a.slice(1), kw);
  });
  defMethod(t, 'dispatch', (a) => (a[0] as PySingleDispatch).dispatch(a[1] as PyType));
  defMethod(t, 'register', (a) => (a[0] as PySingleDispatch).register(a[1]!, a[2]));
  defMethod(t, '_clear_cache', () => None);
  defGetSet(t, 'registry', (o) => new PyMappingProxy((o as PySingleDispatch).registry));
  defMethod(t, '__get__', (a) => {
    // a plain function's binding: the instance becomes the first argument
    const self = a[0] as PySingleDispatch;
    const inst = a[1]!;
    if (inst.type.name === 'NoneType') return self;
    return builtinFunction(self.funcName, (b, kw) => callObject(self, [inst, ...b], kw));
  });

  const m = singleDispatchMethodType;
  defMethod(m, '__new__', (a) => new PySingleDispatchMethod(a[0] as PyType, a[1]!));
  defMethod(m, 'register', (a) => (a[0] as PySingleDispatchMethod).dispatcher.register(a[1]!, a[2]));
  defMethod(m, '__get__', (a) => {
    const self = a[0] as PySingleDispatchMethod;
    const inst = a[1]!;
    const owner = a[2];
    return builtinFunction(self.dispatcher.funcName, (b, kw) => {
      if (b.length < 1) raise(typeErrorType, `${self.dispatcher.funcName} requires at least 1 positional argument`);
      const impl = self.dispatcher.dispatch(b[0]!.type);
      const get = impl.type.lookup('__get__');
      const bound = get === undefined ? impl : callObject(get, [impl, inst, owner ?? inst.type], null);
      return callObject(bound, b, kw);
    });
  });
  defGetSet(m, '__isabstractmethod__', (o) => getAttrOpt((o as PySingleDispatchMethod).func, '__isabstractmethod__') ?? False);
}
