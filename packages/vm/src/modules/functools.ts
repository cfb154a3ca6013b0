// functools, natively: reduce, partial, lru_cache/cache, wraps, update_wrapper, cmp_to_key,
// total_ordering. CPython counterpart: Modules/_functoolsmodule.c, Lib/functools.py.
import { raise } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType, objectType, typeType } from '../objects/object.js';
import { False, True, intFromNumber, PyInt, pyBool } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { PyFunction, PyMethod } from '../objects/function.js';
import { namedtuple } from './collections.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttrOpt, setAttr, descrGet } from '../protocols/getattr.js';
import { getIter, iterNext } from '../protocols/iter.js';
import { repr } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';
import { richCompareBool, CMP_EQ, CMP_LT } from '../protocols/compare.js';
import { typeNew } from '../objects/type.js';
import { initSingleDispatch, singledispatch, singleDispatchMethodType } from './singledispatch.js';

export const partialType = builtinType('partial');
partialType.module = 'functools';
export const lruWrapperType = builtinType('_lru_cache_wrapper', undefined, 0);
lruWrapperType.module = 'functools';

class PyPartial extends PyObject {
  func: PyObject;
  args: PyObject[];
  keywords: Map<string, PyObject>;
  constructor(type: PyType, func: PyObject, args: PyObject[], keywords: Map<string, PyObject>) {
    super(type);
    this.func = func;
    this.args = args;
    this.keywords = keywords;
    this.dict = new PyDict();
  }
}

class PyLruWrapper extends PyObject {
  func: PyObject;
  cache: PyDict;
  order: PyObject[];
  maxsize: number | null;
  hits: number;
  misses: number;
  typed: boolean;
  constructor(func: PyObject, maxsize: number | null, typed: boolean) {
    super(lruWrapperType);
    this.func = func;
    this.cache = new PyDict();
    this.order = [];
    this.maxsize = maxsize;
    this.hits = 0;
    this.misses = 0;
    this.typed = typed;
    this.dict = new PyDict();
  }
}

const WRAPPER_ASSIGNMENTS = ['__module__', '__name__', '__qualname__', '__doc__'];

function updateWrapper(wrapper: PyObject, wrapped: PyObject): PyObject {
  for (const name of WRAPPER_ASSIGNMENTS) {
    const v = getAttrOpt(wrapped, name);
    if (v !== undefined) {
      try {
        setAttr(wrapper, name, v);
      } catch {
        /* read-only attributes are skipped, as functools does for missing ones */
      }
    }
  }
  const wd = getAttrOpt(wrapper, '__dict__');
  const src = getAttrOpt(wrapped, '__dict__');
  if (wd instanceof PyDict && src instanceof PyDict) for (const [k, v] of src.entries()) wd.set(k, v);
  setAttr(wrapper, '__wrapped__', wrapped);
  return wrapper;
}

function cacheKey(args: PyObject[], kw: Kwargs | null, typed: boolean): PyObject {
  const items = args.slice();
  if (kw && kw.size) {
    items.push(KWD_MARK);
    for (const [k, v] of kw) items.push(newStr(k), v);
  }
  if (typed) for (const a of args) items.push(a.type);
  if (items.length === 1 && (items[0] instanceof PyInt || items[0] instanceof PyStr)) return items[0]!;
  return newTuple(items);
}
const KWD_MARK = new PyObject(builtinType('_kwd_mark', undefined, 0));

function lruCall(w: PyLruWrapper, args: PyObject[], kw: Kwargs | null): PyObject {
  const key = cacheKey(args, kw, w.typed);
  const hit = w.cache.get(key);
  if (hit !== undefined) {
    w.hits++;
    if (w.maxsize !== null) {
      const i = w.order.findIndex((k) => k === key || richCompareBool(k, key, CMP_EQ));
      if (i >= 0) w.order.push(w.order.splice(i, 1)[0]!);
    }
    return hit;
  }
  w.misses++;
  const r = callObject(w.func, args, kw);
  if (w.maxsize === 0) return r;
  w.cache.set(key, r);
  if (w.maxsize !== null) {
    w.order.push(key);
    if (w.order.length > w.maxsize) w.cache.delete(w.order.shift()!);
  }
  return r;
}

function lruCache(maxsize: number | null, typed: boolean): PyObject {
  return builtinFunction('decorating_function', (a) => {
    const w = new PyLruWrapper(a[0]!, maxsize, typed);
    return updateWrapper(w, a[0]!);
  });
}

