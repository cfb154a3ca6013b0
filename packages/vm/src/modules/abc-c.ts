// The _abc module: what Lib/abc.py's ABCMeta delegates to — abstract-method bookkeeping, register,
// and the cached isinstance/issubclass checks. Without it, Lib/abc.py falls back to _py_abc.
// CPython counterpart: Modules/_abc.c.
import { raise } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType, TPFLAGS_MAPPING, TPFLAGS_SEQUENCE } from '../objects/object.js';
import { False, intFromNumber, intType, PyInt, True } from '../objects/int.js';
import { newFrozenSet, newSet } from '../objects/set.js';
import { PyTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { assertionErrorType, runtimeErrorType, typeErrorType } from '../objects/exception-types.js';
import { isSubclass } from '../builtins/introspection.js';
import { callObject } from '../protocols/call.js';
import { getAttr, getAttrOpt, setAttr } from '../protocols/getattr.js';
import { getIter, iterNext, toArray } from '../protocols/iter.js';
import { isTrue } from '../protocols/truth.js';
import { newRef, refType } from './weakref.js';

const COLLECTION_FLAGS = TPFLAGS_SEQUENCE | TPFLAGS_MAPPING;

/** _abc_data: one ABC's registry and caches (C's are sets of weak references; these hold classes). */
const abcDataType = builtinType('_abc_data', undefined, 0);
abcDataType.module = '_abc';

class PyAbcData extends PyObject {
  readonly registry = new Set<PyObject>();
  readonly cache = new Set<PyObject>();
  readonly negativeCache = new Set<PyObject>();
  negativeCacheVersion: number;
  constructor() {
    super(abcDataType);
    this.negativeCacheVersion = invalidationCounter;
  }
}

/** abc_invalidation_counter: bumped by every register, so negative caches go stale. */
let invalidationCounter = 0;

/** _get_impl: cls._abc_impl, which _abc_init put there. */
function getImpl(cls: PyObject): PyAbcData {
  const impl = getAttr(cls, '_abc_impl');
  if (!(impl instanceof PyAbcData)) raise(typeErrorType, '_abc_impl is set to a wrong type');
  return impl;
}

/** _PyObject_IsAbstract: a true __isabstractmethod__ (absent is false). */
function isAbstract(value: PyObject): boolean {
  const flag = getAttrOpt(value, '__isabstractmethod__');
  return flag !== undefined && isTrue(flag);
}

/** compute_abstract_methods: the names abstract in the class body or still abstract from a base. */
function computeAbstractMethods(cls: PyObject): void {
  const abstracts: PyObject[] = [];
  const ns = getAttr(cls, '__dict__');
  // the class namespace's items, as a list first (evaluating a value may run code)
  const items = toArray(callObject(getAttr(ns, 'items'), [], null));
  for (const item of items) {
    if (!(item instanceof PyTuple) || item.items.length !== 2) raise(typeErrorType, 'items() returned item which is not a 2-tuple');
    if (isAbstract(item.items[1]!)) abstracts.push(item.items[0]!);
  }
  const bases = getAttr(cls, '__bases__');
  if (!(bases instanceof PyTuple)) raise(typeErrorType, '__bases__ is not tuple');
  for (const base of bases.items) {
    const baseAbstracts = getAttrOpt(base, '__abstractmethods__');
    if (baseAbstracts === undefined) continue;
    const it = getIter(baseAbstracts);
    for (let key = iterNext(it); key !== null; key = iterNext(it)) {
      const value = getAttrOpt(cls, keyName(key));
      if (value !== undefined && isAbstract(value)) abstracts.push(key);
    }
  }
  setAttr(cls, '__abstractmethods__', newFrozenSet(abstracts));
}

function keyName(key: PyObject): string {
  const s = (key as { value?: unknown }).value;
  if (typeof s !== 'string') raise(typeErrorType, `attribute name must be string, not '${key.type.name}'`);
  return s;
}

/** The collection flag a class has, its own or the first along its MRO (CPython inherits tp_flags). */
function collectionFlag(t: PyType): number {
  for (const c of t.mro) {
    const f = c.flags & COLLECTION_FLAGS;
    if (f !== 0) return f;
  }
  return 0;
}

/** set_collection_flag_recursive: a registered class (and its subclasses) match as the ABC does. */
function setCollectionFlag(child: PyType, flag: number): void {
  // builtin types are immutable; a class with the flag already keeps it
  if (child.solid === child || (child.flags & COLLECTION_FLAGS) === flag) return;
  child.flags = (child.flags & ~COLLECTION_FLAGS) | flag;
  for (const sub of toArray(callObject(getAttr(child, '__subclasses__'), [], null))) {
    if (sub instanceof PyType) setCollectionFlag(sub, flag);
  }
}

function abcInit(cls: PyObject): PyObject {
  computeAbstractMethods(cls);
  setAttr(cls, '_abc_impl', new PyAbcData());
  if (cls instanceof PyType) {
    // __abc_tpflags__ (collections.abc's Sequence and Mapping): the flag pattern matching reads
    const flags = cls.attrs.get('__abc_tpflags__');
    if (flags !== undefined) {
      if (flags instanceof PyInt && flags.type === intType) {
        const val = Number(BigInt.asIntN(64, flags.value));
        if ((val & COLLECTION_FLAGS) === COLLECTION_FLAGS) raise(typeErrorType, '__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING');
        cls.flags |= val & COLLECTION_FLAGS;
      }
      setAttr(cls, '__abc_tpflags__', null);
    }
  }
  return None;
}

function abcRegister(cls: PyObject, subclass: PyObject): PyObject {
  if (!(subclass instanceof PyType)) raise(typeErrorType, 'Can only register classes');
  if (isSubclass(subclass, cls)) return subclass; // already a subclass
  // subtle: test for cycles after testing for "already a subclass"; this means we allow X.register(X) and interpret it as a no-op
  if (isSubclass(cls, subclass)) raise(runtimeErrorType, 'Refusing to create an inheritance cycle');
  getImpl(cls).registry.add(subclass);
  invalidationCounter++;
  if (cls instanceof PyType) {
    const flag = collectionFlag(cls);
    if (flag !== 0) setCollectionFlag(subclass, flag);
  }
  return subclass;
}

function callSubclassCheck(cls: PyObject, subclass: PyObject): PyObject {
  return callObject(getAttr(cls, '__subclasscheck__'), [subclass], null);
}

function abcInstanceCheck(cls: PyObject, instance: PyObject): PyObject {
  const impl = getImpl(cls);
  const subclass = getAttr(instance, '__class__');
  if (impl.cache.has(subclass)) return True;
  const subtype = instance.type;
  if (subtype === subclass) {
    if (impl.negativeCacheVersion === invalidationCounter && impl.negativeCache.has(subclass)) return False;
    // fall back to the subclass check
    return callSubclassCheck(cls, subclass);
  }
  const result = callSubclassCheck(cls, subclass);
  if (isTrue(result)) return result;
  return callSubclassCheck(cls, subtype);
}

function abcSubclassCheck(cls: PyObject, subclass: PyObject): PyObject {
  if (!(subclass instanceof PyType)) raise(typeErrorType, 'issubclass() arg 1 must be a class');
  const impl = getImpl(cls);
  // 1. the positive cache
  if (impl.cache.has(subclass)) return True;
  // 2. the negative cache, emptied when a register happened since it was filled
  if (impl.negativeCacheVersion < invalidationCounter) {
    impl.negativeCache.clear();
    impl.negativeCacheVersion = invalidationCounter;
  } else if (impl.negativeCache.has(subclass)) {
    return False;
  }
  // 3. the subclass hook
  const ok = callObject(getAttr(cls, '__subclasshook__'), [subclass], null);
  if (ok === True) {
    impl.cache.add(subclass);
    return True;
  }
  if (ok === False) {
    impl.negativeCache.add(subclass);
    return False;
  }
  if (ok !== NotImplemented) raise(assertionErrorType, '__subclasshook__ must return either False, True, or NotImplemented');
  // 4. a direct subclass
  if (subclass.mro.includes(cls as PyType)) {
    impl.cache.add(subclass);
    return True;
  }
  // 5. a registered class (not cached), or a subclass of one (recursive)
  if (impl.registry.has(subclass)) return True;
  for (const rcls of [...impl.registry]) {
    if (isSubclass(subclass, rcls)) {
      impl.cache.add(subclass);
      return True;
    }
  }
  // 6. a subclass of a subclass (recursive)
  for (const scls of toArray(callObject(getAttr(cls, '__subclasses__'), [], null))) {
    if (isSubclass(subclass, scls)) {
      impl.cache.add(subclass);
      return True;
    }
  }
  // no dice; update the negative cache
  impl.negativeCache.add(subclass);
  return False;
}

/** The weak references _get_dump reports: a set of refs to the classes. */
function refSet(classes: Set<PyObject>): PyObject {
  return newSet([...classes].map((c) => newRef(refType, c, None)));
}

export function makeAbcC(): PyModule {
  const m = new PyModule('_abc');
  const d = m.dict;
  const fn = (name: string, arity: number, f: (...a: PyObject[]) => PyObject) =>
    d.setStr(
      name,
      builtinFunction(name, (a, kw) => {
        if (kw && kw.size > 0) raise(typeErrorType, `${name}() takes no keyword arguments`);
        if (a.length !== arity) {
          raise(typeErrorType, arity === 1 ? `${name}() takes exactly one argument (${a.length} given)` : `${name} expected ${arity} arguments, got ${a.length}`);
        }
        return f(...a);
      }),
    );
  fn('get_cache_token', 0, () => intFromNumber(invalidationCounter));
  fn('_abc_init', 1, abcInit);
  fn('_abc_register', 2, abcRegister);
  fn('_abc_instancecheck', 2, abcInstanceCheck);
  fn('_abc_subclasscheck', 2, abcSubclassCheck);
  fn('_get_dump', 1, (cls) => {
    const impl = getImpl(cls);
    return new PyTuple([refSet(impl.registry), refSet(impl.cache), refSet(impl.negativeCache), intFromNumber(impl.negativeCacheVersion)]);
  });
  fn('_reset_registry', 1, (cls) => {
    getImpl(cls).registry.clear();
    return None;
  });
  fn('_reset_caches', 1, (cls) => {
    const impl = getImpl(cls);
    impl.cache.clear();
    impl.negativeCache.clear();
    return None;
  });
  d.setStr('_abc_data', abcDataType);
  return m;
}
