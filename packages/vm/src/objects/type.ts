// `object` and `type` behaviour: instance creation, class creation (type_new, C3 MRO),
// the default dunders. CPython counterpart: Objects/typeobject.c (object_new, object_init,
// type_new, mro_implementation, object_richcompare, object_repr, type_repr).
import { newException, PyError, raise, raiseAttributeError } from '../errors.js';
import {
  None,
  NotImplemented,
  PyObject,
  PyType,
  TPFLAGS_BASETYPE,
  TPFLAGS_HEAPTYPE,
  builtinSubclasses,
  bumpTypeVersion,
  builtinTypes,
  objectType,
  typeType,
} from './object.js';
import { PyInt, intFromNumber, pyBool, True, False } from './int.js';
import { PyStr, newStr } from './str.js';
import { PyTuple, newTuple } from './tuple.js';
import { PyList } from './list.js';
import { PyDict } from './dict.js';
import { PyMappingProxy } from './mappingproxy.js';
import { PyCell, PyFunction } from './function.js';
import { defMethod, PyBuiltin, type Kwargs } from './native.js';
import { defGetSet, PyClassMethod, PyGetSet, PyMemberDescr, PyStaticMethod, memberDescriptorType } from './descr.js';
import { toArray } from '../protocols/iter.js';
import { attributeErrorType, baseExceptionType, PyBaseException, runtimeErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { repr, str } from '../protocols/repr.js';
import { callObject, typeCallDefault } from '../protocols/call.js';
import { callCompareSlot } from '../protocols/compare.js';
import { attrName, genericGetAttr, genericSetAttr, setAttr, typeSetAttr, descrGet, rememberGetAttribute } from '../protocols/getattr.js';
import { idHash, objectId } from '../protocols/hash.js';
import { ts } from '../eval/state.js';
import { isTrue } from '../protocols/truth.js';

/** C3 linearisation (mro_implementation). */
export function c3(cls: PyType, bases: PyType[]): PyType[] {
  // one base (most classes): its MRO after the class, as mro_implementation's fast path
  if (bases.length === 1) {
    const mro = bases[0]!.mro;
    const out: PyType[] = new Array(mro.length + 1);
    out[0] = cls;
    for (let i = 0; i < mro.length; i++) out[i + 1] = mro[i]!;
    return out;
  }
  const seqs: PyType[][] = bases.map((b) => b.mro.slice());
  seqs.push(bases.slice());
  const out: PyType[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0]!;
      if (!nonEmpty.some((t) => t.indexOf(head) > 0)) {
        cand = head;
        break;
      }
    }
    if (cand === null) {
      const names = bases.map((b) => b.name).join(', ');
      raise(typeErrorType, `Cannot create a consistent method resolution\norder (MRO) for bases ${names}`);
    }
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/** _Py_Mangle: a private __name inside class `owner` becomes _Owner__name. */
function mangle(owner: string, n: string): string {
  if (!n.startsWith('__') || n.endsWith('__') || n.includes('.')) return n;
  const stripped = owner.replace(/^_+/, '');
  return stripped === '' ? n : `_${stripped}${n}`;
}

/** mro_internal: C3, or the metaclass's own mro() when it overrides type.mro. */
function mroOf(cls: PyType): PyType[] {
  const custom = cls.type.lookup('mro');
  if (custom === undefined || custom === typeType.attrs.get('mro')) return c3(cls, cls.bases);
  return toArray(callObject(descrGet(custom, cls, cls.type), [], null)).map((t) => {
    if (!(t instanceof PyType)) raise(typeErrorType, `mro() returned a non-class ('${t.type.name}')`);
    return t;
  });
}

/** Recompute the MRO of `cls` and of every class below it (after __bases__ assignment). */
function remro(cls: PyType): void {
  cls.mro = mroOf(cls);
  for (const sub of subclassesOf.get(cls) ?? []) remro(sub);
}

/** type_set_bases */
function setBases(cls: PyType, v: PyObject | null): void {
  if (!(cls.flags & TPFLAGS_HEAPTYPE)) raise(typeErrorType, `cannot set '__bases__' attribute of immutable type '${cls.name}'`);
  if (v === null) raise(typeErrorType, `cannot delete '__bases__' attribute of immutable type '${cls.name}'`);
  if (!(v instanceof PyTuple)) raise(typeErrorType, `can only assign tuple to ${cls.name}.__bases__, not ${v.type.name}`);
  if (v.items.length === 0) raise(typeErrorType, `can only assign non-empty tuple to ${cls.name}.__bases__, not ()`);
  const bases = v.items.map((b) => {
    if (!(b instanceof PyType)) raise(typeErrorType, `${cls.name}.__bases__ must be tuple of classes, not '${b.type.name}'`);
    if (b.isSubtype(cls)) raise(typeErrorType, 'a __bases__ item causes an inheritance cycle');
    return b;
  });
  if (solidBase(bases) !== cls.solid) {
    raise(typeErrorType, `__bases__ assignment: '${bases[0]!.name}' deallocator differs from '${cls.base?.name}'`);
  }
  const old = cls.bases;
  const oldMros = new Map<PyType, PyType[]>();
  const save = (t: PyType) => {
    oldMros.set(t, t.mro);
    for (const s of subclassesOf.get(t) ?? []) save(s);
  };
  save(cls);
  cls.bases = bases;
  cls.base = bases[0]!;
  try {
    remro(cls);
  } catch (e) {
    cls.bases = old;
    cls.base = old[0] ?? null;
    for (const [t, m] of oldMros) t.mro = m;
    throw e;
  }
  for (const b of old) {
    const subs = subclassesOf.get(b);
    if (subs) subs.splice(subs.indexOf(cls), 1);
  }
  for (const b of bases) {
    let subs = subclassesOf.get(b);
    if (subs === undefined) subclassesOf.set(b, (subs = []));
    subs.push(cls);
  }
  bumpTypeVersion();
}

/** The most derived builtin layout among the bases (best_base), or a layout-conflict TypeError. */
function solidBase(bases: PyType[]): PyType {
  let winner: PyType = objectType;
  for (const b of bases) {
    const s = b.solid ?? objectType;
    if (winner.isSubtype(s)) continue;
    if (s.isSubtype(winner)) winner = s;
    else raise(typeErrorType, 'multiple bases have instance lay-out conflict');
  }
  return winner;
}

/** solid_base for heap types: the class itself when its own __slots__ add members, else its winning base's. */
/** tp_itemsize of the builtin types that have one (64-bit CPython) */
const ITEMSIZE = new Map([['int', 4], ['bytes', 1], ['tuple', 8], ['memoryview', 8], ['type', 40]]);

const layouts = new WeakMap<PyType, PyType>();
function layoutOf(t: PyType): PyType {
  return layouts.get(t) ?? t.solid ?? objectType;
}

/** best_base's layout check, counting classes with their own non-empty __slots__ as layouts. */
function layoutBase(bases: PyType[]): PyType {
  let winner: PyType = objectType;
  for (const b of bases) {
    const s = layoutOf(b);
    if (winner.isSubtype(s)) continue;
    if (s.isSubtype(winner)) winner = s;
    else raise(typeErrorType, 'multiple bases have instance lay-out conflict');
  }
  return winner;
}

/** Builtin layouts whose subclasses get no __weakref__ (variable-size, or weakrefs built in). */
const NO_WEAKREF_ADDED = new Set(['int', 'bool', 'tuple', 'bytes', 'set', 'frozenset', 'type']);

/** type_new's __dict__ and __weakref__ getsets, added by the first class that gives instances each. */
function addDictAndWeakref(cls: PyType, slots: string[] | null): void {
  const solid = cls.solid ?? objectType;
  const inherited = (name: string) => cls.mro.slice(1).some((t) => t !== objectType && t.attrs.has(name));
  const objectDict = objectType.attrs.get('__dict__') as PyGetSet;
  const wantsDict = slots === null || slots.includes('__dict__');
  if (wantsDict && !inherited('__dict__') && !solid.isSubtype(typeType) && !solid.isSubtype(baseExceptionType) && (solid === objectType || solid.attrs.get('__dict__') === undefined)) {
    cls.attrs.set('__dict__', new PyGetSet(cls, '__dict__', objectDict.get, objectDict.set));
  }
  const wantsWeakref = slots === null || slots.includes('__weakref__');
  if (wantsWeakref && !inherited('__weakref__') && !NO_WEAKREF_ADDED.has(solid.name)) {
    cls.attrs.set('__weakref__', new PyGetSet(cls, '__weakref__', () => None, null));
  }
}

/** tp_subclasses: each type's direct subclasses, in creation order (kept alive, unlike CPython's weak refs) */
const subclassesOf = new WeakMap<PyType, PyType[]>();

/** type.__subclasses__(): the direct subclasses of `t`, in creation order. */
export function directSubclasses(t: PyType): PyType[] {
  return [...(builtinSubclasses.get(t) ?? []), ...(subclassesOf.get(t) ?? [])];
}

/** type_new: create a class. */
export function typeNew(meta: PyType, name: string, bases: PyType[], ns: PyDict, kw: Kwargs | null): PyType {
  if (bases.length === 0) bases = [objectType];
  for (const b of bases) {
    if (!(b.flags & TPFLAGS_BASETYPE)) raise(typeErrorType, `type '${b.tpName ?? b.name}' is not an acceptable base type`);
  }
  bases.forEach((b, i) => {
    if (bases.indexOf(b) !== i) raise(typeErrorType, `duplicate base class ${b.name}`);
  });
  const cls = new PyType(meta, name, bases, TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE);
  cls.solid = solidBase(bases);
  let layout = layoutBase(bases);
  cls.mro = mroOf(cls);
  for (const b of bases) {
    let subs = subclassesOf.get(b);
    if (subs === undefined) subclassesOf.set(b, (subs = []));
    subs.push(cls);
  }
  let cell: PyCell | null = null;
  for (const [k, v] of ns.entries()) {
    const key = (k as PyStr).value;
    if (key === '__qualname__') {
      if (!(v instanceof PyStr)) raise(typeErrorType, `type __qualname__ must be a str, not ${v.type.name}`);
      cls.qualname = v.value;
      continue;
    }
    if (key === '__classcell__') {
      cell = v as PyCell;
      continue;
    }
    cls.attrs.set(key, v);
  }
  const slots = cls.attrs.get('__slots__');
  let slotList: string[] | null = null;
  if (slots !== undefined) {
    const names = slots instanceof PyStr ? [slots.value] : toArray(slots).map((s) => {
      if (!(s instanceof PyStr)) raise(typeErrorType, `__slots__ items must be strings, not '${s.type.name}'`);
      return s.value;
    });
    slotList = names;
    cls.hasInstanceDict = names.includes('__dict__') || bases.some((b) => (b.flags & TPFLAGS_HEAPTYPE) !== 0 && b.hasInstanceDict);
    const made = new Set<string>();
    for (let n of names) {
      if (n === '__dict__' || n === '__weakref__') continue;
      n = mangle(cls.name, n);
      // a name listed twice gets one slot (datetime's __slots__ = date.__slots__ + time.__slots__)
      if (made.has(n)) continue;
      if (cls.attrs.has(n)) raise(valueErrorType, `'${n}' in __slots__ conflicts with class variable`);
      cls.attrs.set(n, new PyMemberDescr(cls, n));
      made.add(n);
      layout = cls;
    }
  }
  layouts.set(cls, layout);
  addDictAndWeakref(cls, slotList);
  // type_new_set_module: without __module__ in the namespace, the calling frame's __name__
  if (!cls.attrs.has('__module__')) {
    const caller = ts.frame?.globals.getStr('__name__');
    if (caller !== undefined) cls.attrs.set('__module__', caller);
  }
  const mod = cls.attrs.get('__module__');
  cls.module = mod instanceof PyStr ? mod.value : 'builtins';
  if (!cls.attrs.has('__doc__')) cls.attrs.set('__doc__', None);
  if (cls.attrs.has('__eq__') && !cls.attrs.has('__hash__')) cls.attrs.set('__hash__', None);
  for (const special of ['__init_subclass__', '__class_getitem__']) {
    const f = cls.attrs.get(special);
    if (f instanceof PyFunction) cls.attrs.set(special, new PyClassMethod(f));
  }
  const nw = cls.attrs.get('__new__');
  if (nw instanceof PyFunction) cls.attrs.set('__new__', new PyStaticMethod(nw));
  bumpTypeVersion();
  if (cell !== null) cell.ref = cls;
  // __set_name__
  for (const [k, v] of [...cls.attrs]) {
    const sn = v.type.lookup('__set_name__');
    if (sn === undefined) continue;
    try {
      callObject(descrGet(sn, v, v.type), [cls, newStr(k)], null);
    } catch (e) {
      // 3.11 wraps the error (type_new_set_names); 3.12 adds a note instead
      if (!(e instanceof PyError)) throw e;
      const wrapped = newException(runtimeErrorType, `Error calling __set_name__ on '${v.type.name}' instance '${k}' in '${cls.name}'`) as PyBaseException;
      wrapped.cause = e.exc;
      wrapped.context = e.exc;
      wrapped.suppressContext = true;
      throw new PyError(wrapped);
    }
  }
  // __init_subclass__ of the parent
  // super(cls, cls).__init_subclass__: found along the new class's MRO after itself
  let init: PyObject | undefined;
  for (const t of cls.mro.slice(1)) {
    init = t.attrs.get('__init_subclass__');
    if (init !== undefined) break;
  }
  if (init !== undefined) {
    const bound = init instanceof PyClassMethod ? callObject.bind(null, init.func) : null;
    if (bound) bound([cls], kw);
    else callObject(descrGet(init, null, cls), [], kw);
  }
  return cls;
}

function typeRepr(t: PyType): string {
  if (t.module === 'builtins') return `<class '${t.qualname}'>`;
  return `<class '${t.module}.${t.qualname}'>`;
}

/** Default repr of an instance: <module.Qualname object at 0x...>. */
export function objectRepr(o: PyObject): string {
  const t = o.type;
  const name = t.module === 'builtins' ? t.qualname : `${t.module}.${t.qualname}`;
  return `<${name} object at 0x${objectId(o).toString(16)}>`;
}

export function initType(): void {
  const o = objectType;
  defMethod(o, '__new__', (a, kw) => {
    const cls = a[0];
    if (!(cls instanceof PyType)) raise(typeErrorType, `object.__new__(X): X is not a type object (${cls?.type.name})`);
    const excess = a.length > 1 || (kw !== null && kw.size > 0);
    if (excess) {
      if (cls.lookup('__new__') !== o.attrs.get('__new__')) {
        raise(typeErrorType, 'object.__new__() takes exactly one argument (the type to instantiate)');
      }
      if (cls.lookup('__init__') === o.attrs.get('__init__')) raise(typeErrorType, `${cls.name}() takes no arguments`);
    }
    if (cls.solid !== objectType && cls.solid !== null) {
      raise(typeErrorType, `object.__new__(${cls.name}) is not safe, use ${cls.solid.name}.__new__()`);
    }
    // Py_TPFLAGS_IS_ABSTRACT: a non-empty __abstractmethods__ of the class itself
    const abstract = cls.attrs.get('__abstractmethods__');
    if (abstract !== undefined && isTrue(abstract)) {
      const names = toArray(abstract).map((n) => (n as PyStr).value).sort();
      raise(typeErrorType, `Can't instantiate abstract class ${cls.name} with abstract method${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
    }
    const inst = new PyObject(cls);
    if (cls.flags & TPFLAGS_HEAPTYPE && cls.hasInstanceDict) inst.dict = new PyDict();
    return inst;
  });
  defMethod(o, '__init__', (a, kw) => {
    const self = a[0]!;
    const excess = a.length > 1 || (kw !== null && kw.size > 0);
    if (excess) {
      const t = self.type;
      if (t.lookup('__init__') !== o.attrs.get('__init__')) {
        raise(typeErrorType, 'object.__init__() takes exactly one argument (the instance to initialize)');
      }
      if (t.lookup('__new__') === o.attrs.get('__new__')) {
        raise(typeErrorType, `${t.name}.__init__() takes exactly one argument (the instance to initialize)`);
      }
    }
    return None;
  });
  defMethod(o, '__repr__', (a) => newStr(objectRepr(a[0]!)));
  defMethod(o, '__str__', (a) => newStr(repr(a[0]!)));
  // object.__subclasshook__: no opinion (the ABC machinery asks every class)
  o.setAttr('__subclasshook__', new PyClassMethod(new PyBuiltin('__subclasshook__', () => NotImplemented)));
  defMethod(o, '__hash__', (a) => new PyInt(idHash(a[0]!)));
  defMethod(o, '__eq__', (a) => (a[0] === a[1] ? True : NotImplemented));
  defMethod(o, '__ne__', (a) => {
    const eq = a[0]!.type.lookup('__eq__');
    if (eq === undefined) return NotImplemented;
    // object_richcompare: the type's own __eq__ slot, whose failing lookup is NotImplemented
    const r = callCompareSlot(eq, a[0]!, a[1]!);
    if (r === NotImplemented) return r;
    return isTrue(r) ? False : True;
  });
  for (const n of ['__lt__', '__le__', '__gt__', '__ge__']) defMethod(o, n, () => NotImplemented);
  defMethod(o, '__getattribute__', (a) => genericGetAttr(a[0]!, attrName(a[1]!))!);
  defMethod(o, '__setattr__', (a) => {
    genericSetAttr(a[0]!, attrName(a[1]!), a[2]!);
    return None;
  });
  defMethod(o, '__delattr__', (a) => {
    genericSetAttr(a[0]!, attrName(a[1]!), null);
    return None;
  });
  defMethod(o, '__format__', (a) => {
    const spec = (a[1] as PyStr).value;
    if (spec !== '') raise(typeErrorType, `unsupported format string passed to ${a[0]!.type.name}.__format__`);
    return newStr(str(a[0]!));
  });
  defMethod(o, '__dir__', (a) => {
    const names = new Set<string>();
    const self = a[0]!;
    if (self.dict instanceof PyDict) for (const k of self.dict.keyList()) names.add((k as PyStr).value);
    for (const t of self.type.mro) for (const k of t.attrs.keys()) names.add(k);
    return new PyList([...names].sort().map(newStr));
  });
  o.attrs.set(
    '__init_subclass__',
    new PyClassMethod(
      defMethod(o, '__init_subclass__', (a, kw) => {
        if (kw !== null && kw.size > 0) raise(typeErrorType, `${(a[0] as PyType).qualname}.__init_subclass__() takes no keyword arguments`);
        return None;
      }),
    ),
  );
  o.attrs.set('__subclasshook__', new PyClassMethod(defMethod(o, '__subclasshook__', () => NotImplemented)));
  o.attrs.set('__doc__', newStr('The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n'));
  defGetSet(
    o,
    '__class__',
    (x) => x.type,
    (x, v) => {
      if (!(v instanceof PyType)) raise(typeErrorType, `__class__ must be set to a class, not '${v?.type.name}' object`);
      // object_set_class: both heap types (or module subclasses) with the same layout
      if (!(v.flags & TPFLAGS_HEAPTYPE) || !(x.type.flags & TPFLAGS_HEAPTYPE)) {
        raise(typeErrorType, '__class__ assignment only supported for mutable types or ModuleType subclasses');
      }
      if (v.solid !== x.type.solid || v.hasInstanceDict !== x.type.hasInstanceDict) {
        raise(typeErrorType, `__class__ assignment: '${v.name}' object layout differs from '${x.type.name}'`);
      }
      x.type = v;
    },
  );
  defGetSet(
    o,
    '__dict__',
    (x) => {
      // PyObject_GenericGetDict: an instance of a builtin type's subclass gets its dict on demand
      if (x.dict === null && x.type.flags & TPFLAGS_HEAPTYPE && x.type.hasInstanceDict) x.dict = new PyDict();
      if (x.dict === null) raise(attributeErrorType, `'${x.type.name}' object has no attribute '__dict__'`);
      return x.dict;
    },
    (x, v) => {
      if (!(v instanceof PyDict)) raise(typeErrorType, `__dict__ must be set to a dictionary, not a '${v?.type.name}'`);
      x.dict = v;
    },
  );

  const t = typeType;
  defMethod(t, '__new__', (a, kw) => {
    const meta = a[0] as PyType;
    if (a.length === 2 && meta === typeType) return a[1]!.type;
    if (a.length !== 4) raise(typeErrorType, 'type() takes 1 or 3 arguments');
    const name = a[1]!;
    if (!(name instanceof PyStr)) raise(typeErrorType, `type.__new__() argument 1 must be str, not ${name.type.name}`);
    if (!(a[2] instanceof PyTuple)) raise(typeErrorType, `type.__new__() argument 2 must be tuple, not ${a[2]!.type.name}`);
    const bases = a[2].items as PyType[];
    if (!(a[3] instanceof PyDict)) raise(typeErrorType, `type.__new__() argument 3 must be dict, not ${a[3]!.type.name}`);
    const ns = a[3];
    // type_new_set_module: __module__ from the calling frame's globals (on type_new's copy of the dict)
    if (ns.getStr('__module__') === undefined) {
      const modName = ts.frame?.globals.getStr('__name__');
      if (modName !== undefined) {
        const copy = new PyDict();
        for (const [k, v] of ns.entries()) copy.set(k, v);
        copy.setStr('__module__', modName);
        return typeNewChecked(meta, name.value, bases, copy, kw);
      }
    }
    return typeNewChecked(meta, name.value, bases, ns, kw);
  });
  const typeNewChecked = (meta: PyType, name: string, bases: PyType[], ns: PyDict, kw: Kwargs | null): PyType => {
    let winner = meta;
    for (const b of bases) {
      const bt = b.type;
      if (winner.isSubtype(bt)) continue;
      if (bt.isSubtype(winner)) winner = bt;
      else raise(typeErrorType, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
    }
    for (const b of bases) if (!(b instanceof PyType)) raise(typeErrorType, `type.__new__() argument 2 must be tuple of types`);
    // a more derived metaclass with its own __new__ makes the class (type_new's winner)
    if (winner !== meta) {
      const wn = winner.lookup('__new__');
      if (wn !== undefined && wn !== t.attrs.get('__new__')) return callObject(winner, [newStr(name), newTuple(bases), ns], kw) as PyType;
    }
    return typeNew(winner, name, bases, ns, kw);
  };
  defMethod(t, '__init__', () => None);
  defMethod(t, '__call__', (a, kw) => typeCallDefault(a[0] as PyType, a.slice(1), kw));
  defMethod(t, '__repr__', (a) => newStr(typeRepr(a[0] as PyType)));
  defMethod(t, '__getattribute__', (a) => genericGetAttr(a[0]!, attrName(a[1]!))!);
  defMethod(t, '__setattr__', (a) => {
    typeSetAttr(a[0] as PyType, attrName(a[1]!), a[2]!);
    return None;
  });
  defMethod(t, '__delattr__', (a) => {
    typeSetAttr(a[0] as PyType, attrName(a[1]!), null);
    return None;
  });
  defMethod(t, 'mro', (a) => new PyList(c3(a[0] as PyType, (a[0] as PyType).bases)));
  defMethod(t, '__subclasscheck__', (a) => pyBool(a[1] instanceof PyType && a[1].isSubtype(a[0] as PyType)));
  defMethod(t, '__instancecheck__', (a) => pyBool(a[1]!.type.isSubtype(a[0] as PyType)));
  defMethod(t, '__prepare__', () => new PyDict());
  t.attrs.set('__prepare__', new PyClassMethod(t.attrs.get('__prepare__')!));
  defMethod(t, '__subclasses__', (a) => new PyList(directSubclasses(a[0] as PyType)));
  defGetSet(
    t,
    '__name__',
    (x) => newStr((x as PyType).name),
    (x, v) => {
      if (!(v instanceof PyStr)) raise(typeErrorType, `can only assign string to ${(x as PyType).name}.__name__, not '${v?.type.name}'`);
      (x as PyType).name = v.value;
    },
  );
  defGetSet(
    t,
    '__qualname__',
    (x) => newStr((x as PyType).qualname),
    (x, v) => {
      (x as PyType).qualname = (v as PyStr).value;
    },
  );
  defGetSet(
    t,
    '__module__',
    (x) => {
      const m = (x as PyType).attrs.get('__module__');
      return m ?? newStr((x as PyType).module);
    },
    (x, v) => {
      (x as PyType).setAttr('__module__', v!);
      if (v instanceof PyStr) (x as PyType).module = v.value;
    },
  );
  defGetSet(t, '__mro__', (x) => newTuple((x as PyType).mro.slice()));
  // tp_itemsize of CPython's variable-size builtins, inherited: code sizes C arrays with it
  defGetSet(t, '__itemsize__', (x) => {
    for (const b of (x as PyType).mro) {
      const n = ITEMSIZE.get(b.name);
      if (n !== undefined && b.module === 'builtins') return intFromNumber(n);
    }
    return intFromNumber(0);
  });
  defGetSet(t, '__bases__', (x) => newTuple((x as PyType).bases.slice()), (x, v) => setBases(x as PyType, v));
  defGetSet(t, '__base__', (x) => (x as PyType).base ?? None);
  defGetSet(t, '__dict__', (x) => {
    const d = new PyDict();
    for (const [k, v] of (x as PyType).attrs) d.setStr(k, v);
    return new PyMappingProxy(d);
  });
  defGetSet(t, '__doc__', (x) => {
    const d = (x as PyType).attrs.get('__doc__');
    return d === undefined ? None : descrGet(d, null, x as PyType);
  }, (x, v) => {
    // type_set_doc: heap types only
    const cls = x as PyType;
    if (!(cls.flags & TPFLAGS_HEAPTYPE)) raise(typeErrorType, `cannot set '__doc__' attribute of immutable type '${cls.name}'`);
    cls.attrs.set('__doc__', v ?? None);
    bumpTypeVersion();
  });
  // type_get_annotations / type_set_annotations: a class's own, made empty on first use (never
  // a base class's); builtin types have none
  defGetSet(t, '__annotations__', (x) => {
    const cls = x as PyType;
    if (!(cls.flags & TPFLAGS_HEAPTYPE)) raiseAttributeError(attributeErrorType, `type object '${cls.name}' has no attribute '__annotations__'`, '__annotations__', cls);
    let ann = cls.attrs.get('__annotations__');
    if (ann === undefined) cls.setAttr('__annotations__', (ann = new PyDict()));
    return descrGet(ann, null, cls);
  }, (x, v) => {
    const cls = x as PyType;
    if (!(cls.flags & TPFLAGS_HEAPTYPE)) raise(typeErrorType, `cannot set '__annotations__' attribute of immutable type '${cls.name}'`);
    if (v !== null) cls.setAttr('__annotations__', v);
    else if (!cls.deleteAttr('__annotations__')) raise(attributeErrorType, '__annotations__');
  });
  defMethod(memberDescriptorType, '__repr__', (a) => {
    const m = a[0] as PyMemberDescr;
    return newStr(`<member '${m.name}' of '${m.owner.name}' objects>`);
  });
  // member_descriptor's own protocol methods, for direct use (Cls.slot.__get__(obj, Cls))
  const memberCheck = (m: PyMemberDescr, obj: PyObject): void => {
    if (!obj.type.isSubtype(m.owner)) {
      raise(typeErrorType, `descriptor '${m.name}' for '${m.owner.name}' objects doesn't apply to a '${obj.type.name}' object`);
    }
  };
  defMethod(memberDescriptorType, '__get__', (a) => {
    const m = a[0] as PyMemberDescr;
    if (a[1] === undefined || a[1] === None) return m;
    memberCheck(m, a[1]);
    return descrGet(m, a[1], a[1].type);
  });
  defMethod(memberDescriptorType, '__set__', (a) => {
    memberCheck(a[0] as PyMemberDescr, a[1]!);
    (a[0] as PyMemberDescr).values.set(a[1]!, a[2]!);
    return None;
  });
  defMethod(memberDescriptorType, '__delete__', (a) => {
    const m = a[0] as PyMemberDescr;
    memberCheck(m, a[1]!);
    if (!m.values.delete(a[1]!)) raise(attributeErrorType, m.name);
    return None;
  });
  defGetSet(memberDescriptorType, '__name__', (x) => newStr((x as PyMemberDescr).name));
  defGetSet(memberDescriptorType, '__qualname__', (x) => newStr(`${(x as PyMemberDescr).owner.qualname}.${(x as PyMemberDescr).name}`));
  defGetSet(memberDescriptorType, '__objclass__', (x) => (x as PyMemberDescr).owner);
  rememberGetAttribute();
}
