// copy: copy() and deepcopy() as Lib/copy.py does them — atomic types returned as they are, the
// builtin containers copied directly, __copy__/__deepcopy__ honoured, everything else through the
// reduce protocol and _reconstruct (state, __setstate__, slots, list and dict items). The memo is
// a real dict keyed by id(), kept alive as copy.py keeps it. CPython counterpart: Lib/copy.py,
// Objects/typeobject.c (object.__reduce_ex__, reduce_newobj, object.__getstate__).
import { raise } from '../errors.js';
import { None, PyObject, PyType, TPFLAGS_HEAPTYPE, builtinType } from '../objects/object.js';
import { PyInt, intFromNumber } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyDict, dictType } from '../objects/dict.js';
import { PySet, frozenSetType, setType } from '../objects/set.js';
import { PyBytes, PyByteArray } from '../objects/bytes.js';
import { PyComplex } from '../objects/complex.js';
import { PyRange } from '../objects/range.js';
import { PySlice } from '../objects/slice.js';
import { PyFunction, PyMethod } from '../objects/function.js';
import { PyBuiltin } from '../objects/native.js';
import { PyProperty, PyMemberDescr } from '../objects/descr.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { baseExceptionType, exceptionType, typeErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttr, getAttrOpt, setAttr } from '../protocols/getattr.js';
import { toArray } from '../protocols/iter.js';
import { objectId } from '../protocols/hash.js';
import { PyDeque, counterType, defaultDictType, orderedDictType } from './collections.js';

/** copy.Error (copy.error): an Exception subclass of its own. */
const copyErrorType = builtinType('Error', exceptionType);
copyErrorType.module = 'copy';
copyErrorType.solid = exceptionType.solid;

/** _copy_atomic / _deepcopy_atomic: immutable enough to be their own copy. */
function isAtomic(o: PyObject, deep: boolean): boolean {
  if (o === None || o instanceof PyType) return true;
  const t = o.type;
  if (t.flags & TPFLAGS_HEAPTYPE) return false;
  if (o instanceof PyInt || o instanceof PyFloat || o instanceof PyComplex || o instanceof PyStr || o instanceof PyBytes) return true;
  if (o instanceof PyRange || o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyProperty) return true;
  if (t.name === 'ellipsis' || t.name === 'NotImplementedType' || t.name === 'code') return true;
  // copy.copy also returns tuples, frozensets and slices themselves; deepcopy rebuilds them
  if (!deep && (o instanceof PyTuple || (o instanceof PySet && t === frozenSetType) || o instanceof PySlice)) return true;
  return false;
}

/** A class attribute defined by a Python class (a user override of a protocol method), or by an exception type. */
function userDefined(t: PyType, name: string): PyObject | undefined {
  for (const c of t.mro) {
    const v = c.attrs.get(name);
    // BaseException's own __reduce__ counts too: copy rebuilds an exception from its args
    if (v !== undefined) return c.flags & TPFLAGS_HEAPTYPE || c.isSubtype(baseExceptionType) ? v : undefined;
  }
  return undefined;
}

type Reduced = { func: PyObject; args: PyObject[]; state: PyObject; listItems: PyObject[] | null; dictItems: [PyObject, PyObject][] | null };

/** copyreg.__newobj__: cls.__new__(cls, *args). */
const newObj = builtinFunction('__newobj__', (a) => callObject(getAttr(a[0]!, '__new__'), a, null));

/** The slot values an instance holds (copyreg._slotnames over the MRO). */
function slotState(o: PyObject): PyDict | null {
  const out = new PyDict();
  for (const c of o.type.mro) {
    for (const [name, d] of c.attrs) {
      if (d instanceof PyMemberDescr && d.owner === c) {
        const v = d.values.get(o);
        if (v !== undefined) out.setStr(name, v);
      }
    }
  }
  return out.size > 0 ? out : null;
}

/** object.__getstate__: the instance dict (None when empty), paired with the slots when there are any. */
function defaultState(o: PyObject): PyObject {
  const user = userDefined(o.type, '__getstate__');
  if (user !== undefined) return callObject(getAttr(o, '__getstate__'), [], null);
  const d = o.dict instanceof PyDict && o.dict.size > 0 ? copyDict(o.dict) : None;
  const slots = slotState(o);
  return slots === null ? d : newTuple([d, slots]);
}