function initTypes(): void {
  defMethod(partialType, '__new__', (a, kw) => {
    if (a.length < 2) raise(typeErrorType, 'type \'partial\' takes at least one argument');
    let func = a[1]!;
    let args = a.slice(2);
    const keywords = new Map<string, PyObject>();
    if (func instanceof PyPartial) {
      args = [...func.args, ...args];
      for (const [k, v] of func.keywords) keywords.set(k, v);
      func = func.func;
    }
    if (getAttrOpt(func, '__call__') === undefined) raise(typeErrorType, 'the first argument must be callable');
    if (kw) for (const [k, v] of kw) keywords.set(k, v);
    return new PyPartial(a[0] as PyType, func, args, keywords);
  });
  defMethod(partialType, '__call__', (a, kw) => {
    const p = a[0] as PyPartial;
    let merged: Map<string, PyObject> | null = p.keywords.size ? new Map(p.keywords) : null;
    if (kw && kw.size) {
      merged ??= new Map();
      for (const [k, v] of kw) merged.set(k, v);
    }
    return callObject(p.func, [...p.args, ...a.slice(1)], merged);
  });
  defMethod(partialType, '__repr__', (a) => {
    const p = a[0] as PyPartial;
    const parts = [repr(p.func), ...p.args.map(repr), ...[...p.keywords].map(([k, v]) => `${k}=${repr(v)}`)];
    return newStr(`functools.partial(${parts.join(', ')})`);
  });
  defMethod(partialType, '__get__', (a) => a[0]!);
  defGetSet(partialType, 'func', (o) => (o as PyPartial).func);
  defGetSet(partialType, 'args', (o) => newTuple((o as PyPartial).args));
  defGetSet(partialType, 'keywords', (o) => {
    const d = new PyDict();
    for (const [k, v] of (o as PyPartial).keywords) d.setStr(k, v);
    return d;
  });

  const lw = lruWrapperType;
  defMethod(lw, '__call__', (a, kw) => lruCall(a[0] as PyLruWrapper, a.slice(1), kw));
  defMethod(lw, '__get__', (a) => {
    const obj = a[1];
    if (obj === undefined || obj === None) return a[0]!;
    return new PyMethod(a[0]!, obj);
  });
  let cacheInfo: PyObject | null = null;
  defMethod(lw, 'cache_info', (a) => {
    const w = a[0] as PyLruWrapper;
    cacheInfo ??= namedtuple([newStr('CacheInfo'), newStr('hits misses maxsize currsize')], new Map([['module', newStr('functools')]]));
    const vals = [intFromNumber(w.hits), intFromNumber(w.misses), w.maxsize === null ? None : intFromNumber(w.maxsize), intFromNumber(w.cache.size)];
    return callObject(cacheInfo, vals, null);
  });
  defMethod(lw, 'cache_clear', (a) => {
    const w = a[0] as PyLruWrapper;
    w.cache.clear();
    w.order = [];
    w.hits = w.misses = 0;
    return None;
  });
  defMethod(lw, '__repr__', (a) => newStr(`<functools._lru_cache_wrapper object>`));
}


/** functools.cached_property: a non-data descriptor that stores its result in the instance dict. */
const cachedPropertyType = builtinType('cached_property');
cachedPropertyType.module = 'functools';

class PyCachedProperty extends PyObject {
  attrname: string | null = null;
  constructor(
    readonly func: PyObject,
    type: PyType,
  ) {
    super(type);
  }
}

function initCachedProperty(): void {
  const t = cachedPropertyType;
  defMethod(t, '__new__', (a) => new PyCachedProperty(a[1] ?? None, a[0] as PyType));
  defMethod(t, '__init__', () => None);
  defMethod(t, '__set_name__', (a) => {
    const cp = a[0] as PyCachedProperty;
    const name = (a[2] as PyStr).value;
    if (cp.attrname === null) cp.attrname = name;
    else if (cp.attrname !== name) {
      raise(typeErrorType, `Cannot assign the same cached_property to two different names (${repr(newStr(cp.attrname))} and ${repr(a[2]!)}).`);
    }
    return None;
  });
  defMethod(t, '__get__', (a) => {
    const cp = a[0] as PyCachedProperty;
    const obj = a[1]!;
    if (obj === None) return cp;
    if (cp.attrname === null) raise(typeErrorType, 'Cannot use cached_property instance without calling __set_name__ on it.');
    const d = obj.dict;
    if (!(d instanceof PyDict)) {
      raise(typeErrorType, `No '__dict__' attribute on ${repr(newStr(obj.type.name))} instance to cache ${repr(newStr(cp.attrname))} property.`);
    }
    const hit = d.getStr(cp.attrname);
    if (hit !== undefined) return hit;
    const v = callObject(cp.func, [obj], null);
    d.setStr(cp.attrname, v);
    return v;
  });
  defGetSet(t, 'func', (o) => (o as PyCachedProperty).func);
  defGetSet(t, 'attrname', (o) => ((o as PyCachedProperty).attrname === null ? None : newStr((o as PyCachedProperty).attrname!)));
  defGetSet(t, '__doc__', (o) => getAttrOpt((o as PyCachedProperty).func, '__doc__') ?? None);
}

