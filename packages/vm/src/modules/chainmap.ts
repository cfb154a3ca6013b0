// collections.ChainMap: several mappings searched in order, writes going to the first; a Python
// class (subclassable) with MutableMapping's mixins, and the KeysView/ItemsView/ValuesView its
// keys()/items()/values() return. CPython counterpart: Lib/collections/__init__.py (ChainMap),
// Lib/_collections_abc.py (MappingView, KeysView, ItemsView, ValuesView, Mapping.__eq__).
import { raise, PyError } from '../errors.js';
import { None, NotImplemented, PyObject, PyType, objectType, typeType } from '../objects/object.js';
import { False, True, intFromNumber, pyBool } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { PyList } from '../objects/list.js';
import { PySet } from '../objects/set.js';
import { PyNativeIter, seqIteratorType } from '../objects/iterators.js';
import { PyMappingProxy } from '../objects/mappingproxy.js';
import { defMethod } from '../objects/native.js';
import { PyClassMethod, PyProperty } from '../objects/descr.js';
import { keyErrorType } from '../objects/exception-types.js';
import { typeNew } from '../objects/type.js';
import { builtinFunction } from '../objects/native.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { contains, getItem, len, setItem, delItem } from '../protocols/sequence.js';
import { repr, withReprGuard } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';
import { toArray } from '../protocols/iter.js';
import { pyEq, richCompareBool, CMP_EQ } from '../protocols/compare.js';

function pyClass(name: string, bases: PyType[]): PyType {
  const ns = new PyDict();
  ns.setStr('__module__', newStr(name.endsWith('View') ? 'collections.abc' : 'collections'));
  ns.setStr('__qualname__', newStr(name));
  return typeNew(typeType, name, bases, ns, null);
}

function keyErrorWith(key: PyObject | string): never {
  const e = new PyError(callObject(keyErrorType, [typeof key === 'string' ? newStr(key) : key], null));
  throw e;
}

function isKeyError(e: unknown): boolean {
  return e instanceof PyError && e.exc.type.isSubtype(keyErrorType);
}

/** The views over a mapping: KeysView(m), ItemsView(m), ValuesView(m). */
function makeViews(): [PyType, PyType, PyType] {
  const make = (name: string, kind: 0 | 1 | 2): PyType => {
    const t = pyClass(name, [objectType]);
    defMethod(t, '__init__', (a) => {
      (a[0]!.dict as PyDict).setStr('_mapping', a[1]!);
      return None;
    });
    const mapping = (o: PyObject) => (o.dict as PyDict).getStr('_mapping')!;
    const items = (o: PyObject): PyObject[] => {
      const m = mapping(o);
      const keys = toArray(m);
      if (kind === 0) return keys;
      if (kind === 2) return keys.map((k) => getItem(m, k));
      return keys.map((k) => newTuple([k, getItem(m, k)]));
    };
    defMethod(t, '__len__', (a) => intFromNumber(len(mapping(a[0]!))));
    defMethod(t, '__iter__', (a) => {
      const xs = items(a[0]!);
      let i = 0;
      return new PyNativeIter(seqIteratorType, () => (i < xs.length ? xs[i++]! : null));
    });
    defMethod(t, '__repr__', (a) => newStr(`${a[0]!.type.name}(${repr(mapping(a[0]!))})`));
    defMethod(t, '__contains__', (a) => {
      const m = mapping(a[0]!);
      const x = a[1]!;
      if (kind === 0) return pyBool(contains(m, x));
      if (kind === 2) return pyBool(items(a[0]!).some((v) => v === x || pyEq(v, x)));
      if (!(x instanceof PyTuple) || x.items.length !== 2) return False;
      try {
        const v = getItem(m, x.items[0]!);
        return pyBool(v === x.items[1] || pyEq(v, x.items[1]!));
      } catch (e) {
        if (isKeyError(e)) return False;
        throw e;
      }
    });
    if (kind !== 2) {
      // Set's comparison: the same size and every element contained
      defMethod(t, '__eq__', (a) => {
        const other = a[1]!;
        if (!(other instanceof PySet) && other.type !== t) return NotImplemented;
        const mine = items(a[0]!);
        const theirs = toArray(other);
        if (mine.length !== theirs.length) return False;
        const set = new PySet();
        for (const v of theirs) set.add(v);
        return pyBool(mine.every((v) => set.has(v)));
      });
    }
    return t;
  };
  return [make('KeysView', 0), make('ItemsView', 1), make('ValuesView', 2)];
}

