// The kernel of the object model: PyObject, PyType, `object`, `type`, and the singletons None,
// NotImplemented and Ellipsis. CPython counterpart: Include/object.h, Objects/object.c,
// Objects/typeobject.c (the data part; behaviour lives in objects/type.ts and protocols/).
//
// This module imports nothing else from the VM, so every other module may build type objects at
// load time without tripping over an import cycle. Behaviour (methods) is installed later by each
// type's init function (see bootstrap.ts).

/** Type flags (a subset of CPython's Py_TPFLAGS_*). */
export const TPFLAGS_HEAPTYPE = 1 << 9;
export const TPFLAGS_BASETYPE = 1 << 10;
/** Py_TPFLAGS_SEQUENCE / _MAPPING: what `case [...]` and `case {...}` accept (inherited) */
export const TPFLAGS_SEQUENCE = 1 << 5;
export const TPFLAGS_MAPPING = 1 << 6;

/** Every Python object. `dict` is the instance __dict__ (a PyDict) or null for builtin instances. */
/** Every builtin type, in creation order: their bases' __subclasses__() list them first. */
export const builtinTypes: PyType[] = [];

export class PyObject {
  type: PyType;
  dict: PyObject | null;
  constructor(type: PyType) {
    this.type = type;
    this.dict = null;
  }
}

/** Global version of every type's attributes: bumped on any type attribute change (method cache). */
let typeVersion = 0;
export function bumpTypeVersion(): void {
  typeVersion++;
}
/** The current global type version: inline caches (eval/attr-cache.ts) are valid while it holds. */
export function currentTypeVersion(): number {
  return typeVersion;
}

/** A type object. `attrs` is its __dict__; `mro` its __mro__ (itself first). */
export class PyType extends PyObject {
  name: string;
  qualname: string;
  module: string;
  bases: PyType[];
  base: PyType | null;
  mro: PyType[];
  attrs: Map<string, PyObject>;
  flags: number;
  /** The builtin type whose JS class holds this type's instances (CPython's "solid base"). */
  solid: PyType | null;
  /** whether instances of this (heap) type get a __dict__ (false with __slots__ all the way up) */
  hasInstanceDict: boolean;
  /** CPython's tp_name when it differs from __name__ ('collections.deque'): error messages use it */
  tpName: string | null = null;
  /**
   * tp_vectorcall of a builtin type: a direct way to call the class for common arguments, or null
   * (the result null: not handled here, take type_call's way).
   */
  vectorcall: ((args: PyObject[], kw: ReadonlyMap<string, PyObject> | null) => PyObject | null) | null = null;
  /** Method-cache: name → attribute found along the MRO (undefined = absent), valid for cacheVersion. */
  private cache: Map<string, PyObject | undefined>;
  private cacheVersion: number;

  constructor(metatype: PyType | null, name: string, bases: PyType[], flags = TPFLAGS_BASETYPE) {
    // `type` itself is created with a null metatype and patched in place below.
    super(metatype as PyType);
    this.name = name;
    this.qualname = name;
    this.module = 'builtins';
    this.bases = bases;
    this.base = bases.length > 0 ? bases[0]! : null;
    this.attrs = new Map();
    this.flags = flags;
    this.solid = null;
    this.hasInstanceDict = true;
    this.cache = new Map();
    this.cacheVersion = -1;
    this.mro = [this];
    if (bases.length === 1) this.mro.push(...bases[0]!.mro);
  }

  /** _PyType_Lookup: the attribute along the MRO, without descriptors applied. */
  lookup(name: string): PyObject | undefined {
    if (this.cacheVersion !== typeVersion) {
      this.cache.clear();
      this.cacheVersion = typeVersion;
    }
    let hit = this.cache.get(name);
    if (hit !== undefined || this.cache.has(name)) return hit;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      hit = mro[i]!.attrs.get(name);
      if (hit !== undefined) break;
    }
    this.cache.set(name, hit);
    return hit;
  }

  /** PyType_IsSubtype */
  isSubtype(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 1; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }

  setAttr(name: string, value: PyObject): void {
    this.attrs.set(name, value);
    typeVersion++;
  }

  deleteAttr(name: string): boolean {
    const had = this.attrs.delete(name);
    typeVersion++;
    return had;
  }
}

export const typeType: PyType = new PyType(null, 'type', []);
export const objectType: PyType = new PyType(null, 'object', []);
typeType.type = typeType;
objectType.type = typeType;
typeType.bases = [objectType];
typeType.base = objectType;
typeType.mro = [typeType, objectType];
typeType.solid = typeType;
objectType.solid = objectType;

/** A builtin type: metatype `type`, one base (object by default). */
/** The builtin types made from each builtin type, in creation order (type.__subclasses__). */
export const builtinSubclasses = new WeakMap<PyType, PyType[]>();

export function builtinType(name: string, base: PyType = objectType, flags = TPFLAGS_BASETYPE): PyType {
  const t = new PyType(typeType, name, [base], flags);
  t.solid = t;
  let subs = builtinSubclasses.get(base);
  if (subs === undefined) builtinSubclasses.set(base, (subs = []));
  subs.push(t);
  return t;
}

export const noneType = builtinType('NoneType', objectType, 0);
export const notImplementedType = builtinType('NotImplementedType', objectType, 0);
export const ellipsisType = builtinType('ellipsis', objectType, 0);

export const None = new PyObject(noneType);
export const NotImplemented = new PyObject(notImplementedType);
export const Ellipsis = new PyObject(ellipsisType);