function copyDict(d: PyDict): PyDict {
  const c = new PyDict();
  for (const [k, v] of d.entries()) c.set(k, v);
  return c;
}

/** x.__reduce_ex__(4) for the types the VM knows, as their C or Python implementations answer. */
function reduce(o: PyObject): Reduced | PyObject {
  const t = o.type;
  const userEx = userDefined(t, '__reduce_ex__');
  const user = userEx ?? userDefined(t, '__reduce__');
  if (user !== undefined) {
    const rv = userEx !== undefined ? callObject(getAttr(o, '__reduce_ex__'), [intFromNumber(4)], null) : callObject(getAttr(o, '__reduce__'), [], null);
    if (rv instanceof PyStr) return rv;
    if (!(rv instanceof PyTuple) || rv.items.length < 2 || rv.items.length > 5) raise(typeErrorType, '__reduce__ must return a string or tuple');
    const [func, args, state, li, di] = rv.items;
    return {
      func: func!,
      args: toArray(args!),
      state: state ?? None,
      listItems: li === undefined || li === None ? null : toArray(li),
      dictItems: di === undefined || di === None ? null : toArray(di).map((p) => toArray(p) as [PyObject, PyObject]),
    };
  }
  const state = (): PyObject => (t.flags & TPFLAGS_HEAPTYPE ? defaultState(o) : None);
  if (o instanceof PySet) return { func: t, args: [new PyList(o.items())], state: state(), listItems: null, dictItems: null };
  if (o instanceof PyByteArray) return { func: t, args: [new PyBytes(o.value)], state: state(), listItems: null, dictItems: null };
  if (o instanceof PyDeque) {
    return { func: t, args: [new PyList([]), o.maxlen === null ? None : intFromNumber(o.maxlen)], state: state(), listItems: o.items.slice(), dictItems: null };
  }
  if (o instanceof PyDict && t.isSubtype(counterType)) return { func: t, args: [copyDict(o)], state: state(), listItems: null, dictItems: null };
  if (o instanceof PyDict && t.isSubtype(defaultDictType)) {
    return { func: t, args: [getAttr(o, 'default_factory')], state: state(), listItems: null, dictItems: [...o.entries()] };
  }
  if (o instanceof PyDict && t.isSubtype(orderedDictType)) return { func: t, args: [], state: state(), listItems: null, dictItems: [...o.entries()] };
  if (o instanceof PySlice) return { func: t, args: [o.start, o.stop, o.step], state: None, listItems: null, dictItems: null };
  if (o instanceof PyTuple) return { func: newObj, args: [t, ...o.items], state: state(), listItems: null, dictItems: null };
  if (t.flags & TPFLAGS_HEAPTYPE) {
    // reduce_newobj: cls.__new__(cls) (or with __getnewargs__), state, list or dict items
    const gna = getAttrOpt(o, '__getnewargs__');
    const args = gna !== undefined ? toArray(callObject(gna, [], null)) : [];
    return {
      func: newObj,
      args: [t, ...args],
      state: defaultState(o),
      listItems: o instanceof PyList ? o.items.slice() : null,
      dictItems: o instanceof PyDict ? [...o.entries()] : null,
    };
  }
  raise(typeErrorType, `cannot pickle '${t.name}' object`);
}

/** _reconstruct */
function reconstruct(x: PyObject, memo: PyDict | null, rv: Reduced): PyObject {
  const deep = memo !== null;
  let args = rv.args;
  if (deep && args.length > 0) args = toArray(deepcopy(newTuple(args), memo));
  const y = callObject(rv.func, args, null);
  if (deep) memo.set(intFromNumber(objectId(x)), y);
  let state = rv.state;
  if (state !== None) {
    if (deep) state = deepcopy(state, memo);
    const setstate = getAttrOpt(y, '__setstate__');
    if (setstate !== undefined) callObject(setstate, [state], null);
    else {
      let slotstate: PyObject = None;
      if (state instanceof PyTuple && state.items.length === 2) [state, slotstate] = state.items as [PyObject, PyObject];
      if (state !== None) {
        for (const [k, v] of (state as PyDict).entries()) setAttr(y, (k as PyStr).value, v);
      }
      if (slotstate !== None) for (const [k, v] of (slotstate as PyDict).entries()) setAttr(y, (k as PyStr).value, v);
    }
  }
  if (rv.listItems) {
    const append = getAttr(y, 'append');
    for (let item of rv.listItems) callObject(append, [deep ? deepcopy(item, memo) : item], null);
  }
  if (rv.dictItems) {
    const setitem = getAttr(y, '__setitem__');
    for (let [k, v] of rv.dictItems) {
      if (deep) {
        k = deepcopy(k, memo);
        v = deepcopy(v, memo);
      }
      callObject(setitem, [k, v], null);
    }
  }
  return y;
}

