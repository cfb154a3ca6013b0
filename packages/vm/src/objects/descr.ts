// Descriptors: property, staticmethod, classmethod, and native getset descriptors.
// CPython counterpart: Objects/descrobject.c (property, getset_descriptor), Objects/funcobject.c
// (staticmethod, classmethod).
import { builtinType, PyObject, type PyType } from './object.js';

export const propertyType = builtinType('property');
export const staticMethodType = builtinType('staticmethod');
export const classMethodType = builtinType('classmethod');
export const getSetDescriptorType = builtinType('getset_descriptor', undefined, 0);

export class PyProperty extends PyObject {
  fget: PyObject | null;
  fset: PyObject | null;
  fdel: PyObject | null;
  doc: PyObject | null;
  /** __set_name__ gives the attribute name used in error messages */
  name: string | null;
  constructor(type: PyType = propertyType) {
    super(type);
    this.fget = null;
    this.fset = null;
    this.fdel = null;
    this.doc = null;
    this.name = null;
  }
}

export class PyStaticMethod extends PyObject {
  func: PyObject;
  constructor(func: PyObject, type: PyType = staticMethodType) {
    super(type);
    this.func = func;
  }
}

export class PyClassMethod extends PyObject {
  func: PyObject;
  constructor(func: PyObject, type: PyType = classMethodType) {
    super(type);
    this.func = func;
  }
}

export const memberDescriptorType = builtinType('member_descriptor', undefined, 0);

/** A native attribute (like __class__ or __name__), a data descriptor. */
export class PyGetSet extends PyObject {
  readonly name: string;
  readonly owner: PyType;
  readonly get: (obj: PyObject) => PyObject;
  readonly set: ((obj: PyObject, value: PyObject | null) => void) | null;
  /** A READONLY PyMemberDef in CPython (slice.start, complex.real): 'readonly attribute' on assignment. */
  readonly member: boolean;
  constructor(
    owner: PyType,
    name: string,
    get: (obj: PyObject) => PyObject,
    set: ((obj: PyObject, value: PyObject | null) => void) | null,
    member = false,
  ) {
    super(member ? memberDescriptorType : getSetDescriptorType);
    this.member = member;
    this.name = name;
    this.owner = owner;
    this.get = get;
    this.set = set;
  }
}

export function defGetSet(
  t: PyType,
  name: string,
  get: (obj: PyObject) => PyObject,
  set: ((obj: PyObject, value: PyObject | null) => void) | null = null,
): void {
  t.setAttr(name, new PyGetSet(t, name, get, set));
}

/** A read-only member (PyMemberDef with READONLY). */
export function defReadonlyMember(t: PyType, name: string, get: (obj: PyObject) => PyObject): void {
  t.setAttr(name, new PyGetSet(t, name, get, null, true));
}


/** A __slots__ entry: a data descriptor keeping each instance's value. */
export class PyMemberDescr extends PyObject {
  readonly name: string;
  readonly owner: PyType;
  readonly values: WeakMap<PyObject, PyObject>;
  constructor(owner: PyType, name: string) {
    super(memberDescriptorType);
    this.name = name;
    this.owner = owner;
    this.values = new WeakMap();
  }
}
