// copy: copy() and deepcopy() for builtin containers and plain instances (with a memo, so shared
// and cyclic references survive), __copy__/__deepcopy__ honoured. CPython counterpart: Lib/copy.py.
import { raise } from '../errors.js';
import { None, PyObject, PyType, TPFLAGS_HEAPTYPE } from '../objects/object.js';
import { PyList } from '../objects/list.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { frozenSetType, newFrozenSet, PySet } from '../objects/set.js';
import { PyMemberDescr } from '../objects/descr.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttrOpt } from '../protocols/getattr.js';

function shallow(o: PyObject): PyObject {
  const hook = getAttrOpt(o, '__copy__');
  if (hook !== undefined && !(o instanceof PyType)) return callObject(hook, [], null);
  if (o instanceof PyList) return new PyList(o.items.slice(), o.type);
  if (o instanceof PyDict) {
    const d = new PyDict(o.type);
    for (const [k, v] of o.entries()) d.set(k, v);
    if (o.dict instanceof PyDict) d.dict = shallowDict(o.dict);
    return d;
  }
  if (o instanceof PySet && o.type.name === 'set') {
    const s = new PySet(o.type);
    s.mergeSet(o);
    return s;
  }
  if (o.type.flags & TPFLAGS_HEAPTYPE && o.type.solid?.name === 'object') {
    const c = new PyObject(o.type);
    if (o.dict instanceof PyDict) c.dict = shallowDict(o.dict);
    copySlots(o, c, (v) => v);
    return c;
  }
  return o;
}

/** copyreg's state of __slots__: each slot's value moves to the copy (through `f`). */
function copySlots(from: PyObject, to: PyObject, f: (v: PyObject) => PyObject): void {
  for (const t of from.type.mro) {
    for (const d of t.attrs.values()) {
      if (!(d instanceof PyMemberDescr)) continue;
      const v = d.values.get(from);
      if (v !== undefined) d.values.set(to, f(v));
    }
  }
}

function shallowDict(d: PyDict): PyDict {
  const c = new PyDict();
  for (const [k, v] of d.entries()) c.set(k, v);
  return c;
}

function deep(o: PyObject, memo: Map<PyObject, PyObject>): PyObject {
  const seen = memo.get(o);
  if (seen !== undefined) return seen;
  const hook = getAttrOpt(o, '__deepcopy__');
  if (hook !== undefined && !(o instanceof PyType)) {
    const r = callObject(hook, [new PyDict()], null);
    memo.set(o, r);
    return r;
  }
  if (o instanceof PyList) {
    const l = new PyList([], o.type);
    memo.set(o, l);
    for (const v of o.items) l.items.push(deep(v, memo));
    return l;
  }
  if (o instanceof PyTuple) {
    const items = o.items.map((v) => deep(v, memo));
    if (items.every((v, i) => v === o.items[i])) return o;
    const t = o.type.name === 'tuple' ? newTuple(items) : new PyTuple(items, o.type);
    memo.set(o, t);
    return t;
  }
  if (o instanceof PyDict) {
    const d = new PyDict(o.type);
    memo.set(o, d);
    for (const [k, v] of o.entries()) d.set(deep(k, memo), deep(v, memo));
    if (o.dict instanceof PyDict) d.dict = deep(o.dict, memo);
    return d;
  }
  if (o instanceof PySet && o.type.name === 'set') {
    const s = new PySet(o.type);
    memo.set(o, s);
    for (const v of o.items()) s.add(deep(v, memo));
    return s;
  }
  if (o instanceof PySet && o.type === frozenSetType) {
    // not atomic for deepcopy: rebuilt through __reduce_ex__, so a new object
    const s = newFrozenSet(o.items().map((v) => deep(v, memo)));
    memo.set(o, s);
    return s;
  }
  if (o.type.flags & TPFLAGS_HEAPTYPE && o.type.solid?.name === 'object') {
    const c = new PyObject(o.type);
    memo.set(o, c);
    if (o.dict instanceof PyDict) c.dict = deep(o.dict, memo);
    copySlots(o, c, (v) => deep(v, memo));
    return c;
  }
  return o;
}

export function makeCopy(): PyModule {
  const m = new PyModule('copy');
  m.dict.setStr('copy', builtinFunction('copy', (a) => shallow(a[0]!)));
  m.dict.setStr(
    'deepcopy',
    builtinFunction('deepcopy', (a) => {
      if (a.length < 1) raise(typeErrorType, "deepcopy() missing 1 required positional argument: 'x'");
      return deep(a[0]!, new Map());
    }),
  );
  m.dict.setStr('Error', m.dict.getStr('copy') ?? None);
  return m;
}
