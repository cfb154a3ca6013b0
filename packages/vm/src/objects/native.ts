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

/**
 * Install a method on a builtin type; `fn` receives self as args[0]. A special method CPython
 * serves through a type slot (a slot wrapper) has the slot's fixed arity, checked here once for
 * all of them, with the wrappers' messages (typeobject.c check_num_args).
 */
export function defMethod(t: PyType, name: string, fn: NativeFn): PyBuiltin {
  const n = SLOT_ARITY.get(name);
  const qualname = `${t.name}.${name}`;
  const wrapped = METH_O.has(qualname) || name === '__format__' ? methOWrapper(name, fn) : n === undefined ? fn : slotWrapper(n, fn, SQ_REPEAT.has(qualname));
  const m = new PyBuiltin(name, wrapped, t);
  t.setAttr(name, m);
  return m;
}

/** positional arguments after self of the special methods that are slot wrappers on every builtin type */
const SLOT_ARITY = new Map<string, number>([
  ...['__len__', '__iter__', '__next__', '__neg__', '__pos__', '__abs__', '__invert__', '__int__', '__float__', '__index__', '__bool__', '__hash__', '__repr__', '__str__'].map((k): [string, number] => [k, 0]),
  ...['__getitem__', '__contains__', '__delitem__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__matmul__', '__rmatmul__', '__imatmul__']
    .concat(...['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'divmod', 'and', 'or', 'xor', 'lshift', 'rshift'].map((op) => [`__${op}__`, `__r${op}__`, `__i${op}__`]))
    .filter((k) => k !== '__idivmod__')
    .map((k): [string, number] => [k, 1]),
  ['__getattribute__', 1],
  ['__delattr__', 1],
  ['__setitem__', 2],
  ['__setattr__', 2],
]);

/** other special methods CPython serves through slot wrappers (their arity varies or is checked elsewhere) */
const OTHER_SLOTS = new Set(['__init__', '__call__', '__pow__', '__rpow__', '__ipow__', '__get__', '__set__', '__delete__', '__await__', '__aiter__', '__anext__']);

/**
 * A method descriptor called with no arguments at all, not even self (`list.append()`): the
 * messages of method_vectorcall_* (unbound method), wrapperdescr_call (descriptor) and
 * tp_new_wrapper. Checked by the callers, where an empty argument list is rare and cheap to test.
 */
export function unboundNeedsArgument(f: PyBuiltin): never {
  const owner = f.owner!.name;
  if (f.name === '__new__') raise(typeErrorType, `${owner}.__new__(): not enough arguments`);
  if ((SLOT_ARITY.has(f.name) || OTHER_SLOTS.has(f.name)) && !METH_O.has(`${owner}.${f.name}`)) {
    raise(typeErrorType, `descriptor '${f.name}' of '${owner}' object needs an argument`);
  }
  raise(typeErrorType, `unbound method ${owner}.${f.name}() needs an argument`);
}

/** the few of those that some builtin types define as ordinary one-argument methods instead */
const METH_O = new Set(['list.__getitem__', 'dict.__getitem__', 'dict.__contains__', 'set.__contains__', 'frozenset.__contains__']);

/** sequences' sq_repeat wrappers (wrap_indexargfunc), which unpack with an empty function name */
const SQ_REPEAT = new Set(['list', 'tuple', 'str', 'bytes', 'bytearray'].flatMap((t) => [`${t}.__mul__`, `${t}.__rmul__`, `${t}.__imul__`]));

function methOWrapper(name: string, fn: NativeFn): NativeFn {
  return (args, kw) => {
    // the message names the type of self, as _PyObject_FunctionStr does
    if (args.length !== 2) wrongArity(`${args[0]!.type.name}.${name}`, 1, args.length - 1);
    return fn(args, kw);
  };
}

function slotWrapper(n: number, fn: NativeFn, emptyName = false): NativeFn {
  return (args, kw) => {
    const given = args.length - 1;
    if (given !== n) {
      // __setitem__'s and sq_repeat's wrappers unpack with an empty function name, hence the leading space
      raise(typeErrorType, `${n === 2 || emptyName ? ' ' : ''}expected ${n} argument${n === 1 ? '' : 's'}, got ${given}`);
    }
    return fn(args, kw);
  };
}

/** A method taking exactly `n` positional arguments after self and no keywords. */
export function defMethodN(t: PyType, name: string, n: number, fn: (self: PyObject, ...args: PyObject[]) => PyObject): PyBuiltin {
  return defMethod(t, name, (args, kw) => {
    if (kw && kw.size) noKeywords(`${t.name}.${name}`, kw);
    if (args.length - 1 !== n) wrongArity(`${t.name}.${name}`, n, args.length - 1);
    return fn(args[0]!, ...args.slice(1));
  });
}

/** A METH_O method: exactly one argument after self, no keywords (no argument array copied). */
export function defMethodO(t: PyType, name: string, fn: (self: PyObject, x: PyObject) => PyObject): PyBuiltin {
  return defMethod(t, name, (args, kw) => {
    if (kw && kw.size) noKeywords(`${t.name}.${name}`, kw);
    if (args.length !== 2) wrongArity(`${args[0]!.type.name}.${name}`, 1, args.length - 1);
    return fn(args[0]!, args[1]!);
  });
}

/** A METH_NOARGS method: nothing after self. */
export function defMethodNoArgs(t: PyType, name: string, fn: (self: PyObject) => PyObject): PyBuiltin {
  return defMethod(t, name, (args, kw) => {
    if (kw && kw.size) noKeywords(`${t.name}.${name}`, kw);
    if (args.length !== 1) wrongArity(`${args[0]!.type.name}.${name}`, 0, args.length - 1);
    return fn(args[0]!);
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

/** startswith/endswith's PyArg_ParseTuple "O|OO" count (`given` excludes self); undefined when fine. */
export function affixArity(name: string, given: number): undefined {
  if (given < 1) raise(typeErrorType, `${name}() takes at least 1 argument (${given} given)`);
  if (given > 3) raise(typeErrorType, `${name}() takes at most 3 arguments (${given} given)`);
  return undefined;
}

/** A module-level builtin function. */
export function builtinFunction(name: string, fn: NativeFn): PyBuiltin {
  return new PyBuiltin(name, fn, null);
}

/** A METH_O builtin function: exactly one positional argument, no keywords. */
export function builtinFunctionO(name: string, fn: (x: PyObject) => PyObject): PyBuiltin {
  return new PyBuiltin(name, (args, kw) => {
    if (kw && kw.size) noKeywords(name, kw);
    if (args.length !== 1) wrongArity(name, 1, args.length);
    return fn(args[0]!);
  });
}