export function makeChainMap(): PyType {
  const [keysView, itemsView, valuesView] = makeViews();
  const cm = pyClass('ChainMap', [objectType]);
  const maps = (o: PyObject): PyObject[] => ((o.dict as PyDict).getStr('maps') as PyList).items;
  const first = (o: PyObject): PyObject => maps(o)[0]!;
  const merged = (o: PyObject): PyObject[] => {
    // __iter__: keys in order of first appearance, scanning the last mapping first
    const d = new PyDict();
    for (const m of [...maps(o)].reverse()) for (const k of toArray(m)) d.set(k, None);
    return d.keyList();
  };
  defMethod(cm, '__init__', (a) => {
    const ms = a.slice(1);
    (a[0]!.dict as PyDict).setStr('maps', new PyList(ms.length ? ms : [new PyDict()]));
    return None;
  });
  defMethod(cm, '__missing__', (a) => keyErrorWith(a[1]!));
  defMethod(cm, '__getitem__', (a) => {
    for (const m of maps(a[0]!)) {
      try {
        return getItem(m, a[1]!);
      } catch (e) {
        if (!isKeyError(e)) throw e;
      }
    }
    return callObject(getAttr(a[0]!, '__missing__'), [a[1]!], null);
  });
  defMethod(cm, 'get', (a) => (maps(a[0]!).some((m) => contains(m, a[1]!)) ? getItem(a[0]!, a[1]!) : (a[2] ?? None)));
  defMethod(cm, '__len__', (a) => intFromNumber(merged(a[0]!).length));
  defMethod(cm, '__iter__', (a) => {
    const ks = merged(a[0]!);
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => (i < ks.length ? ks[i++]! : null));
  });
  defMethod(cm, '__contains__', (a) => pyBool(maps(a[0]!).some((m) => contains(m, a[1]!))));
  defMethod(cm, '__bool__', (a) => pyBool(maps(a[0]!).some((m) => isTrue(m))));
  defMethod(cm, '__repr__', (a) => newStr(withReprGuard(a[0]!, '...', () => `${a[0]!.type.name}(${maps(a[0]!).map(repr).join(', ')})`)));
  defMethod(cm, 'copy', (a) => callObject(a[0]!.type, [callObject(getAttr(first(a[0]!), 'copy'), [], null), ...maps(a[0]!).slice(1)], null));
  cm.setAttr('__copy__', cm.attrs.get('copy')!);
  defMethod(cm, 'new_child', (a, kw) => {
    let m = a[1] ?? kw?.get('m') ?? None;
    const extra = new Map([...(kw ?? [])].filter(([k]) => k !== 'm'));
    if (m === None) {
      const d = new PyDict();
      for (const [k, v] of extra) d.setStr(k, v);
      m = d;
    } else if (extra.size) for (const [k, v] of extra) setItem(m, newStr(k), v);
    return callObject(a[0]!.type, [m, ...maps(a[0]!)], null);
  });
  const parents = new PyProperty();
  parents.fget = builtinFunction('parents', (a) => callObject(a[0]!.type, maps(a[0]!).slice(1), null));
  cm.setAttr('parents', parents);
  defMethod(cm, '__setitem__', (a) => {
    setItem(first(a[0]!), a[1]!, a[2]!);
    return None;
  });
  defMethod(cm, '__delitem__', (a) => {
    try {
      delItem(first(a[0]!), a[1]!);
    } catch (e) {
      if (isKeyError(e)) keyErrorWith(`Key not found in the first mapping: ${repr(a[1]!)}`);
      throw e;
    }
    return None;
  });
  defMethod(cm, 'popitem', (a) => {
    try {
      return callObject(getAttr(first(a[0]!), 'popitem'), [], null);
    } catch (e) {
      if (isKeyError(e)) keyErrorWith('No keys found in the first mapping.');
      throw e;
    }
  });
  defMethod(cm, 'pop', (a) => {
    try {
      return callObject(getAttr(first(a[0]!), 'pop'), a.slice(1), null);
    } catch (e) {
      if (isKeyError(e)) keyErrorWith(`Key not found in the first mapping: ${repr(a[1]!)}`);
      throw e;
    }
  });
  defMethod(cm, 'clear', (a) => callObject(getAttr(first(a[0]!), 'clear'), [], null));
  defMethod(cm, '__ior__', (a) => {
    callObject(getAttr(first(a[0]!), 'update'), [a[1]!], null);
    return a[0]!;
  });
  defMethod(cm, '__or__', (a) => {
    if (!(a[1] instanceof PyDict) && a[1]!.type.lookup('keys') === undefined) return NotImplemented;
    const m = callObject(getAttr(a[0]!, 'copy'), [], null);
    callObject(getAttr(first(m), 'update'), [a[1]!], null);
    return m;
  });
  defMethod(cm, '__ror__', (a) => {
    if (!(a[1] instanceof PyDict)) return NotImplemented;
    const d = new PyDict();
    for (const [k, v] of a[1].entries()) d.set(k, v);
    for (const child of [...maps(a[0]!)].reverse()) callObject(getAttr(d, 'update'), [child], null);
    return callObject(a[0]!.type, [d], null);
  });
  const fromkeys = builtinFunction('fromkeys', (a) => {
    const d = new PyDict();
    for (const k of toArray(a[1]!)) d.set(k, a[2] ?? None);
    return callObject(a[0]!, [d], null);
  });
  cm.setAttr('fromkeys', new PyClassMethod(fromkeys));
  // MutableMapping's mixins
  defMethod(cm, 'keys', (a) => callObject(keysView, [a[0]!], null));
  defMethod(cm, 'items', (a) => callObject(itemsView, [a[0]!], null));
  defMethod(cm, 'values', (a) => callObject(valuesView, [a[0]!], null));
  defMethod(cm, 'setdefault', (a) => {
    if (contains(a[0]!, a[1]!)) return getItem(a[0]!, a[1]!);
    setItem(a[0]!, a[1]!, a[2] ?? None);
    return a[2] ?? None;
  });
  defMethod(cm, 'update', (a, kw) => {
    const src = a[1];
    if (src !== undefined) {
      const pairs = src instanceof PyDict || src.type.lookup('keys') !== undefined ? toArray(src).map((k) => [k, getItem(src, k)] as const) : toArray(src).map((p) => toArray(p) as unknown as readonly [PyObject, PyObject]);
      for (const [k, v] of pairs) setItem(a[0]!, k, v);
    }
    for (const [k, v] of kw ?? []) setItem(a[0]!, newStr(k), v);
    return None;
  });
  defMethod(cm, '__eq__', (a) => {
    // Mapping.__eq__: dict(self.items()) == dict(other.items())
    const other = a[1]!;
    if (!(other instanceof PyDict) && !(other.type.isSubtype(cm)) && !(other instanceof PyMappingProxy)) return NotImplemented;
    const mine = new PyDict();
    for (const k of merged(a[0]!)) mine.set(k, getItem(a[0]!, k));
    const theirs = new PyDict();
    for (const k of toArray(other)) theirs.set(k, getItem(other, k));
    return pyBool(richCompareBool(mine, theirs, CMP_EQ));
  });
  cm.attrs.set('__hash__', None);
  void True;
  return cm;
}
