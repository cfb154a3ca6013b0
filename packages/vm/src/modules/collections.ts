// collections: defaultdict, Counter, OrderedDict, deque, namedtuple — natively, with CPython's
// reprs and error texts. CPython counterpart: Modules/_collectionsmodule.c (deque, defaultdict),
// Lib/collections/__init__.py (Counter, OrderedDict, namedtuple).
import { raise, PyError } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType, TPFLAGS_BASETYPE, TPFLAGS_SEQUENCE } from '../objects/object.js';
import { PyInt, intFromNumber, newInt, pyBool, True, False } from '../objects/int.js';
import { PyStr, newStr } from '../objects/str.js';
import { PyTuple, newTuple, tupleType } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyDict, dictType } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { PyClassMethod, defGetSet } from '../objects/descr.js';
import { PyNativeIter, seqIteratorType } from '../objects/iterators.js';
import { attributeErrorType, indexErrorType, keyErrorType, notImplementedErrorType, runtimeErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { dictUpdateFrom } from '../objects/dict-methods.js';
import { sortItems } from '../objects/list-methods.js';
import { typeNew } from '../objects/type.js';
import { repr, str, withReprGuard } from '../protocols/repr.js';
import { callObject } from '../protocols/call.js';
import { getIter, iterNext, toArray } from '../protocols/iter.js';
import { binaryOp, NB_ADD, asJsIndex } from '../protocols/number.js';
import { pyEq, richCompareBool, cmpResult, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE } from '../protocols/compare.js';
import { keyError } from '../protocols/sequence.js';
import { isTrue } from '../protocols/truth.js';
import { getAttr, getAttrOpt } from '../protocols/getattr.js';
import { objectGetState } from '../objects/object-reduce.js';
import { ts } from '../eval/state.js';
import { makeChainMap } from './chainmap.js';
import { PyTupleGetter } from './tuplegetter.js';

function collectionsType(name: string, base?: PyType): PyType {
  const t = builtinType(name, base, TPFLAGS_BASETYPE);
  t.module = 'collections';
  if (base) t.solid = base.solid;
  return t;
}

export const defaultDictType = collectionsType('defaultdict', dictType);
export const counterType = collectionsType('Counter', dictType);
export const orderedDictType = collectionsType('OrderedDict', dictType);
export const dequeType = collectionsType('deque');
for (const t of [defaultDictType, orderedDictType, dequeType]) t.tpName = `collections.${t.name}`;
dequeType.flags |= TPFLAGS_SEQUENCE;

class PyDefaultDict extends PyDict {
  factory: PyObject;
  constructor(type: PyType) {
    super(type);
    this.factory = None;
  }
}

export class PyDeque extends PyObject {
  items: PyObject[];
  maxlen: number | null;
  constructor(type: PyType) {
    super(type);
    this.items = [];
    this.maxlen = null;
  }
}

function dictBody(d: PyDict): string {
  const parts: string[] = [];
  for (const [k, v] of d.entries()) parts.push(`${repr(k)}: ${repr(v)}`);
  return `{${parts.join(', ')}}`;
}

/** Counter.most_common(): items by count, highest first, ties in insertion order. */
function mostCommon(d: PyDict): PyObject[] {
  const items = [...d.entries()].map(([k, v]) => newTuple([k, v]));
  const keys = items.map((t) => (t as PyTuple).items[1]!);
  sortItems(items, keys, true);
  return items;
}

function counterAdd(d: PyDict, iterable: PyObject | undefined, kw: Kwargs | null, sign: 1 | -1): void {
  if (iterable !== undefined && iterable !== None) {
    if (iterable instanceof PyDict) {
      for (const [k, v] of iterable.entries()) {
        const cur = d.get(k) ?? intFromNumber(0);
        d.set(k, sign === 1 ? binaryOp(cur, v, NB_ADD) : binaryOp(cur, v, 10));
      }
    } else {
      const it = getIter(iterable);
      for (let v = iterNext(it); v !== null; v = iterNext(it)) {
        const cur = d.get(v) ?? intFromNumber(0);
        d.set(v, binaryOp(cur, intFromNumber(sign), NB_ADD));
      }
    }
  }
  if (kw) for (const [k, v] of kw) {
    const key = newStr(k);
    const cur = d.get(key) ?? intFromNumber(0);
    d.set(key, sign === 1 ? binaryOp(cur, v, NB_ADD) : binaryOp(cur, v, 10));
  }
}

function counterFrom(pairs: Iterable<[PyObject, PyObject]>, keep: (v: PyObject) => boolean): PyDict {
  const out = new PyDict(counterType);
  for (const [k, v] of pairs) if (keep(v)) out.set(k, v);
  return out;
}

const positive = (v: PyObject) => richCompareBool(v, intFromNumber(0), CMP_GT);

let initialized = false;
/** Install the methods of deque, defaultdict, OrderedDict and Counter (once). */
export function initCollectionTypes(): void {
  if (initialized) return;
  initialized = true;
  // defaultdict
  const dd = defaultDictType;
  defMethod(dd, '__new__', (a) => new PyDefaultDict(a[0] as PyType));
  defMethod(dd, '__init__', (a, kw) => {
    const self = a[0] as PyDefaultDict;
    const factory = a[1] ?? None;
    if (factory !== None && getAttrOpt(factory, '__call__') === undefined) {
      raise(typeErrorType, 'first argument must be callable or None');
    }
    self.factory = factory;
    dictUpdateFrom(self, a[2], kw);
    return None;
  });
  defMethod(dd, '__missing__', (a) => {
    const self = a[0] as PyDefaultDict;
    if (self.factory === None) keyError(a[1]!);
    const v = callObject(self.factory, [], null);
    self.set(a[1]!, v);
    return v;
  });
  defMethod(dd, '__repr__', (a) => {
    const self = a[0] as PyDefaultDict;
    return newStr(`defaultdict(${repr(self.factory)}, ${withReprGuard(self, '{...}', () => dictBody(self))})`);
  });
  defMethod(dd, 'copy', (a) => {
    const self = a[0] as PyDefaultDict;
    const c = new PyDefaultDict(self.type);
    c.factory = self.factory;
    for (const [k, v] of self.entries()) c.set(k, v);
    return c;
  });
  // defdict_or: a defaultdict with the same factory
  const ddOr = (self: PyDefaultDict, left: PyObject, right: PyObject): PyObject => {
    const out = new PyDefaultDict(self.type);
    out.factory = self.factory;
    dictUpdateFrom(out, left, null);
    dictUpdateFrom(out, right, null);
    return out;
  };
  defMethod(dd, '__or__', (a) => (a[1] instanceof PyDict ? ddOr(a[0] as PyDefaultDict, a[0]!, a[1]) : NotImplemented));
  defMethod(dd, '__ror__', (a) => (a[1] instanceof PyDict ? ddOr(a[0] as PyDefaultDict, a[1], a[0]!) : NotImplemented));
  defGetSet(
    dd,
    'default_factory',
    (o) => (o as PyDefaultDict).factory,
    (o, v) => {
      (o as PyDefaultDict).factory = v ?? None;
    },
  );

  // Counter
  const c = counterType;
  defMethod(c, '__init__', (a, kw) => {
    counterAdd(a[0] as PyDict, a[1], kw, 1);
    return None;
  });
  defMethod(c, '__missing__', () => intFromNumber(0));
  defMethod(c, '__repr__', (a) => {
    const self = a[0] as PyDict;
    if (self.size === 0) return newStr(`${self.type.name}()`);
    const parts = mostCommon(self).map((t) => `${repr((t as PyTuple).items[0]!)}: ${repr((t as PyTuple).items[1]!)}`);
    return newStr(`${self.type.name}({${parts.join(', ')}})`);
  });
  defMethod(c, 'most_common', (a) => {
    const items = mostCommon(a[0] as PyDict);
    const n = a[1] === undefined || a[1] === None ? items.length : Math.max(0, asJsIndex(a[1]));
    return new PyList(items.slice(0, n));
  });
  defMethod(c, 'elements', (a) => {
    const out: PyObject[] = [];
    for (const [k, v] of (a[0] as PyDict).entries()) {
      const n = v instanceof PyInt ? Number(v.value) : 0;
      for (let i = 0; i < n; i++) out.push(k);
    }
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => (i < out.length ? out[i++]! : null));
  });
  defMethod(c, 'update', (a, kw) => {
    counterAdd(a[0] as PyDict, a[1], kw, 1);
    return None;
  });
  defMethod(c, 'subtract', (a, kw) => {
    counterAdd(a[0] as PyDict, a[1], kw, -1);
    return None;
  });
  defMethod(c, 'total', (a) => {
    let acc: PyObject = intFromNumber(0);
    for (const [, v] of (a[0] as PyDict).entries()) acc = binaryOp(acc, v, NB_ADD);
    return acc;
  });
  defMethod(c, 'copy', (a) => counterFrom((a[0] as PyDict).entries(), () => true));
  // +c keeps the positive counts, -c negates the negative ones (Counter.__pos__ / __neg__)
  // Counter equality (3.10+): missing elements count as zero
  defMethod(c, '__eq__', (a) => {
    const x = a[0] as PyDict;
    const y = a[1]!;
    if (!(y instanceof PyDict) || !y.type.isSubtype(counterType)) return NotImplemented;
    const zero = intFromNumber(0);
    for (const [p, q] of [[x, y], [y, x]] as const) {
      for (const [k, v] of p.entries()) if (!pyEq(v, q.get(k) ?? zero)) return pyBool(false);
    }
    return pyBool(true);
  });
  // Counter inclusion (3.10+): every count <= the other's, missing ones being zero
  const counterLe = (x: PyDict, y: PyDict): boolean => {
    const zero = intFromNumber(0);
    for (const [p, q] of [[x, y], [y, x]] as const) {
      for (const k of p.keyList()) if (!richCompareBool(x.get(k) ?? zero, y.get(k) ?? zero, CMP_LE)) return false;
      void q;
    }
    return true;
  };
  const counterCmp = (name: string, f: (x: PyDict, y: PyDict) => boolean) =>
    defMethod(c, name, (a) => {
      const y = a[1]!;
      if (!(y instanceof PyDict) || !y.type.isSubtype(counterType)) return NotImplemented;
      return pyBool(f(a[0] as PyDict, y));
    });
  const counterEq = (x: PyDict, y: PyDict) => counterLe(x, y) && counterLe(y, x);
  counterCmp('__ne__', (x, y) => !counterEq(x, y));
  counterCmp('__le__', counterLe);
  counterCmp('__lt__', (x, y) => counterLe(x, y) && !counterEq(x, y));
  counterCmp('__ge__', (x, y) => counterLe(y, x));
  counterCmp('__gt__', (x, y) => counterLe(y, x) && !counterEq(x, y));
  c.setAttr(
    'fromkeys',
    new PyClassMethod(
      builtinFunction('fromkeys', () => raise(notImplementedErrorType, 'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')),
    ),
  );
  defMethod(c, '__delitem__', (a) => {
    (a[0] as PyDict).delete(a[1]!); // a missing element is no error (Counter.__delitem__)
    return None;
  });
  defMethod(c, '__pos__', (a) => counterFrom((a[0] as PyDict).entries(), positive));
  defMethod(c, '__neg__', (a) => {
    const out = new PyDict(counterType);
    for (const [k, v] of (a[0] as PyDict).entries()) if (richCompareBool(v, intFromNumber(0), CMP_LT)) out.set(k, binaryOp(intFromNumber(0), v, 10));
    return out;
  });
  defMethod(c, '__add__', (a) => {
    if (!(a[1] instanceof PyDict) || !a[1].type.isSubtype(counterType)) return NotImplemented;
    const out = new PyDict(counterType);
    const x = a[0] as PyDict;
    const y = a[1];
    for (const [k, v] of x.entries()) {
      const s = binaryOp(v, y.get(k) ?? intFromNumber(0), NB_ADD);
      if (positive(s)) out.set(k, s);
    }
    for (const [k, v] of y.entries()) if (x.find(k) < 0 && positive(v)) out.set(k, v);
    return out;
  });
  defMethod(c, '__sub__', (a) => {
    if (!(a[1] instanceof PyDict) || !a[1].type.isSubtype(counterType)) return NotImplemented;
    const out = new PyDict(counterType);
    const x = a[0] as PyDict;
    const y = a[1];
    for (const [k, v] of x.entries()) {
      const s = binaryOp(v, y.get(k) ?? intFromNumber(0), 10);
      if (positive(s)) out.set(k, s);
    }
    for (const [k, v] of y.entries()) {
      if (x.find(k) < 0 && richCompareBool(v, intFromNumber(0), 0)) out.set(k, binaryOp(intFromNumber(0), v, 10));
    }
    return out;
  });
  defMethod(c, '__or__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const out = new PyDict(counterType);
    const x = a[0] as PyDict;
    const y = a[1];
    for (const [k, v] of x.entries()) {
      const w = y.get(k);
      const m = w !== undefined && richCompareBool(w, v, CMP_GT) ? w : v;
      if (positive(m)) out.set(k, m);
    }
    for (const [k, v] of y.entries()) if (x.find(k) < 0 && positive(v)) out.set(k, v);
    return out;
  });
  defMethod(c, '__and__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const out = new PyDict(counterType);
    const x = a[0] as PyDict;
    const y = a[1];
    for (const [k, v] of x.entries()) {
      const w = y.get(k);
      if (w === undefined) continue;
      const m = richCompareBool(w, v, 0) ? w : v;
      if (positive(m)) out.set(k, m);
    }
    return out;
  });

  // OrderedDict
  const od = orderedDictType;
  // odict_reduce: (type, (), state, None, items iterator)
  defMethod(od, '__reduce__', (a) => {
    const self = a[0]!;
    return newTuple([self.type, newTuple([]), objectGetState(self), None, getIter(callObject(getAttr(self, 'items'), [], null))]);
  });
  defMethod(od, '__repr__', (a) => {
    const self = a[0] as PyDict;
    if (self.size === 0) return newStr(`${self.type.name}()`);
    return newStr(
      withReprGuard(self, '...', () => {
        const parts = [...self.entries()].map(([k, v]) => `(${repr(k)}, ${repr(v)})`);
        return `${self.type.name}([${parts.join(', ')}])`;
      }),
    );
  });
  defMethod(od, 'move_to_end', (a, kw) => {
    const self = a[0] as PyDict;
    const key = a[1]!;
    const lastArg = a[2] ?? kw?.get('last');
    const last = lastArg === undefined || isTrue(lastArg);
    const v = self.delete(key);
    if (v === undefined) keyError(key);
    if (last) self.set(key, v);
    else {
      const rest = [...self.entries()];
      self.clear();
      self.set(key, v);
      for (const [k, w] of rest) self.set(k, w);
    }
    return None;
  });
  defMethod(od, 'popitem', (a, kw) => {
    const self = a[0] as PyDict;
    const lastArg = a[1] ?? kw?.get('last');
    const last = lastArg === undefined || isTrue(lastArg);
    const keys = self.keyList();
    if (keys.length === 0) raise(keyErrorType, 'dictionary is empty');
    const k = last ? keys[keys.length - 1]! : keys[0]!;
    const v = self.delete(k)!;
    return newTuple([k, v]);
  });
  defMethod(od, 'copy', (a) => callObject(a[0]!.type, [a[0]!], null));
  defMethod(od, '__or__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const out = callObject(a[0]!.type, [a[0]!], null) as PyDict;
    dictUpdateFrom(out, a[1], null);
    return out;
  });
  defMethod(od, '__ror__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const out = callObject(a[0]!.type, [a[1]], null) as PyDict;
    dictUpdateFrom(out, a[0]!, null);
    return out;
  });
  defMethod(od, '__eq__', (a) => {
    const x = a[0] as PyDict;
    const y = a[1];
    if (!(y instanceof PyDict)) return NotImplemented;
    const xs = [...x.entries()];
    const ys = [...y.entries()];
    if (xs.length !== ys.length) return False;
    if (y.type.isSubtype(orderedDictType)) {
      return pyBool(xs.every(([k, v], i) => pyEq(k, ys[i]![0]) && pyEq(v, ys[i]![1])));
    }
    return pyBool(xs.every(([k, v]) => {
      const w = y.get(k);
      return w !== undefined && pyEq(v, w);
    }));
  });

  // deque
  const dq = dequeType;
  const items = (o: PyObject) => (o as PyDeque).items;
  const trim = (d: PyDeque, fromLeft: boolean) => {
    if (d.maxlen === null) return;
    while (d.items.length > d.maxlen) {
      if (fromLeft) d.items.shift();
      else d.items.pop();
    }
  };
  defMethod(dq, '__new__', (a) => new PyDeque(a[0] as PyType));
  defMethod(dq, '__init__', (a, kw) => {
    const d = a[0] as PyDeque;
    if (a.length > 3) raise(typeErrorType, `deque() takes at most 2 arguments (${a.length - 1} given)`);
    const src = a[1] ?? kw?.get('iterable');
    const ml = a[2] ?? kw?.get('maxlen');
    if (ml !== undefined && ml !== None) {
      const n = asJsIndex(ml);
      if (n < 0) raise(valueErrorType, 'maxlen must be non-negative');
      d.maxlen = n;
    }
    d.items = src === undefined ? [] : toArray(src);
    trim(d, true);
    return None;
  });
  defMethod(dq, 'append', (a) => {
    items(a[0]!).push(a[1]!);
    trim(a[0] as PyDeque, true);
    return None;
  });
  defMethod(dq, 'appendleft', (a) => {
    items(a[0]!).unshift(a[1]!);
    trim(a[0] as PyDeque, false);
    return None;
  });
  defMethod(dq, 'extend', (a) => {
    for (const v of toArray(a[1]!)) items(a[0]!).push(v);
    trim(a[0] as PyDeque, true);
    return None;
  });
  defMethod(dq, 'extendleft', (a) => {
    for (const v of toArray(a[1]!)) items(a[0]!).unshift(v);
    trim(a[0] as PyDeque, false);
    return None;
  });
  defMethod(dq, 'pop', (a) => {
    const it = items(a[0]!);
    if (it.length === 0) raise(indexErrorType, 'pop from an empty deque');
    return it.pop()!;
  });
  defMethod(dq, 'popleft', (a) => {
    const it = items(a[0]!);
    if (it.length === 0) raise(indexErrorType, 'pop from an empty deque');
    return it.shift()!;
  });
  defMethod(dq, 'rotate', (a) => {
    const it = items(a[0]!);
    const n0 = a[1] === undefined ? 1 : asJsIndex(a[1]);
    if (it.length === 0) return None;
    const n = ((n0 % it.length) + it.length) % it.length;
    const moved = it.splice(it.length - n, n);
    it.unshift(...moved);
    return None;
  });
  defMethod(dq, 'clear', (a) => {
    items(a[0]!).length = 0;
    return None;
  });
  defMethod(dq, 'reverse', (a) => {
    items(a[0]!).reverse();
    return None;
  });
  defMethod(dq, 'count', (a) => intFromNumber(items(a[0]!).filter((v) => v === a[1] || pyEq(v, a[1]!)).length));
  defMethod(dq, 'index', (a) => {
    const i = items(a[0]!).findIndex((v) => v === a[1] || pyEq(v, a[1]!));
    if (i < 0) raise(valueErrorType, `${repr(a[1]!)} is not in deque`);
    return intFromNumber(i);
  });
  defMethod(dq, 'insert', (a) => {
    const dqo = a[0] as PyDeque;
    const it = items(dqo);
    if (dqo.maxlen !== null && it.length >= dqo.maxlen) raise(indexErrorType, 'deque already at its maximum size');
    let i = asJsIndex(a[1]!);
    if (i < 0) i = Math.max(0, i + it.length);
    it.splice(Math.min(i, it.length), 0, a[2]!);
    return None;
  });
  defMethod(dq, 'remove', (a) => {
    const it = items(a[0]!);
    const i = it.findIndex((v) => v === a[1] || pyEq(v, a[1]!));
    if (i < 0) raise(valueErrorType, `${repr(a[1]!)} is not in deque`);
    it.splice(i, 1);
    return None;
  });
  defMethod(dq, 'copy', (a) => {
    const d = new PyDeque(a[0]!.type);
    d.items = items(a[0]!).slice();
    d.maxlen = (a[0] as PyDeque).maxlen;
    return d;
  });
  const dequeOf = (like: PyDeque, vals: PyObject[]): PyDeque => {
    const d = new PyDeque(like.type);
    d.items = vals;
    d.maxlen = like.maxlen;
    trim(d, true);
    return d;
  };
  defMethod(dq, '__add__', (a) => {
    if (!(a[1] instanceof PyDeque)) raise(typeErrorType, `can only concatenate deque (not "${a[1]!.type.name}") to deque`);
    return dequeOf(a[0] as PyDeque, [...items(a[0]!), ...a[1].items]);
  });
  const repeat = (d: PyDeque, n: PyObject): PyObject[] => {
    const k = Math.max(0, asJsIndex(n));
    const out: PyObject[] = [];
    for (let i = 0; i < k; i++) out.push(...d.items);
    return out;
  };
  defMethod(dq, '__mul__', (a) => dequeOf(a[0] as PyDeque, repeat(a[0] as PyDeque, a[1]!)));
  defMethod(dq, '__rmul__', (a) => dequeOf(a[0] as PyDeque, repeat(a[0] as PyDeque, a[1]!)));
  defMethod(dq, '__iadd__', (a) => {
    const d = a[0] as PyDeque;
    for (const v of toArray(a[1]!)) d.items.push(v);
    trim(d, true);
    return d;
  });
  defMethod(dq, '__imul__', (a) => {
    const d = a[0] as PyDeque;
    d.items = repeat(d, a[1]!);
    trim(d, true);
    return d;
  });
  defMethod(dq, '__len__', (a) => intFromNumber(items(a[0]!).length));
  defMethod(dq, '__bool__', (a) => pyBool(items(a[0]!).length > 0));
  defMethod(dq, '__iter__', (a) => {
    const d = a[0] as PyDeque;
    const it = d.items;
    const n = it.length;
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => {
      // dequeiter_next: a change of size (or of the whole contents) ends the iteration with an error
      if (d.items !== it || it.length !== n) raise(runtimeErrorType, 'deque mutated during iteration');
      return i < it.length ? it[i++]! : null;
    });
  });
  defMethod(dq, '__reversed__', (a) => {
    const it = items(a[0]!);
    let i = it.length - 1;
    return new PyNativeIter(seqIteratorType, () => (i >= 0 ? it[i--]! : null));
  });
  defMethod(dq, '__contains__', (a) => pyBool(items(a[0]!).some((v) => v === a[1] || pyEq(v, a[1]!))));
  const index = (d: PyObject, k: PyObject): number => {
    const it = items(d);
    let i = asJsIndex(k);
    if (i < 0) i += it.length;
    if (i < 0 || i >= it.length) raise(indexErrorType, 'deque index out of range');
    return i;
  };
  defMethod(dq, '__getitem__', (a) => items(a[0]!)[index(a[0]!, a[1]!)]!);
  defMethod(dq, '__setitem__', (a) => {
    items(a[0]!)[index(a[0]!, a[1]!)] = a[2]!;
    return None;
  });
  defMethod(dq, '__delitem__', (a) => {
    items(a[0]!).splice(index(a[0]!, a[1]!), 1);
    return None;
  });
  defMethod(dq, '__eq__', (a) => {
    if (!(a[1] instanceof PyDeque)) return NotImplemented;
    const x = items(a[0]!);
    const y = a[1].items;
    return pyBool(x.length === y.length && x.every((v, i) => v === y[i] || pyEq(v, y[i]!)));
  });
  // deque_richcompare: the first differing items decide, else the lengths
  for (const [name, op] of [['__ne__', CMP_NE], ['__lt__', CMP_LT], ['__le__', CMP_LE], ['__gt__', CMP_GT], ['__ge__', CMP_GE]] as const) {
    defMethod(dq, name, (a) => {
      if (!(a[1] instanceof PyDeque)) return NotImplemented;
      const x = items(a[0]!).slice();
      const y = a[1].items.slice();
      let i = 0;
      while (i < x.length && i < y.length && (x[i] === y[i] || pyEq(x[i]!, y[i]!))) i++;
      if (i < x.length && i < y.length) {
        if (op === CMP_NE) return True;
        return pyBool(richCompareBool(x[i]!, y[i]!, op));
      }
      return pyBool(cmpResult(x.length - y.length, op));
    });
  }
  // deque_reduce: (type, () or ((), maxlen), state, iterator)
  defMethod(dq, '__reduce__', (a) => {
    const self = a[0] as PyDeque;
    const args = self.maxlen === null ? newTuple([]) : newTuple([newTuple([]), intFromNumber(self.maxlen)]);
    return newTuple([self.type, args, objectGetState(self), getIter(self)]);
  });
  defMethod(dq, '__repr__', (a) => {
    const d = a[0] as PyDeque;
    return newStr(
      withReprGuard(d, '[...]', () => {
        const body = `[${d.items.map(repr).join(', ')}]`;
        return d.maxlen === null ? `${d.type.name}(${body})` : `${d.type.name}(${body}, maxlen=${d.maxlen})`;
      }),
    );
  });
  dq.attrs.set('__hash__', None);
  defGetSet(dq, 'maxlen', (o) => ((o as PyDeque).maxlen === null ? None : intFromNumber((o as PyDeque).maxlen!)));
}

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** str.isidentifier(); the ASCII test first: the Unicode one is slow to compile and to run cold, and sys's struct sequences use it at every start-up. */
function isIdentifier(n: string): boolean {
  return ASCII_IDENTIFIER.test(n) || IDENTIFIER.test(n);
}

