// object.__reduce_ex__, __reduce__ and __getstate__: how copy and pickle take an instance apart.
// CPython counterpart: Objects/typeobject.c (object___reduce_ex___impl, reduce_newobj,
// object_getstate) and Lib/copyreg.py (_reduce_ex, __newobj__, __newobj_ex__, which these call).
import { None, objectType, PyObject } from './object.js';
import { raise } from '../errors.js';
import { typeErrorType } from './exception-types.js';
import { PyInt } from './int.js';
import { PyDict, dictType } from './dict.js';
import { listType } from './list.js';
import { PyTuple, newTuple } from './tuple.js';
import { defMethod } from './native.js';
import { PyMemberDescr } from './descr.js';
import { callObject, callSpecial } from '../protocols/call.js';
import { getAttr, getAttrOpt } from '../protocols/getattr.js';
import { getIter } from '../protocols/iter.js';
import { importFullName } from '../modules/path-import.js';
import { sysModules } from '../modules/registry.js';
import type { PyModule } from './module.js';

function copyreg(name: string): PyObject {
  const b = (sysModules().getStr('builtins') as PyModule).dict;
  return getAttr(importFullName('copyreg', b), name);
}

/**
 * object_getstate: the instance __dict__ when it has entries, else None; with __slots__ values,
 * (that, {slot: value}).
 */
function getState(obj: PyObject): PyObject {
  const d = obj.dict;
  const state = d instanceof PyDict && d.size > 0 ? d : None;
  const slots = new PyDict();
  for (const t of obj.type.mro) {
    for (const [name, v] of t.attrs) {
      if (v instanceof PyMemberDescr && slots.getStr(name) === undefined) {
        const value = v.values.get(obj);
        if (value !== undefined) slots.setStr(name, value);
      }
    }
  }
  return slots.size > 0 ? newTuple([state, slots]) : state;
}

/** _PyObject_GetState: obj.__getstate__(), what a __reduce__ puts in its third item. */
export function objectGetState(obj: PyObject): PyObject {
  const gs = getAttrOpt(obj, '__getstate__');
  return gs === undefined ? getState(obj) : callObject(gs, [], null);
}

/** Builtin types CPython gives no tp_new: their instances cannot be rebuilt, so not pickled or copied. */
const NO_TP_NEW = new Set(['generator', 'coroutine', 'async_generator', 'frame', 'builtin_function_or_method', 'method-wrapper', 'wrapper_descriptor', 'method_descriptor', 'getset_descriptor', 'member_descriptor']);

/** reduce_newobj (protocol 2 and up) */
function reduceNewObj(obj: PyObject): PyObject {
  const cls = obj.type;
  if (cls.solid === cls && NO_TP_NEW.has(cls.name)) raise(typeErrorType, `cannot pickle '${cls.tpName ?? cls.name}' object`);
  let args: PyObject[] = [];
  let kwargs: PyObject | null = null;
  const ex = getAttrOpt(obj, '__getnewargs_ex__');
  if (ex !== undefined) {
    const r = callObject(ex, [], null) as PyTuple;
    args = (r.items[0] as PyTuple).items;
    kwargs = r.items[1]!;
  } else {
    const na = getAttrOpt(obj, '__getnewargs__');
    if (na !== undefined) args = (callObject(na, [], null) as PyTuple).items;
  }
  const state = objectGetState(obj);
  const listItems = cls.isSubtype(listType) ? getIter(obj) : None;
  const dictItems = cls.isSubtype(dictType) ? getIter(callObject(getAttr(obj, 'items'), [], null)) : None;
  const hasKw = kwargs instanceof PyDict && kwargs.size > 0;
  const fn = copyreg(hasKw ? '__newobj_ex__' : '__newobj__');
  const fnArgs = hasKw ? newTuple([cls, newTuple(args), kwargs!]) : newTuple([cls, ...args]);
  return newTuple([fn, fnArgs, state, listItems, dictItems]);
}

function reduceByProtocol(obj: PyObject, protocol: number): PyObject {
  if (protocol >= 2) return reduceNewObj(obj);
  return callObject(copyreg('_reduce_ex'), [obj, new PyInt(BigInt(protocol))], null);
}

export function initObjectReduce(): void {
  const o = objectType;
  const objectReduce = defMethod(o, '__reduce__', (a) => reduceByProtocol(a[0]!, 0));
  defMethod(o, '__reduce_ex__', (a) => {
    const obj = a[0]!;
    const protocol = a[1] instanceof PyInt ? Number(a[1].value) : 0;
    const r = obj.type.lookup('__reduce__');
    if (r !== undefined && r !== objectReduce) return callSpecial(r, obj, []);
    return reduceByProtocol(obj, protocol);
  });
  defMethod(o, '__getstate__', (a) => getState(a[0]!));
}