function copy(x: PyObject): PyObject {
  if (isAtomic(x, false)) return x;
  const t = x.type;
  if (t.flags & TPFLAGS_HEAPTYPE || !(x instanceof PyList || x instanceof PyDict || (x instanceof PySet && t === setType))) {
    const copier = t.lookup('__copy__');
    if (copier !== undefined) return callObject(getAttr(x, '__copy__'), [], null);
  }
  // d[list] = list.copy, d[dict] = dict.copy, d[set] = set.copy, d[bytearray] = bytearray.copy
  if (x instanceof PyList && !(t.flags & TPFLAGS_HEAPTYPE)) return new PyList(x.items.slice());
  if (x instanceof PyDict && t === dictType) return copyDict(x);
  if (x instanceof PySet && t === setType) {
    const c = new PySet();
    c.mergeSet(x);
    return c;
  }
  const rv = reduce(x);
  if (!('func' in rv)) return x;
  return reconstruct(x, null, rv);
}

/** memo[id(memo)] = [x, ...]: the originals stay alive while the memo lives (_keep_alive). */
function keepAlive(x: PyObject, memo: PyDict): void {
  const key = intFromNumber(objectId(memo));
  const l = memo.get(key);
  if (l instanceof PyList) l.items.push(x);
  else memo.set(key, new PyList([x]));
}

function deepcopy(x: PyObject, memo: PyDict): PyObject {
  const d = intFromNumber(objectId(x));
  const seen = memo.get(d);
  if (seen !== undefined) return seen;
  const t = x.type;
  let y: PyObject;
  if (isAtomic(x, true)) y = x;
  else if (x instanceof PyList && !(t.flags & TPFLAGS_HEAPTYPE)) {
    const l = new PyList([]);
    memo.set(d, l);
    for (const v of x.items) l.items.push(deepcopy(v, memo));
    y = l;
  } else if (x instanceof PyTuple && !(t.flags & TPFLAGS_HEAPTYPE)) {
    const items = x.items.map((v) => deepcopy(v, memo));
    // a tuple of atoms is its own copy — unless it was copied meanwhile, through a cycle
    const again = memo.get(d);
    if (again !== undefined) return again;
    y = items.every((v, i) => v === x.items[i]) ? x : newTuple(items);
  } else if (x instanceof PyDict && t === dictType) {
    const c = new PyDict();
    memo.set(d, c);
    for (const [k, v] of x.entries()) c.set(deepcopy(k, memo), deepcopy(v, memo));
    y = c;
  } else if (x instanceof PyMethod) {
    y = new PyMethod(x.func, deepcopy(x.self, memo));
  } else {
    const copier = getAttrOpt(x, '__deepcopy__');
    if (copier !== undefined) y = callObject(copier, [memo], null);
    else {
      const rv = reduce(x);
      y = 'func' in rv ? reconstruct(x, memo, rv) : x;
    }
  }
  if (y !== x) {
    memo.set(d, y);
    keepAlive(x, memo);
  }
  return y;
}

export function makeCopy(): PyModule {
  const m = new PyModule('copy');
  m.dict.setStr('copy', builtinFunction('copy', (a) => copy(a[0]!)));
  m.dict.setStr(
    'deepcopy',
    builtinFunction('deepcopy', (a, kw) => {
      const x = a[0] ?? kw?.get('x');
      if (x === undefined) raise(typeErrorType, "deepcopy() missing 1 required positional argument: 'x'");
      const memo = a[1] ?? kw?.get('memo') ?? None;
      return deepcopy(x, memo instanceof PyDict ? memo : new PyDict());
    }),
  );
  m.dict.setStr('Error', copyErrorType);
  m.dict.setStr('error', copyErrorType);
  return m;
}
