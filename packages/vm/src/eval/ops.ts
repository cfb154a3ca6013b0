// The colder opcodes, out of the eval loop: unpacking, calls with */**, raise, with, imports,
// pattern matching, f-string formatting. CPython counterpart: the helpers of Python/ceval.c
// (do_raise, unpack_iterable, check_args_iterable, format_kwargs_error, import_name, import_from,
// match_keys, match_class).
import { raise, PyError, newException } from '../errors.js';
import { None, PyObject, PyType, TPFLAGS_MAPPING, TPFLAGS_SEQUENCE } from '../objects/object.js';
import { PyInt, intFromNumber } from '../objects/int.js';
import { PyStr, internStr, newStr } from '../objects/str.js';
import { PyTuple, newTuple, tupleType } from '../objects/tuple.js';
import { PyList, listType } from '../objects/list.js';
import { PyDict, dictType } from '../objects/dict.js';
import { PyFunction } from '../objects/function.js';
import { PyGenerator } from '../objects/generator.js';
import { PyModule } from '../objects/module.js';
import { PyRange } from '../objects/range.js';
import { strType } from '../objects/str.js';
import { bytesType } from '../objects/bytes.js';
import type { Kwargs } from '../objects/native.js';
import {
  PyBaseException,
  baseExceptionType,
  importErrorType,
  moduleNotFoundErrorType,
  stopIterationType,
  typeErrorType,
  valueErrorType,
  keyErrorType,
} from '../objects/exception-types.js';
import { callObject, callSpecial } from '../protocols/call.js';
import { getAttr, getAttrOpt, specIsInitializing } from '../protocols/getattr.js';
import { getIter, iterNext, toArray, stopIterationValue } from '../protocols/iter.js';
import { delItem, getItem, len, setItem } from '../protocols/sequence.js';
import { repr, str } from '../protocols/repr.js';
import { format } from '../protocols/format.js';
import { asciiOf } from '../objects/str-methods.js';
import { genResume } from './ceval.js';
import type { Frame } from './frame.js';
import { importFullName } from '../modules/path-import.js';
import { sysModules } from '../modules/registry.js';
import { LoaderError, resolveImportName, type ImportGlobals } from '@tspyc/loader/runtime';
import { objectType } from '../objects/object.js';

// f_locals is usually an exact dict; any other mapping goes through its __getitem__ & co.,
// as LOAD_NAME / STORE_NAME / DELETE_NAME do (class bodies under a custom __prepare__, exec).
export function localsGet(locals: PyObject, name: string): PyObject | undefined {
  if (locals instanceof PyDict && locals.type === dictType) return locals.getStr(name);
  try {
    return getItem(locals, internStr(name));
  } catch (e) {
    if (e instanceof PyError && e.exc.type.isSubtype(keyErrorType)) return undefined;
    throw e;
  }
}
export function localsSet(locals: PyObject, name: string, v: PyObject): void {
  if (locals instanceof PyDict && locals.type === dictType) locals.setStr(name, v);
  else setItem(locals, internStr(name), v);
}
export function localsDelete(locals: PyObject, name: string): boolean {
  if (locals instanceof PyDict && locals.type === dictType) return locals.deleteStr(name);
  try {
    delItem(locals, internStr(name));
    return true;
  } catch (e) {
    if (e instanceof PyError && e.exc.type.isSubtype(keyErrorType)) return false;
    throw e;
  }
}

let objectGetAttribute: PyObject | undefined;
/** Whether instances of `t` use the generic attribute lookup (no __getattribute__ override). */
export function usesGenericGetAttr(t: PyType): boolean {
  objectGetAttribute ??= objectType.attrs.get('__getattribute__');
  return t.lookup('__getattribute__') === objectGetAttribute;
}

/** _PyObject_FunctionStr: module.qualname() (no module for builtins), else str(f). */
function funcName(f: PyObject): string {
  const q = getAttrOpt(f, '__qualname__');
  if (q === undefined) return str(f);
  const mod = getAttrOpt(f, '__module__');
  if (mod !== undefined && mod !== None && !(mod instanceof PyStr && mod.value === 'builtins')) return `${str(mod)}.${str(q)}()`;
  return `${str(q)}()`;
}

export function callFunctionEx(func: PyObject, callargs: PyObject, kwargs: PyObject | null): PyObject {
  let args: PyObject[];
  if (callargs instanceof PyTuple) args = callargs.items;
  else {
    if (callargs.type.lookup('__iter__') === undefined && callargs.type.lookup('__getitem__') === undefined) {
      raise(typeErrorType, `${funcName(func)} argument after * must be an iterable, not ${callargs.type.name}`);
    }
    args = toArray(callargs);
  }
  let kw: Kwargs | null = null;
  if (kwargs !== null) {
    kw = new Map();
    const d = kwargs as PyDict;
    for (const [k, v] of d.entries()) {
      if (!(k instanceof PyStr)) raise(typeErrorType, 'keywords must be strings');
      kw.set(k.value, v);
    }
  }
  return callObject(func, args, kw);
}

