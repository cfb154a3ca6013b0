// Functions written in TypeScript: builtin_function_or_method, and method descriptors of builtin
// types. CPython counterpart: Objects/methodobject.c, Objects/descrobject.c (method_descriptor).
import { raise } from '../errors.js';
import { builtinType, PyObject, type PyType } from './object.js';
import { typeErrorType } from './exception-types.js';

/** Keyword arguments of a call, in the order given. */
export type Kwargs = Map<string, PyObject>;
/** A native function: positional arguments (self first for methods) and keyword arguments. */
export type NativeFn = (args: PyObject[], kw: Kwargs | null) => PyObject;

export const builtinFunctionType = builtinType('builtin_function_or_method', undefined, 0);
export const methodDescriptorType = builtinType('method_descriptor', undefined, 0);

/**
 * A native callable. With `owner` set it is a method descriptor of that type: looked up through an
 * instance it binds, as a Python function does.
 */
export class PyBuiltin extends PyObject {
  readonly name: string;
  readonly fn: NativeFn;
  readonly owner: PyType | null;
  /** __self__ of a module-level builtin (the module), or null */
  self: PyObject | null;
  constructor(name: string, fn: NativeFn, owner: PyType | null = null) {
    super(owner ? methodDescriptorType : builtinFunctionType);
    this.name = name;
    this.fn = fn;
    this.owner = owner;
    this.self = null;
  }
  get qualname(): string {
    return this.owner ? `${this.owner.name}.${this.name}` : this.name;
  }
}

/** Install a method on a builtin type; `fn` receives self as args[0]. */
export function defMethod(t: PyType, name: string, fn: NativeFn): PyBuiltin {
  const m = new PyBuiltin(name, fn, t);
  t.setAttr(name, m);
  return m;
}

/** A method taking exactly `n` positional arguments after self and no keywords. */
export function defMethodN(t: PyType, name: string, n: number, fn: (self: PyObject, ...args: PyObject[]) => PyObject): PyBuiltin {
  return defMethod(t, name, (args, kw) => {
    if (kw && kw.size) noKeywords(`${t.name}.${name}`, kw);
    if (args.length - 1 !== n) wrongArity(`${t.name}.${name}`, n, args.length - 1);
    return fn(args[0]!, ...args.slice(1));
  });
}

/** A method taking `min`..`max` positional arguments after self and no keywords. */
export function defMethodRange(
  t: PyType,
  name: string,
  min: number,
  max: number,
  fn: (self: PyObject, args: PyObject[]) => PyObject,
): PyBuiltin {
  return defMethod(t, name, (args, kw) => {
    if (kw && kw.size) noKeywords(`${t.name}.${name}`, kw);
    const n = args.length - 1;
    if (n < min || n > max) rangeArity(name, min, max, n);
    return fn(args[0]!, args.slice(1));
  });
}

export function noKeywords(qualname: string, _kw: Kwargs): never {
  raise(typeErrorType, `${qualname}() takes no keyword arguments`);
}

export function wrongArity(qualname: string, n: number, given: number): never {
  if (n === 0) raise(typeErrorType, `${qualname}() takes no arguments (${given} given)`);
  if (n === 1) raise(typeErrorType, `${qualname}() takes exactly one argument (${given} given)`);
  raise(typeErrorType, `${qualname} expected ${n} arguments, got ${given}`);
}

export function rangeArity(name: string, min: number, max: number, given: number): never {
  if (given < min) {
    raise(typeErrorType, `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${given}`);
  }
  raise(typeErrorType, `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${given}`);
}

/** Argument Clinic's positional-count check for a method of `owner` (`given` excludes self). */
export function checkArity(owner: string, name: string, given: number, min: number, max: number): void {
  if (given >= min && given <= max) return;
  if (max === 0) raise(typeErrorType, `${owner}.${name}() takes no arguments (${given} given)`);
  if (min === 1 && max === 1) raise(typeErrorType, `${owner}.${name}() takes exactly one argument (${given} given)`);
  if (min === max) raise(typeErrorType, `${name} expected ${min} argument${min === 1 ? '' : 's'}, got ${given}`);
  rangeArity(name, min, max, given);
}

/** A module-level builtin function. */
export function builtinFunction(name: string, fn: NativeFn): PyBuiltin {
  return new PyBuiltin(name, fn, null);
}