export const partialMethodType = builtinType('partialmethod');
partialMethodType.module = 'functools';

/** functools.partialmethod: a partial whose first argument is bound by attribute access. */
function initPartialMethod(): void {
  const t = partialMethodType;
  defMethod(t, '__new__', (a, kw) => {
    if (a.length < 2) raise(typeErrorType, "partialmethod() missing 1 required positional argument: 'func'");
    const func = a[1]!;
    if (getAttrOpt(func, '__call__') === undefined && getAttrOpt(func, '__get__') === undefined) {
      raise(typeErrorType, `${repr(func)} is not callable or a descriptor`);
    }
    return new PyPartial(a[0] as PyType, func, a.slice(2), new Map(kw ?? []));
  });
  defMethod(t, '__get__', (a) => {
    const pm = a[0] as PyPartial;
    const obj = a[1] === undefined || a[1] === None ? null : a[1];
    const cls = (a[2] === undefined || a[2] === None ? obj?.type : a[2]) as PyType | undefined;
    const get = getAttrOpt(pm.func, '__get__');
    if (get !== undefined) {
      const bound = callObject(get, [obj ?? None, cls ?? None], null);
      if (bound !== pm.func) return new PyPartial(partialType, bound, pm.args, new Map(pm.keywords));
    }
    // _make_unbound_method: the first positional argument becomes self
    return builtinFunction('_method', (args, kw) => {
      const merged = new Map(pm.keywords);
      if (kw) for (const [k, v] of kw) merged.set(k, v);
      return callObject(pm.func, [args[0]!, ...pm.args, ...args.slice(1)], merged.size ? merged : null);
    });
  });
  defGetSet(t, 'func', (o) => (o as PyPartial).func);
  defGetSet(t, 'args', (o) => newTuple((o as PyPartial).args));
  defMethod(t, '__repr__', (a) => {
    const p = a[0] as PyPartial;
    const parts = [repr(p.func), ...p.args.map(repr), ...[...p.keywords].map(([k, v]) => `${k}=${repr(v)}`)];
    return newStr(`functools.partialmethod(${parts.join(', ')})`);
  });
}

