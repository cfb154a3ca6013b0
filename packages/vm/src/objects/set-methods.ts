// set's and frozenset's methods. CPython counterpart: Objects/setobject.c (set_methods,
// frozenset_hash, set_richcompare, set_repr).
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, intFromNumber, pyBool } from './int.js';
import { newStr } from './str.js';
import { newTuple } from './tuple.js';
import { PyList } from './list.js';
import { PyDict } from './dict.js';
import { PySet, setType, frozenSetType, setUpdate } from './set.js';
import { defMethod, defMethodNoArgs, defMethodO } from './native.js';
import { PySetIter } from './set-iterator.js';
import { keyErrorType, typeErrorType } from './exception-types.js';
import { repr, withReprGuard } from '../protocols/repr.js';
import { toArray } from '../protocols/iter.js';
import { keyError } from '../protocols/sequence.js';
import { objectGetState } from './object-reduce.js';

const U64 = (1n << 64n) - 1n;

function shuffle(h: bigint): bigint {
  return (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & U64;
}

function frozensetHash(s: PySet): bigint {
  let hash = 0n;
  for (const e of s.entries()) hash ^= shuffle(BigInt(e.hash) & U64);
  hash ^= ((BigInt(s.used) + 1n) * 1927868237n) & U64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & U64;
  if (hash === U64) hash = 590923713n;
  return hash >= 1n << 63n ? hash - (1n << 64n) : hash;
}

/** A new set or frozenset (of `type`) holding `items`' elements, CPython's way for sets and dicts. */
export function setFrom(type: PyType, iterable: PyObject | undefined): PySet {
  const s = new PySet(type);
  if (iterable !== undefined) fill(s, iterable);
  return s;
}

function fill(s: PySet, iterable: PyObject): void {
  setUpdate(s, iterable, toArray);
  void PyDict;
}

function same(a: PySet, other: PyObject): PySet {
  return other instanceof PySet ? other : setFrom(setType, other);
}

function result(a: PySet): PySet {
  return new PySet(a.type === frozenSetType || a.type.isSubtype(frozenSetType) ? frozenSetType : setType);
}

export function setIter(s: PySet): PyObject {
  return new PySetIter(s);
}

function union(a: PySet, others: PyObject[]): PySet {
  const r = result(a);
  r.mergeSet(a);
  for (const o of others) fill(r, o);
  return r;
}

function intersection(a: PySet, other: PyObject): PySet {
  const r = result(a);
  // CPython iterates the smaller set when both are sets, else the other iterable (once: it may
  // be an iterator)
  if (other instanceof PySet && other.size > a.size) {
    for (const v of a.items()) if (other.has(v)) r.add(v);
  } else {
    for (const v of other instanceof PySet ? other.items() : toArray(other)) if (a.has(v)) r.add(v);
  }
  return r;
}

/** set_difference: a copy then discards when `a` is much larger, else a fresh set. */
function difference(a: PySet, other: PyObject): PySet {
  const r = result(a);
  const otherSize = other instanceof PySet ? other.size : other instanceof PyDict && other.type.solid === other.type ? other.size : -1;
  if (otherSize < 0 || a.size >> 2 > otherSize) {
    r.mergeSet(a);
    differenceUpdate(r, other);
    return r;
  }
  const o = same(a, other);
  for (const v of a.items()) if (!o.has(v)) r.add(v);
  return r;
}

/** set_difference_update_internal */
function differenceUpdate(s: PySet, other: PyObject): void {
  for (const v of other instanceof PySet ? other.items() : toArray(other)) s.discard(v);
  s.purgeDummies();
}

/** set_symmetric_difference: a copy of `other`, then each element of `a` toggled. */
function symmetricDifference(a: PySet, other: PyObject): PySet {
  const r = result(a);
  fill(r, other);
  for (const v of a.items()) {
    if (!r.discard(v)) r.add(v);
  }
  return r;
}

function isSubset(a: PySet, b: PySet): boolean {
  if (a.size > b.size) return false;
  return a.items().every((v) => b.has(v));
}

/** A set used as a key is looked up as the frozenset of its items (set_contains, set_discard). */
function asSetKey(o: PyObject): PyObject {
  if (o instanceof PySet && o.type.lookup('__hash__') === None) return setFrom(frozenSetType, o);
  return o;
}

function st(o: PyObject): PySet {
  return o as PySet;
}

export function initSet(): void {
  for (const t of [setType, frozenSetType]) {
    const frozen = t === frozenSetType;
    // set_new takes any arguments (set_init checks them); frozenset_new checks them itself, and
    // refuses keywords unless a subclass has its own __init__
    defMethod(t, '__new__', (a, kw) => {
      const cls = a[0] as PyType;
      if (!frozen) return new PySet(cls);
      if (kw && kw.size > 0 && (cls === frozenSetType || cls.lookup('__init__') === frozenSetType.lookup('__init__'))) raise(typeErrorType, 'frozenset() takes no keyword arguments');
      if (a.length > 2) raise(typeErrorType, `${cls.name} expected at most 1 argument, got ${a.length - 1}`);
      if (cls === frozenSetType && a[1] instanceof PySet && a[1].type === frozenSetType) return a[1];
      return setFrom(cls, a[1]);
    });
    if (!frozen) {
      defMethod(t, '__init__', (a, kw) => {
        if (kw && kw.size > 0) raise(typeErrorType, 'set() takes no keyword arguments');
        if (a.length > 2) raise(typeErrorType, `${a[0]!.type.name} expected at most 1 argument, got ${a.length - 1}`);
        const s = st(a[0]!);
        s.clear();
        if (a[1] !== undefined) fill(s, a[1]);
        return None;
      });
    }
    // set_reduce: (type(s), (list(s),), _PyObject_GetState(s): its __dict__ and slots, or None)
    defMethod(t, '__reduce__', (a) => {
      const s = st(a[0]!);
      return newTuple([s.type, newTuple([new PyList(toArray(s))]), objectGetState(s)]);
    });
    defMethod(t, '__repr__', (a) => {
      const s = st(a[0]!);
      const name = s.type.name;
      if (s.size === 0) return newStr(`${name}()`);
      return newStr(
        withReprGuard(s, `${name}(...)`, () => {
          const body = `{${s.items().map(repr).join(', ')}}`;
          return s.type === setType ? body : `${name}(${body})`;
        }),
      );
    });
    defMethod(t, '__len__', (a) => intFromNumber(st(a[0]!).size));
    defMethod(t, '__iter__', (a) => setIter(st(a[0]!)));
    defMethod(t, '__contains__', (a) => pyBool(st(a[0]!).has(asSetKey(a[1]!))));
    if (frozen) defMethod(t, '__hash__', (a) => new PyInt(frozensetHash(st(a[0]!))));
    else t.attrs.set('__hash__', None);
    const binop = (name: string, f: (a: PySet, b: PyObject) => PySet) =>
      defMethod(t, name, (a) => (a[1] instanceof PySet ? f(st(a[0]!), a[1]) : NotImplemented));
    binop('__or__', (x, y) => union(x, [y]));
    binop('__and__', intersection);
    binop('__sub__', difference);
    binop('__xor__', symmetricDifference);
    binop('__ror__', (x, y) => union(y as PySet, [x]));
    binop('__rand__', (x, y) => intersection(y as PySet, x));
    binop('__rsub__', (x, y) => difference(y as PySet, x));
    binop('__rxor__', (x, y) => symmetricDifference(y as PySet, x));
    const cmp = (name: string, f: (a: PySet, b: PySet) => boolean) =>
      defMethod(t, name, (a) => (a[1] instanceof PySet ? pyBool(f(st(a[0]!), a[1])) : NotImplemented));
    cmp('__eq__', (x, y) => x.size === y.size && isSubset(x, y));
    cmp('__ne__', (x, y) => !(x.size === y.size && isSubset(x, y)));
    cmp('__le__', isSubset);
    cmp('__lt__', (x, y) => x.size < y.size && isSubset(x, y));
    cmp('__ge__', (x, y) => isSubset(y, x));
    cmp('__gt__', (x, y) => y.size < x.size && isSubset(y, x));
    defMethod(t, 'union', (a) => union(st(a[0]!), a.slice(1)));
    // set_intersection_multi / set_difference_multi: the first operation starts from self
    defMethod(t, 'intersection', (a) => (a.length === 1 ? union(st(a[0]!), []) : a.slice(1).reduce<PySet>((acc, o) => intersection(acc, o), st(a[0]!))));
    defMethod(t, 'difference', (a) => {
      if (a.length === 1) return union(st(a[0]!), []);
      const r = difference(st(a[0]!), a[1]!);
      for (const o of a.slice(2)) differenceUpdate(r, o);
      return r;
    });
    defMethodO(t, 'symmetric_difference', (self, x) => symmetricDifference(st(self), x));
    defMethodO(t, 'issubset', (self, x) => pyBool(isSubset(st(self), same(st(self), x))));
    defMethodO(t, 'issuperset', (self, x) => pyBool(isSubset(same(st(self), x), st(self))));
    defMethodO(t, 'isdisjoint', (self, x) => pyBool(toArray(x).every((v) => !st(self).has(v))));
    defMethodNoArgs(t, 'copy', (self) => (frozen && self.type === frozenSetType ? self : union(st(self), [])));
  }
  const t = setType;
  defMethodO(t, 'add', (self, x) => {
    st(self).add(x);
    return None;
  });
  defMethodO(t, 'remove', (self, x) => {
    if (!st(self).discard(asSetKey(x))) keyError(x);
    return None;
  });
  defMethodO(t, 'discard', (self, x) => {
    st(self).discard(asSetKey(x));
    return None;
  });
  defMethodNoArgs(t, 'pop', (self) => {
    const v = st(self).pop();
    if (v === null) raise(keyErrorType, 'pop from an empty set');
    return v;
  });
  defMethodNoArgs(t, 'clear', (self) => {
    st(self).clear();
    return None;
  });
  defMethod(t, 'update', (a) => {
    for (const o of a.slice(1)) fill(st(a[0]!), o);
    return None;
  });
  const inplace = (name: string, f: (a: PySet, b: PyObject) => PySet, requireSet: boolean) =>
    defMethod(t, name, (a) => {
      if (requireSet && !(a[1] instanceof PySet)) return NotImplemented;
      const s = st(a[0]!);
      s.adopt(f(s, a[1]!));
      return name.startsWith('__') ? s : None;
    });
  defMethod(t, '__ior__', (a) => {
    if (!(a[1] instanceof PySet)) return NotImplemented;
    fill(st(a[0]!), a[1]);
    return a[0]!;
  });
  defMethod(t, '__isub__', (a) => {
    if (!(a[1] instanceof PySet)) return NotImplemented;
    differenceUpdate(st(a[0]!), a[1]);
    return a[0]!;
  });
  defMethod(t, 'difference_update', (a) => {
    for (const o of a.slice(1)) differenceUpdate(st(a[0]!), o);
    return None;
  });
  inplace('__iand__', intersection, true);
  const toggle = (s: PySet, other: PyObject) => {
    const o = other instanceof PySet ? other : setFrom(setType, other);
    for (const v of o.items()) if (!s.discard(v)) s.add(v);
  };
  defMethod(t, '__ixor__', (a) => {
    if (!(a[1] instanceof PySet)) return NotImplemented;
    toggle(st(a[0]!), a[1]);
    return a[0]!;
  });
  // set_intersection_update_multi: any number of iterables, none leaving the set as it is
  defMethod(t, 'intersection_update', (a) => {
    const s = st(a[0]!);
    if (a.length > 1) s.adopt(a.slice(2).reduce<PySet>((acc, o) => intersection(acc, o), intersection(s, a[1]!)));
    return None;
  });
  defMethodO(t, 'symmetric_difference_update', (self, x) => {
    toggle(st(self), x);
    return None;
  });
}