function checkIdentifier(n: string): void {
  if (!isIdentifier(n)) raise(valueErrorType, `Type names and field names must be valid identifiers: ${repr(newStr(n))}`);
  if (KEYWORDS.has(n)) raise(valueErrorType, `Type names and field names cannot be a keyword: ${repr(newStr(n))}`);
}

/** namedtuple's field names, validated (or, with rename, bad ones replaced by _index). */
function identifierList(o: PyObject, rename: boolean): string[] {
  const names = o instanceof PyStr ? o.value.replace(/,/g, ' ').split(/\s+/).filter(Boolean) : toArray(o).map((v) => str(v));
  if (rename) {
    const seen = new Set<string>();
    names.forEach((n, i) => {
      const bad = !isIdentifier(n) || KEYWORDS.has(n) || n.startsWith('_') || seen.has(n);
      if (bad) names[i] = `_${i}`;
      seen.add(names[i]!);
    });
  }
  for (const n of names) {
    checkIdentifier(n);
    if (n.startsWith('_') && !rename) raise(valueErrorType, `Field names cannot start with an underscore: ${repr(newStr(n))}`);
  }
  return names;
}

/** namedtuple(typename, field_names, *, defaults=None, module=None) */
export function namedtuple(a: PyObject[], kw: Kwargs | null): PyObject {
  const typename = a[0] ?? kw?.get('typename');
  const fieldsArg = a[1] ?? kw?.get('field_names');
  if (!(typename instanceof PyStr) || fieldsArg === undefined) raise(typeErrorType, "namedtuple() missing required argument 'field_names'");
  checkIdentifier(typename.value);
  const renameArg = kw?.get('rename');
  const fields = identifierList(fieldsArg, renameArg !== undefined && isTrue(renameArg));
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f)) raise(valueErrorType, `Encountered duplicate field name: ${repr(newStr(f))}`);
    seen.add(f);
  }
  const defaultsArg = kw?.get('defaults');
  const defaults = defaultsArg === undefined || defaultsArg === None ? [] : toArray(defaultsArg);
  const ns = new PyDict();
  const modName = kw?.get('module') ?? ts.frame?.globals.getStr('__name__') ?? newStr('__main__');
  ns.setStr('__module__', modName);
  ns.setStr('__qualname__', typename);
  ns.setStr('_fields', newTuple(fields.map(newStr)));
  ns.setStr('__match_args__', newTuple(fields.map(newStr)));
  ns.setStr('__slots__', newTuple([]));
  ns.setStr('__doc__', newStr(`${typename.value}(${fields.join(', ')})`));
  const fieldDefaults = new PyDict();
  defaults.forEach((v, i) => fieldDefaults.setStr(fields[fields.length - defaults.length + i]!, v));
  ns.setStr('_field_defaults', fieldDefaults);
  const cls = typeNew(tupleType.type as PyType, typename.value, [tupleType], ns, null);
  const name = typename.value;
  const nf = fields.length;
  const make = (cls2: PyType, args: PyObject[], kwargs: Kwargs | null): PyTuple => {
    const vals: (PyObject | undefined)[] = new Array(nf).fill(undefined);
    if (args.length > nf) raise(typeErrorType, `${name}.__new__() takes ${nf + 1} positional arguments but ${args.length + 1} were given`);
    args.forEach((v, i) => (vals[i] = v));
    if (kwargs) for (const [k, v] of kwargs) {
      const i = fields.indexOf(k);
      if (i < 0) raise(typeErrorType, `${name}.__new__() got an unexpected keyword argument '${k}'`);
      if (vals[i] !== undefined) raise(typeErrorType, `${name}.__new__() got multiple values for argument '${k}'`);
      vals[i] = v;
    }
    const firstDefault = nf - defaults.length;
    const missing: string[] = [];
    for (let i = 0; i < nf; i++) {
      if (vals[i] === undefined) {
        if (i >= firstDefault) vals[i] = defaults[i - firstDefault]!;
        else missing.push(fields[i]!);
      }
    }
    if (missing.length) {
      const q = missing.map((m) => `'${m}'`);
      const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
      raise(typeErrorType, `${name}.__new__() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
    }
    return new PyTuple(vals as PyObject[], cls2);
  };
  defMethod(cls, '__new__', (args, kwargs) => make(args[0] as PyType, args.slice(1), kwargs));
  defMethod(cls, '__repr__', (args) => {
    const t = args[0] as PyTuple;
    return newStr(`${t.type.name}(${fields.map((f, i) => `${f}=${repr(t.items[i]!)}`).join(', ')})`);
  });
  defMethod(cls, '_asdict', (args) => {
    const d = new PyDict();
    fields.forEach((f, i) => d.setStr(f, (args[0] as PyTuple).items[i]!));
    return d;
  });
  defMethod(cls, '_replace', (args, kwargs) => {
    const t = args[0] as PyTuple;
    const vals = t.items.slice();
    if (kwargs) for (const [k, v] of kwargs) {
      const i = fields.indexOf(k);
      if (i < 0) raise(valueErrorType, `Got unexpected field names: ['${k}']`);
      vals[i] = v;
    }
    return new PyTuple(vals, t.type);
  });
  const makeFn = defMethod(cls, '_make', (args) => {
    const vals = toArray(args[1]!);
    if (vals.length !== nf) raise(typeErrorType, `Expected ${nf} arguments, got ${vals.length}`);
    return new PyTuple(vals, args[0] as PyType);
  });
  cls.attrs.set('_make', new PyClassMethod(makeFn));
  fields.forEach((f, i) => cls.setAttr(f, new PyTupleGetter(i, newStr(`Alias for field number ${i}`))));
  return cls;
}

export function makeCollections(): PyModule {
  initCollectionTypes();
  const m = new PyModule('collections');
  const d = m.dict;
  for (const t of [defaultDictType, counterType, orderedDictType, dequeType]) d.setStr(t.name, t);
  d.setStr('namedtuple', builtinFunction('namedtuple', namedtuple));
  d.setStr('ChainMap', makeChainMap());
  void True;
  void newInt;
  void PyError;
  return m;
}