export function makeFunctools(): PyModule {
  initPartialMethod();
  initCachedProperty();
  initTypes();
  const m = new PyModule('functools');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  d.setStr('partial', partialType);
  d.setStr('partialmethod', partialMethodType);
  d.setStr('cached_property', cachedPropertyType);
  initSingleDispatch();
  def('singledispatch', (a) => singledispatch(a[0]!, updateWrapper));
  d.setStr('singledispatchmethod', singleDispatchMethodType);
  def('reduce', (a) => {
    if (a.length < 2) raise(typeErrorType, `reduce expected at least 2 arguments, got ${a.length}`);
    const fn = a[0]!;
    if (a[1]!.type.lookup('__iter__') === undefined && a[1]!.type.lookup('__getitem__') === undefined) raise(typeErrorType, 'reduce() arg 2 must support iteration');
    const it = getIter(a[1]!);
    let acc: PyObject | null = a.length > 2 ? a[2]! : null;
    for (let v = iterNext(it); v !== null; v = iterNext(it)) acc = acc === null ? v : callObject(fn, [acc, v], null);
    if (acc === null) raise(typeErrorType, 'reduce() of empty iterable with no initial value');
    return acc;
  });
  def('lru_cache', (a, kw) => {
    const first = a[0] ?? kw?.get('maxsize');
    const typed = isTrue(a[1] ?? kw?.get('typed') ?? False);
    if (first instanceof PyFunction) return callObject(lruCache(128, typed), [first], null);
    let maxsize: number | null = 128;
    if (first === None) maxsize = null;
    else if (first instanceof PyInt) maxsize = Math.max(0, Number(first.value));
    else if (first !== undefined) raise(typeErrorType, 'Expected first argument to be an integer, a callable, or None');
    return lruCache(maxsize, typed);
  });
  def('cache', (a) => callObject(lruCache(null, false), [a[0]!], null));
  def('update_wrapper', (a) => updateWrapper(a[0]!, a[1]!));
  def('wraps', (a) => {
    const wrapped = a[0]!;
    return builtinFunction('decorator', (b) => updateWrapper(b[0]!, wrapped));
  });
  def('cmp_to_key', (a) => {
    const cmp = a[0]!;
    const ns = new PyDict();
    ns.setStr('__module__', newStr('functools'));
    ns.setStr('__qualname__', newStr('K'));
    const K = typeNew(typeType, 'K', [], ns, null);
    defMethod(K, '__init__', (b) => {
      (b[0]!.dict as PyDict).setStr('obj', b[1]!);
      return None;
    });
    const cmpOf = (x: PyObject, y: PyObject): number => {
      const r = callObject(cmp, [(x.dict as PyDict).getStr('obj')!, (y.dict as PyDict).getStr('obj')!], null);
      if (!(r instanceof PyInt)) raise(typeErrorType, 'comparison function must return int');
      return Number(r.value);
    };
    const ops: [string, (c: number) => boolean][] = [
      ['__lt__', (c) => c < 0], ['__gt__', (c) => c > 0], ['__eq__', (c) => c === 0],
      ['__le__', (c) => c <= 0], ['__ge__', (c) => c >= 0], ['__ne__', (c) => c !== 0],
    ];
    for (const [name, test] of ops) defMethod(K, name, (b) => pyBool(test(cmpOf(b[0]!, b[1]!))));
    K.attrs.set('__hash__', None);
    return K;
  });
  def('total_ordering', (a) => {
    const cls = a[0] as PyType;
    const has = (n: string) => cls.lookup(n) !== undefined && cls.lookup(n) !== builtinObjectSlot(n);
    const roots = ['__lt__', '__le__', '__gt__', '__ge__'].filter(has);
    if (roots.length === 0) raise(valueErrorType, 'must define at least one ordering operation: < > <= >=');
    const root = roots.includes('__lt__') ? '__lt__' : roots[0]!;
    const call = (n: string, x: PyObject, y: PyObject) => callObject(descrGet(cls.lookup(n)!, x, x.type), [y], null);
    const eq = (x: PyObject, y: PyObject) => richCompareBool(x, y, CMP_EQ);
    const derived: Record<string, Record<string, (x: PyObject, y: PyObject) => PyObject>> = {
      __lt__: {
        __gt__: (x, y) => { const r = call('__lt__', x, y); return r === NotImplemented ? r : pyBool(!isTrue(r) && !eq(x, y)); },
        __le__: (x, y) => { const r = call('__lt__', x, y); return r === NotImplemented ? r : pyBool(isTrue(r) || eq(x, y)); },
        __ge__: (x, y) => { const r = call('__lt__', x, y); return r === NotImplemented ? r : pyBool(!isTrue(r)); },
      },
      __le__: {
        __ge__: (x, y) => { const r = call('__le__', x, y); return r === NotImplemented ? r : pyBool(!isTrue(r) || eq(x, y)); },
        __lt__: (x, y) => { const r = call('__le__', x, y); return r === NotImplemented ? r : pyBool(isTrue(r) && !eq(x, y)); },
        __gt__: (x, y) => { const r = call('__le__', x, y); return r === NotImplemented ? r : pyBool(!isTrue(r)); },
      },
      __gt__: {
        __lt__: (x, y) => { const r = call('__gt__', x, y); return r === NotImplemented ? r : pyBool(!isTrue(r) && !eq(x, y)); },
        __ge__: (x, y) => { const r = call('__gt__', x, y); return r === NotImplemented ? r : pyBool(isTrue(r) || eq(x, y)); },
        __le__: (x, y) => { const r = call('__gt__', x, y); return r === NotImplemented ? r : pyBool(!isTrue(r)); },
      },
      __ge__: {
        __le__: (x, y) => { const r = call('__ge__', x, y); return r === NotImplemented ? r : pyBool(!isTrue(r) || eq(x, y)); },
        __gt__: (x, y) => { const r = call('__ge__', x, y); return r === NotImplemented ? r : pyBool(isTrue(r) && !eq(x, y)); },
        __lt__: (x, y) => { const r = call('__ge__', x, y); return r === NotImplemented ? r : pyBool(!isTrue(r)); },
      },
    };
    for (const [name, fn] of Object.entries(derived[root]!)) {
      if (!roots.includes(name)) defMethod(cls, name, (b) => fn(b[0]!, b[1]!));
    }
    return cls;
  });
  void True;
  void PyTuple;
  void CMP_LT;
  return m;
}

function builtinObjectSlot(name: string): PyObject | undefined {
  return objectType.attrs.get(name);
}