export function listExtend(list: PyList, it: PyObject): void {
  if (it.type.lookup('__iter__') === undefined && it.type.lookup('__getitem__') === undefined) {
    raise(typeErrorType, `Value after * must be an iterable, not ${it.type.name}`);
  }
  for (const v of toArray(it)) list.items.push(v);
}

/** DICT_UPDATE (func null) and DICT_MERGE (func = the callable, for its error messages). */
export function dictUpdate(d: PyDict, other: PyObject, func: PyObject | null): void {
  if (other instanceof PyDict) {
    for (const [k, v] of other.entries()) {
      if (func !== null && d.find(k) >= 0) {
        raise(typeErrorType, `${funcName(func)} got multiple values for keyword argument '${str(k)}'`);
      }
      d.set(k, v);
    }
    return;
  }
  const keysFn = getAttrOpt(other, 'keys');
  if (keysFn === undefined) {
    if (func !== null) raise(typeErrorType, `${funcName(func)} argument after ** must be a mapping, not ${other.type.name}`);
    raise(typeErrorType, `'${other.type.name}' object is not a mapping`);
  }
  for (const k of toArray(callObject(keysFn, [], null))) {
    if (func !== null && d.find(k) >= 0) {
      raise(typeErrorType, `${funcName(func)} got multiple values for keyword argument '${str(k)}'`);
    }
    d.set(k, getItem(other, k));
  }
}

export function unpackCountError(got: number, expected: number): never {
  if (got < expected) raise(valueErrorType, `not enough values to unpack (expected ${expected}, got ${got})`);
  raise(valueErrorType, `too many values to unpack (expected ${expected})`);
}

/** unpack_iterable: `before` items, then (when after >= 0) a list of the middle, then `after` items. */
export function unpackIterable(seq: PyObject, before: number, after: number): PyObject[] {
  const t = seq.type;
  if (t.lookup('__iter__') === undefined && t.lookup('__getitem__') === undefined) {
    raise(typeErrorType, `cannot unpack non-iterable ${t.name} object`);
  }
  const it = getIter(seq);
  const out: PyObject[] = [];
  for (let i = 0; i < before; i++) {
    const v = iterNext(it);
    if (v === null) {
      if (after < 0) raise(valueErrorType, `not enough values to unpack (expected ${before}, got ${i})`);
      raise(valueErrorType, `not enough values to unpack (expected at least ${before + after}, got ${i})`);
    }
    out.push(v);
  }
  if (after < 0) {
    if (iterNext(it) !== null) raise(valueErrorType, `too many values to unpack (expected ${before})`);
    return out;
  }
  const rest: PyObject[] = [];
  for (let v = iterNext(it); v !== null; v = iterNext(it)) rest.push(v);
  if (rest.length < after) {
    raise(valueErrorType, `not enough values to unpack (expected at least ${before + after}, got ${before + rest.length})`);
  }
  out.push(new PyList(rest.slice(0, rest.length - after)));
  for (let i = rest.length - after; i < rest.length; i++) out.push(rest[i]!);
  return out;
}

/** SEND: one step of `yield from`; done with the return value, or not done with a yielded value. */
export function send(receiver: PyObject, v: PyObject): { done: boolean; value: PyObject } {
  if (receiver instanceof PyGenerator) {
    const r = genResume(receiver, v, null);
    return { done: receiver.finished, value: r };
  }
  try {
    let r: PyObject | null;
    if (v === None) {
      const m = receiver.type.lookup('__next__');
      if (m === undefined) raise(typeErrorType, `'${receiver.type.name}' object is not an iterator`);
      r = callSpecial(m, receiver, []);
    } else {
      r = callObject(getAttr(receiver, 'send'), [v], null);
    }
    return { done: false, value: r };
  } catch (e) {
    if (e instanceof PyError && e.exc.type.isSubtype(stopIterationType)) {
      return { done: true, value: stopIterationValue(e.exc as PyBaseException) };
    }
    throw e;
  }
}

/** do_raise: the exception object to raise for `raise exc [from cause]`. */
export function makeRaisable(exc: PyObject, cause: PyObject | undefined): PyObject {
  let value: PyObject;
  if (exc instanceof PyType) {
    if (!exc.isSubtype(baseExceptionType)) raise(typeErrorType, 'exceptions must derive from BaseException');
    value = callObject(exc, [], null);
    if (!(value instanceof PyBaseException)) {
      raise(typeErrorType, `calling ${repr(exc)} should have returned an instance of BaseException, not ${value.type.name}`);
    }
  } else if (exc instanceof PyBaseException) {
    value = exc;
  } else {
    raise(typeErrorType, 'exceptions must derive from BaseException');
  }
  if (cause !== undefined) {
    let c: PyObject | null;
    if (cause === None) c = null;
    else if (cause instanceof PyType && cause.isSubtype(baseExceptionType)) c = callObject(cause, [], null);
    else if (cause instanceof PyBaseException) c = cause;
    else raise(typeErrorType, 'exception causes must derive from BaseException');
    (value as PyBaseException).cause = c;
    (value as PyBaseException).suppressContext = true;
  }
  return value;
}

