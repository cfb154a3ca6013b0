// contextlib, natively: contextmanager (the _GeneratorContextManager protocol), suppress,
// nullcontext, closing and ExitStack. CPython counterpart: Lib/contextlib.py.
import { PyError, raise } from '../errors.js';
import { None, PyObject, PyType, builtinType } from '../objects/object.js';
import { pyBool } from '../objects/int.js';
import { PyModule } from '../objects/module.js';
import { PyBuiltin, builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { PyBaseException, attributeErrorType, runtimeErrorType, stopIterationType, typeErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttr, getAttrOpt, lookupSpecial } from '../protocols/getattr.js';
import { str } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';

function contextlibType(name: string): PyType {
  const t = builtinType(name);
  t.module = 'contextlib';
  return t;
}

const generatorCMType = contextlibType('_GeneratorContextManager');
const suppressType = contextlibType('suppress');
const nullcontextType = contextlibType('nullcontext');
const closingType = contextlibType('closing');
const exitStackType = contextlibType('ExitStack');

class PyGeneratorCM extends PyObject {
  /** __enter__ deletes self.args (and friends): a second __enter__ fails on that */
  entered = false;
  constructor(
    readonly gen: PyObject,
    readonly func: PyObject,
    readonly args: PyObject[],
    readonly kw: Kwargs | null,
  ) {
    super(generatorCMType);
  }
}

class PyHolder extends PyObject {
  constructor(
    type: PyType,
    readonly held: PyObject[],
  ) {
    super(type);
  }
}

function isExc(e: unknown): e is PyError {
  return e instanceof PyError;
}

/** _GeneratorContextManager.__exit__ */
function generatorExit(cm: PyGeneratorCM, typ: PyObject, value: PyObject, tb: PyObject): PyObject {
  const gen = cm.gen;
  if (typ === None) {
    try {
      callObject(getAttr(gen, '__next__'), [], null);
    } catch (e) {
      if (isExc(e) && e.exc.type.isSubtype(stopIterationType)) return pyBool(false);
      throw e;
    }
    raise(runtimeErrorType, "generator didn't stop");
  }
  if (value === None) value = callObject(typ, [], null);
  try {
    callObject(getAttr(gen, 'throw'), [value], null);
  } catch (e) {
    if (!isExc(e)) throw e;
    const exc = e.exc;
    if (exc.type.isSubtype(stopIterationType)) return pyBool(exc !== value);
    if (exc.type.isSubtype(runtimeErrorType)) {
      if (exc === value) {
        (exc as PyBaseException).traceback = tb === None ? null : tb;
        return pyBool(false);
      }
      if (value.type.isSubtype(stopIterationType) && (exc as PyBaseException).cause === value) {
        (value as PyBaseException).traceback = tb === None ? null : tb;
        return pyBool(false);
      }
      throw e;
    }
    if (exc !== value) throw e;
    (exc as PyBaseException).traceback = tb === None ? null : tb;
    return pyBool(false);
  }
  raise(runtimeErrorType, "generator didn't stop after throw()");
}

/** ExitStack's callbacks: each takes (type, value, tb) and returns whether it suppressed. */
type ExitCallback = (details: PyObject[]) => boolean;
const stacks = new WeakMap<PyObject, ExitCallback[]>();

function callbacksOf(o: PyObject): ExitCallback[] {
  let cbs = stacks.get(o);
  if (cbs === undefined) {
    cbs = [];
    stacks.set(o, cbs);
  }
  return cbs;
}

/** ExitStack.__exit__: unwind the callbacks LIFO; a callback's exception replaces the pending one. */
function exitStackExit(self: PyObject, details: PyObject[]): boolean {
  const received = details[0] !== None;
  const cbs = callbacksOf(self);
  let suppressed = false;
  let pending: PyError | null = null;
  while (cbs.length > 0) {
    const cb = cbs.pop()!;
    try {
      if (cb(details)) {
        suppressed = true;
        pending = null;
        details = [None, None, None];
      }
    } catch (e) {
      if (!isExc(e)) throw e;
      const exc = e.exc as PyBaseException;
      if (details[1] !== None && exc !== details[1] && exc.context === null) exc.context = details[1]!;
      pending = e;
      details = [exc.type, exc, exc.traceback ?? None];
    }
  }
  if (pending !== null) throw pending;
  return received && suppressed;
}

function enterContext(self: PyObject, cm: PyObject): PyObject {
  const enter = lookupSpecial(cm, '__enter__');
  const exit = lookupSpecial(cm, '__exit__');
  if (enter === undefined || exit === undefined) {
    raise(typeErrorType, `'${cm.type.module === 'builtins' ? '' : cm.type.module + '.'}${cm.type.qualname}' object does not support the context manager protocol`);
  }
  const result = callObject(enter, [], null);
  callbacksOf(self).push((d) => isTrue(callObject(exit, d, null)));
  return result;
}

export function makeContextlib(): PyModule {
  const m = new PyModule('contextlib');
  const d = m.dict;

  defMethod(generatorCMType, '__enter__', (a) => {
    const cm = a[0] as PyGeneratorCM;
    if (cm.entered) raise(attributeErrorType, "'_GeneratorContextManager' object has no attribute 'args'");
    cm.entered = true;
    try {
      return callObject(getAttr(cm.gen, '__next__'), [], null);
    } catch (e) {
      if (isExc(e) && e.exc.type.isSubtype(stopIterationType)) raise(runtimeErrorType, "generator didn't yield");
      throw e;
    }
  });
  // ContextDecorator.__call__: each call of the decorated function runs in a recreated manager
  defMethod(generatorCMType, '__call__', (a) => {
    const cm = a[0] as PyGeneratorCM;
    const fn = a[1]!;
    const name = getAttrOpt(fn, '__name__');
    return new PyBuiltin(name !== undefined ? str(name) : 'inner', (args, kw) => {
      const fresh = new PyGeneratorCM(callObject(cm.func, cm.args, cm.kw), cm.func, cm.args, cm.kw);
      const enter = generatorCMType.lookup('__enter__')!;
      const exit = generatorCMType.lookup('__exit__')!;
      callObject(enter, [fresh], null);
      let result: PyObject;
      try {
        result = callObject(fn, args, kw);
      } catch (e) {
        if (!isExc(e)) throw e;
        const exc = e.exc;
        if (!isTrue(callObject(exit, [fresh, exc.type, exc, None], null))) throw e;
        return None;
      }
      callObject(exit, [fresh, None, None, None], null);
      return result;
    });
  });
  defMethod(generatorCMType, '__exit__', (a) => generatorExit(a[0] as PyGeneratorCM, a[1] ?? None, a[2] ?? None, a[3] ?? None));
  d.setStr(
    'contextmanager',
    builtinFunction('contextmanager', (a) => {
      const func = a[0]!;
      const name = getAttrOpt(func, '__name__');
      return new PyBuiltin(name !== undefined ? str(name) : 'helper', (args: PyObject[], kw: Kwargs | null) => new PyGeneratorCM(callObject(func, args, kw), func, args, kw));
    }),
  );

  defMethod(suppressType, '__new__', (a) => new PyHolder(suppressType, a.slice(1)));
  defMethod(suppressType, '__enter__', () => None);
  defMethod(suppressType, '__exit__', (a) => {
    const typ = a[1] ?? None;
    if (typ === None) return pyBool(false);
    return pyBool((a[0] as PyHolder).held.some((t) => t instanceof PyType && (typ as PyType).isSubtype(t)));
  });
  d.setStr('suppress', suppressType);

  defMethod(nullcontextType, '__new__', (a) => new PyHolder(nullcontextType, [a[1] ?? None]));
  defMethod(nullcontextType, '__enter__', (a) => (a[0] as PyHolder).held[0]!);
  defMethod(nullcontextType, '__exit__', () => None);
  d.setStr('nullcontext', nullcontextType);

  defMethod(closingType, '__new__', (a) => new PyHolder(closingType, [a[1]!]));
  defMethod(closingType, '__enter__', (a) => (a[0] as PyHolder).held[0]!);
  defMethod(closingType, '__exit__', (a) => {
    callObject(getAttr((a[0] as PyHolder).held[0]!, 'close'), [], null);
    return None;
  });
  d.setStr('closing', closingType);

  const es = exitStackType;
  defMethod(es, '__new__', (a) => new PyHolder(a[0] as PyType, []));
  defMethod(es, '__init__', () => None);
  defMethod(es, '__enter__', (a) => a[0]!);
  defMethod(es, '__exit__', (a) => pyBool(exitStackExit(a[0]!, [a[1] ?? None, a[2] ?? None, a[3] ?? None])));
  defMethod(es, 'enter_context', (a) => enterContext(a[0]!, a[1]!));
  defMethod(es, 'callback', (a, kw) => {
    const fn = a[1]!;
    const args = a.slice(2);
    callbacksOf(a[0]!).push(() => {
      callObject(fn, args, kw);
      return false;
    });
    return fn;
  });
  defMethod(es, 'push', (a) => {
    const exit = a[1]!;
    const bound = lookupSpecial(exit, '__exit__');
    callbacksOf(a[0]!).push((det) => isTrue(callObject(bound ?? exit, det, null)));
    return exit;
  });
  defMethod(es, 'close', (a) => {
    exitStackExit(a[0]!, [None, None, None]);
    return None;
  });
  defMethod(es, 'pop_all', (a) => {
    const fresh = new PyHolder(exitStackType, []);
    const cbs = callbacksOf(a[0]!);
    callbacksOf(fresh).push(...cbs.splice(0));
    return fresh;
  });
  d.setStr('ExitStack', es);
  return m;
}
