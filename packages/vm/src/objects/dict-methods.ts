// dict's methods and its views. CPython counterpart: Objects/dictobject.c (dict_methods,
// dictviews, dictiter).
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject, PyType, builtinType } from './object.js';
import { intFromNumber, pyBool } from './int.js';
import { newStr } from './str.js';
import { PyList } from './list.js';
import { PyTuple, newTuple } from './tuple.js';
import { PyDict, dictType } from './dict.js';
import { PySet, newSet, setType, setUpdate } from './set.js';
import { checkArity, defMethod, type Kwargs } from './native.js';
import { PyClassMethod, defGetSet } from './descr.js';
import { PyMappingProxy } from './mappingproxy.js';
import { dictIter } from './dict-iterator.js';
import { keyErrorType, runtimeErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { repr, withReprGuard } from '../protocols/repr.js';
import { getIter, iterNext, toArray } from '../protocols/iter.js';
import { pyEq } from '../protocols/compare.js';
import { callObject, callSpecial } from '../protocols/call.js';
import { getAttr, getAttrOpt } from '../protocols/getattr.js';
import { contains, getItem, keyError, setItem } from '../protocols/sequence.js';

export const dictKeysType = builtinType('dict_keys', undefined, 0);
export const dictValuesType = builtinType('dict_values', undefined, 0);
export const dictItemsType = builtinType('dict_items', undefined, 0);

export class PyDictView extends PyObject {
  readonly mapping: PyDict;
  constructor(type: PyType, mapping: PyDict) {
    super(type);
    this.mapping = mapping;
  }
}

/** dict.__iter__: a dict subclass overriding it is merged through keys() and __getitem__ */
let dictIterMethod: PyObject | undefined;

/** dict.update / dict(...) from a mapping or an iterable of pairs, then keywords. */
export function dictUpdateFrom(d: PyDict, arg: PyObject | undefined, kw: Kwargs | null): void {
  if (arg !== undefined) {
    if (arg instanceof PyDict && arg.type.lookup('__iter__') === dictIterMethod) {
      // dict_merge's own loop: only over a dict that iterates as a dict does; the other dict
      // must not gain or lose entries meanwhile (a key's __eq__ may change it)
      const keys = arg.keys;
      const values = arg.values;
      const version = arg.version;
      for (let i = 0; i < arg.used; i++) {
        const k = keys[i];
        if (k === undefined) continue;
        d.set(k, values[i]!);
        if (arg.version !== version && arg !== d) raise(runtimeErrorType, 'dict mutated during update');
      }
    } else if (getAttrOpt(arg, 'keys') !== undefined) {
      for (const k of toArray(callObject(getAttrOpt(arg, 'keys')!, [], null))) d.set(k, getItem(arg, k));
    } else {
      const items = toArray(arg);
      items.forEach((item, i) => {
        const pair = item instanceof PyTuple || item instanceof PyList ? item.items : null;
        if (pair === null) {
          let arr: PyObject[];
          try {
            arr = toArray(item);
          } catch {
            raise(typeErrorType, `cannot convert dictionary update sequence element #${i} to a sequence`);
          }
          if (arr.length !== 2) raise(valueErrorType, `dictionary update sequence element #${i} has length ${arr.length}; 2 is required`);
          d.set(arr[0]!, arr[1]!);
          return;
        }
        if (pair.length !== 2) raise(valueErrorType, `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
        d.set(pair[0]!, pair[1]!);
      });
    }
  }
  if (kw) for (const [k, v] of kw) d.set(newStr(k), v);
}

function dictRepr(d: PyDict): string {
  return withReprGuard(d, '{...}', () => {
    const parts: string[] = [];
    for (const [k, v] of d.entries()) parts.push(`${repr(k)}: ${repr(v)}`);
    return `{${parts.join(', ')}}`;
  });
}

function dct(o: PyObject): PyDict {
  return o as PyDict;
}

export function initDict(): void {
  const t = dictType;
  defMethod(t, '__new__', (a) => new PyDict(a[0] as PyType));
  defMethod(t, '__init__', (a, kw) => {
    if (a.length > 2) raise(typeErrorType, `dict expected at most 1 argument, got ${a.length - 1}`);
    dictUpdateFrom(dct(a[0]!), a[1], kw);
    return None;
  });
  t.attrs.set('__hash__', None);
  defMethod(t, '__repr__', (a) => newStr(dictRepr(dct(a[0]!))));
  defMethod(t, '__len__', (a) => intFromNumber(dct(a[0]!).size));
  dictIterMethod = defMethod(t, '__iter__', (a) => dictIter(dct(a[0]!), 0));
  defMethod(t, '__contains__', (a) => pyBool(dct(a[0]!).find(a[1]!) >= 0));
  defMethod(t, '__reversed__', (a) => dictIter(dct(a[0]!), 0, true));
  defMethod(t, '__getitem__', (a) => {
    checkArity('dict', '__getitem__', a.length - 1, 1, 1);
    const d = dct(a[0]!);
    const v = d.get(a[1]!);
    if (v !== undefined) return v;
    if (d.type !== dictType) {
      const missing = d.type.lookup('__missing__');
      if (missing !== undefined) return callSpecial(missing, d, [a[1]!]);
    }
    keyError(a[1]!);
  });
  defMethod(t, '__setitem__', (a) => {
    dct(a[0]!).set(a[1]!, a[2]!);
    return None;
  });
  defMethod(t, '__delitem__', (a) => {
    if (dct(a[0]!).delete(a[1]!) === undefined) keyError(a[1]!);
    return None;
  });
  defMethod(t, '__eq__', (a) => (a[1] instanceof PyDict ? pyBool(dictEq(dct(a[0]!), a[1])) : NotImplemented));
  defMethod(t, '__ne__', (a) => (a[1] instanceof PyDict ? pyBool(!dictEq(dct(a[0]!), a[1])) : NotImplemented));
  defMethod(t, '__or__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const d = new PyDict();
    dictUpdateFrom(d, a[0], null);
    dictUpdateFrom(d, a[1], null);
    return d;
  });
  defMethod(t, '__ior__', (a) => {
    dictUpdateFrom(dct(a[0]!), a[1], null);
    return a[0]!;
  });
  defMethod(t, 'keys', (a) => checkArity('dict', 'keys', a.length - 1, 0, 0) ?? new PyDictView(dictKeysType, dct(a[0]!)));
  defMethod(t, 'values', (a) => checkArity('dict', 'values', a.length - 1, 0, 0) ?? new PyDictView(dictValuesType, dct(a[0]!)));
  defMethod(t, 'items', (a) => checkArity('dict', 'items', a.length - 1, 0, 0) ?? new PyDictView(dictItemsType, dct(a[0]!)));
  defMethod(t, 'get', (a) => checkArity('dict', 'get', a.length - 1, 1, 2) ?? dct(a[0]!).get(a[1]!) ?? a[2] ?? None);
  defMethod(t, 'setdefault', (a) => {
    checkArity('dict', 'setdefault', a.length - 1, 1, 2);
    return dct(a[0]!).setDefault(a[1]!, a[2] ?? None);
  });
  defMethod(t, 'pop', (a) => {
    checkArity('dict', 'pop', a.length - 1, 1, 2);
    const v = dct(a[0]!).delete(a[1]!);
    if (v !== undefined) return v;
    if (a[2] !== undefined) return a[2];
    keyError(a[1]!);
  });
  defMethod(t, 'popitem', (a) => {
    checkArity('dict', 'popitem', a.length - 1, 0, 0);
    const d = dct(a[0]!);
    for (let i = d.used - 1; i >= 0; i--) {
      const k = d.keys[i];
      if (k !== undefined) {
        const v = d.values[i]!;
        d.delete(k);
        return newTuple([k, v]);
      }
    }
    raise(keyErrorType, 'popitem(): dictionary is empty');
  });
  defMethod(t, 'update', (a, kw) => {
    dictUpdateFrom(dct(a[0]!), a[1], kw);
    return None;
  });
  defMethod(t, 'clear', (a) => {
    checkArity('dict', 'clear', a.length - 1, 0, 0);
    dct(a[0]!).clear();
    return None;
  });
  defMethod(t, 'copy', (a) => {
    checkArity('dict', 'copy', a.length - 1, 0, 0);
    const d = new PyDict();
    for (const [k, v] of dct(a[0]!).entries()) d.set(k, v);
    return d;
  });
  defMethod(t, 'fromkeys', (a) => {
    checkArity('dict', 'fromkeys', a.length - 1, 1, 2);
    // _PyDict_FromKeys: cls() filled by __setitem__ (a plain dict's own when it is exact)
    const cls = a[0] instanceof PyType ? a[0] : a[0]!.type;
    const d = callObject(cls, [], null);
    const value = a[2] ?? None;
    const it = getIter(a[1]!);
    for (let k = iterNext(it); k !== null; k = iterNext(it)) {
      if (d.type === dictType) (d as PyDict).set(k, value);
      else setItem(d, k, value);
    }
    return d;
  });
  // fromkeys is a classmethod
  const fk = t.attrs.get('fromkeys')!;
  t.attrs.set('fromkeys', new PyClassMethod(fk));

  for (const [vt, kind, name] of [[dictKeysType, 0, 'dict_keys'], [dictValuesType, 1, 'dict_values'], [dictItemsType, 2, 'dict_items']] as const) {
    defMethod(vt, '__iter__', (a) => dictIter((a[0] as PyDictView).mapping, kind));
    defMethod(vt, '__len__', (a) => intFromNumber((a[0] as PyDictView).mapping.size));
    vt.attrs.set('__hash__', None);
    defGetSet(vt, 'mapping', (o) => new PyMappingProxy((o as PyDictView).mapping));
    defMethod(vt, '__repr__', (a) => {
      const items = toArray(dictIter((a[0] as PyDictView).mapping, kind));
      return newStr(`${name}([${items.map(repr).join(', ')}])`);
    });
    defMethod(vt, '__reversed__', (a) => dictIter((a[0] as PyDictView).mapping, kind, true));
    defMethod(vt, '__contains__', (a) => {
      const d = (a[0] as PyDictView).mapping;
      if (kind === 0) return pyBool(d.find(a[1]!) >= 0);
      if (kind === 1) return pyBool([...d.entries()].some(([, v]) => v === a[1] || pyEq(v, a[1]!)));
      const pair = a[1];
      if (!(pair instanceof PyTuple) || pair.items.length !== 2) return pyBool(false);
      const v = d.get(pair.items[0]!);
      return pyBool(v !== undefined && (v === pair.items[1] || pyEq(v, pair.items[1]!)));
    });
    if (kind !== 1) {
      for (const [op, f] of [['and', viewsAnd], ['or', viewsOr], ['sub', viewsSub], ['xor', viewsXor]] as const) {
        defMethod(vt, `__${op}__`, (a) => f(a[0]!, a[1]!));
        defMethod(vt, `__r${op}__`, (a) => f(a[1]!, a[0]!));
      }
      defMethod(vt, 'isdisjoint', (a) => {
        const self = a[0] as PyDictView;
        for (const v of toArray(a[1]!)) if (viewContains(self, v)) return pyBool(false);
        return pyBool(true);
      });
      // dictview_richcompare: sizes first, then all_contained_in
      const viewCompare = (name: string, test: (nx: number, ny: number, xInY: () => boolean, yInX: () => boolean) => boolean) =>
        defMethod(vt, name, (a) => {
          const other = a[1]!;
          if (!(other instanceof PyDictView && other.type !== dictValuesType) && !(other instanceof PySet)) return NotImplemented;
          const self = a[0]!;
          // all_contained_in: every item of one found in the other by its __contains__ (an items
          // view compares values by ==, so they need not be hashable)
          const contained = (p: PyObject, q: PyObject) => () => {
            const it = getIter(p);
            for (let v = iterNext(it); v !== null; v = iterNext(it)) if (!contains(q, v)) return false;
            return true;
          };
          return pyBool(test(lengthOf(self), lengthOf(other), contained(self, other), contained(other, self)));
        });
      viewCompare('__eq__', (nx, ny, xInY) => nx === ny && xInY());
      viewCompare('__ne__', (nx, ny, xInY) => !(nx === ny && xInY()));
      viewCompare('__le__', (nx, ny, xInY) => nx <= ny && xInY());
      viewCompare('__lt__', (nx, ny, xInY) => nx < ny && xInY());
      viewCompare('__ge__', (nx, ny, _x, yInX) => nx >= ny && yInX());
      viewCompare('__gt__', (nx, ny, _x, yInX) => nx > ny && yInX());
    }
  }
}

/** the size of a dict view or set (dictview_richcompare's PyObject_Size) */
function lengthOf(o: PyObject): number {
  return o instanceof PyDictView ? o.mapping.size : (o as PySet).size;
}

/** dictviews_to_set: a keys view of an exact dict takes set()'s one-resize path for dicts. */
function viewsToSet(o: PyObject): PySet {
  const s = newSet([]);
  setUpdate(s, o instanceof PyDictView && o.type === dictKeysType && o.mapping.type === dictType ? o.mapping : o, toArray);
  return s;
}

function viewContains(v: PyDictView, key: PyObject): boolean {
  const d = v.mapping;
  if (v.type === dictKeysType) return d.find(key) >= 0;
  if (!(key instanceof PyTuple) || key.items.length !== 2) return false;
  const w = d.get(key.items[0]!);
  return w !== undefined && (w === key.items[1] || pyEq(w, key.items[1]!));
}

function viewsOr(self: PyObject, other: PyObject): PyObject {
  const r = viewsToSet(self);
  setUpdate(r, other, toArray);
  return r;
}

function viewsSub(self: PyObject, other: PyObject): PyObject {
  const r = viewsToSet(self);
  callObject(getAttr(r, 'difference_update'), [other], null);
  return r;
}

function viewsXor(self: PyObject, other: PyObject): PyObject {
  const r = viewsToSet(self);
  callObject(getAttr(r, 'symmetric_difference_update'), [other], null);
  return r;
}

/** _PyDictView_Intersect: iterate the smaller side, test membership in the view. */
function viewsAnd(self: PyObject, other: PyObject): PyObject {
  if (!(self instanceof PyDictView)) [self, other] = [other, self];
  let view = self as PyDictView;
  if (other instanceof PySet && other.type === setType && view.mapping.size <= other.size) {
    return callObject(getAttr(other, 'intersection'), [view], null);
  }
  if (other instanceof PyDictView && other.type !== dictValuesType && other.mapping.size > view.mapping.size) {
    [view, other] = [other, view];
  }
  const r = newSet([]);
  for (const k of toArray(other)) if (viewContains(view, k)) r.add(k);
  return r;
}

function dictEq(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a.entries()) {
    const w = b.get(k);
    if (w === undefined || !(w === v || pyEq(v, w))) return false;
  }
  return true;
}