/** CHECK_EXC_MATCH: isinstance(exc, type) with the checks of PyErr_GivenExceptionMatches. */
export function exceptionMatches(exc: PyObject, t: PyObject): boolean {
  if (t instanceof PyTuple) {
    for (const x of t.items) checkCatchable(x);
    return t.items.some((x) => exc.type.isSubtype(x as PyType));
  }
  checkCatchable(t);
  return exc.type.isSubtype(t as PyType);
}

function checkCatchable(t: PyObject): void {
  if (!(t instanceof PyType) || !t.isSubtype(baseExceptionType)) {
    raise(typeErrorType, 'catching classes that do not inherit from BaseException is not allowed');
  }
}

/** FORMAT_VALUE: conversion (1 str, 2 repr, 3 ascii), then format() with the spec. */
export function formatValue(v: PyObject, conversion: number, spec: PyObject | null): PyObject {
  if (conversion === 1) v = newStr(str(v));
  else if (conversion === 2) v = newStr(repr(v));
  else if (conversion === 3) v = newStr(asciiOf(repr(v)));
  const s = spec === null ? '' : (spec as PyStr).value;
  if (spec === null && v.type === strType) return v;
  return newStr(format(v, s));
}

/** the absolute name of `from .x import y` (Python/import.c resolve_name, via the loader's rules) */
function absoluteImportName(f: Frame, name: string, level: number): string {
  const g = f.globals;
  const value = (o: PyObject | undefined): unknown => (o === undefined ? undefined : o === None ? null : o instanceof PyStr ? o.value : o);
  const spec = g.getStr('__spec__');
  const globals: ImportGlobals = {
    __package__: value(g.getStr('__package__')),
    __spec__: spec === undefined || spec === None ? null : { parent: value(getAttrOpt(spec, 'parent')) },
    __name__: value(g.getStr('__name__')),
    hasPath: g.getStr('__path__') !== undefined,
  };
  try {
    return resolveImportName(name, globals, level).name;
  } catch (err) {
    if (!(err instanceof LoaderError)) throw err;
    const type = err.pythonType === 'ValueError' ? valueErrorType : err.pythonType === 'KeyError' ? keyErrorType : err.pythonType === 'TypeError' ? typeErrorType : importErrorType;
    raise(type, err.message);
  }
}

export function importName(f: Frame, name: string, fromlist: PyObject, level: PyObject): PyObject {
  if (level instanceof PyInt && level.value !== 0n) name = absoluteImportName(f, name, Number(level.value));
  const leaf = importFullName(name, f.builtins);
  // `import a.b` binds a; `from a.b import c` works on a.b
  const hasFromlist = fromlist instanceof PyTuple ? fromlist.items.length > 0 : fromlist !== None;
  if (hasFromlist && leaf instanceof PyModule && leaf.dict.getStr('__path__') !== undefined && fromlist instanceof PyTuple) {
    // _handle_fromlist: names in the list that are submodules of a package are imported
    for (const item of fromlist.items) {
      if (!(item instanceof PyStr) || item.value === '*' || leaf.dict.getStr(item.value) !== undefined) continue;
      try {
        importFullName(`${name}.${item.value}`, f.builtins);
      } catch (err) {
        // only the submodule itself missing is ignored (not a module it imports)
        const missing = `No module named '${name}.${item.value}'`;
        if (!(err instanceof PyError && err.exc.type === moduleNotFoundErrorType && str(err.exc) === missing)) throw err;
      }
    }
  }
  if (hasFromlist || !name.includes('.')) return leaf;
  return importFullName(name.slice(0, name.indexOf('.')), f.builtins);
}

/** import_from: `from mod import name`, with the sys.modules fallback of a circular relative import. */
export function importFrom(mod: PyObject, name: string): PyObject {
  const v = getAttrOpt(mod, name);
  if (v !== undefined) return v;
  // bpo-17636: a submodule still running its body is in sys.modules before its package has it
  const pkgname = getAttrOpt(mod, '__name__');
  if (pkgname instanceof PyStr) {
    const sub = sysModules().getStr(`${pkgname.value}.${name}`);
    if (sub !== undefined) return sub;
  }
  const shown = repr(pkgname instanceof PyStr ? pkgname : newStr('<unknown module name>'));
  const file = mod instanceof PyModule ? mod.dict.getStr('__file__') : undefined; // PyModule_GetFilenameObject
  const errName = pkgname instanceof PyStr ? pkgname : None;
  let msg: string;
  if (!(file instanceof PyStr)) msg = `cannot import name ${repr(newStr(name))} from ${shown} (unknown location)`;
  else if (specIsInitializing(getAttrOpt(mod, '__spec__'))) msg = `cannot import name ${repr(newStr(name))} from partially initialized module ${shown} (most likely due to a circular import) (${file.value})`;
  else msg = `cannot import name ${repr(newStr(name))} from ${shown} (${file.value})`;
  // ImportError(msg, name=the module's __name__, path=its file), as PyErr_SetImportError makes it
  throw new PyError(callObject(importErrorType, [newStr(msg)], new Map([['name', errName], ['path', file instanceof PyStr ? file : None]])));
}

/** import_all_from: the names of __all__, or else the public names of __dict__. */
export function importStar(f: Frame, mod: PyObject): void {
  if (f.locals === null) raise(importErrorType, 'import * only allowed at module level');
  const all = getAttrOpt(mod, '__all__');
  const names = all !== undefined ? toArray(all) : toArray(callObject(getAttr(getAttr(mod, '__dict__'), 'keys'), [], null));
  const modName = () => {
    const n = getAttrOpt(mod, '__name__');
    return n instanceof PyStr ? n.value : '<unknown module name>';
  };
  for (const k of names) {
    if (!(k instanceof PyStr)) {
      raise(typeErrorType, all !== undefined ? `Item in ${modName()}.__all__ must be str, not ${k.type.name}` : `Key in ${modName()}.__dict__ must be str, not ${k.type.name}`);
    }
    if (all === undefined && k.value.startsWith('_')) continue;
    localsSet(f.locals, k.value, getAttr(mod, k.value));
  }
}

export function getLen(o: PyObject): PyObject {
  return intFromNumber(len(o));
}

/** The first of Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING along the MRO (CPython inherits them). */
function collectionFlag(t: PyType): number {
  for (const c of t.mro) {
    const f = c.flags & (TPFLAGS_SEQUENCE | TPFLAGS_MAPPING);
    if (f) return f;
  }
  return 0;
}

export function isMapping(o: PyObject): boolean {
  return collectionFlag(o.type) === TPFLAGS_MAPPING;
}

export function isMatchSequence(o: PyObject): boolean {
  return collectionFlag(o.type) === TPFLAGS_SEQUENCE;
}

export function matchKeys(subject: PyObject, keys: PyObject): PyObject {
  const ks = (keys as PyTuple).items;
  const values: PyObject[] = [];
  const getFn = getAttr(subject, 'get');
  const dummy = new PyObject(objectType);
  for (const k of ks) {
    const v = callObject(getFn, [k, dummy], null);
    if (v === dummy) return None;
    values.push(v);
  }
  return newTuple(values);
}

const SELF_MATCH = new Set(['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple']);

export function matchClass(subject: PyObject, cls: PyObject, nargs: number, kwNames: PyTuple): PyObject {
  if (!(cls instanceof PyType)) raise(typeErrorType, 'called match pattern must be a type');
  if (!subject.type.isSubtype(cls)) return None;
  const out: PyObject[] = [];
  const seen = new Set<string>();
  if (nargs > 0) {
    const ma = getAttrOpt(cls, '__match_args__');
    if (ma === undefined) {
      if (SELF_MATCH.has(cls.solid?.name ?? '') && cls.solid === cls) {
        if (nargs > 1) raise(typeErrorType, `${cls.name}() accepts 1 positional sub-pattern (${nargs} given)`);
        out.push(subject);
      } else {
        raise(typeErrorType, `${cls.name}() accepts 0 positional sub-patterns (${nargs} given)`);
      }
    } else {
      if (!(ma instanceof PyTuple)) raise(typeErrorType, `${cls.name}.__match_args__ must be a tuple (got ${ma.type.name})`);
      if (nargs > ma.items.length) {
        raise(typeErrorType, `${cls.name}() accepts ${ma.items.length} positional sub-pattern${ma.items.length === 1 ? '' : 's'} (${nargs} given)`);
      }
      for (let i = 0; i < nargs; i++) {
        const name = (ma.items[i] as PyStr).value;
        seen.add(name);
        const v = getAttrOpt(subject, name);
        if (v === undefined) return None;
        out.push(v);
      }
    }
  }
  for (const k of kwNames.items) {
    const name = (k as PyStr).value;
    if (seen.has(name)) raise(typeErrorType, `${cls.name}() got multiple sub-patterns for attribute '${name}'`);
    seen.add(name);
    const v = getAttrOpt(subject, name);
    if (v === undefined) return None;
    out.push(v);
  }
  return newTuple(out);
}
