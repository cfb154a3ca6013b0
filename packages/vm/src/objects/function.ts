// Python functions, bound methods and cells. CPython counterpart: Objects/funcobject.c,
// Objects/classobject.c (method), Objects/cellobject.c.
import { builtinType, PyObject } from './object.js';
import type { Code } from '../eval/code.js';
import type { PyDict } from './dict.js';

export const functionType = builtinType('function', undefined, 0);
export const methodType = builtinType('method', undefined, 0);
export const cellType = builtinType('cell', undefined, 0);

export class PyCell extends PyObject {
  ref: PyObject | null;
  constructor(ref: PyObject | null) {
    super(cellType);
    this.ref = ref;
  }
}

export class PyFunction extends PyObject {
  code: Code;
  globals: PyDict;
  builtins: PyDict;
  name: string;
  qualname: string;
  defaults: PyObject[] | null;
  kwdefaults: PyDict | null;
  closure: PyCell[] | null;
  annotations: PyObject | null;
  doc: PyObject | null;
  module: PyObject | null;
  constructor(code: Code, globals: PyDict, builtins: PyDict) {
    super(functionType);
    this.code = code;
    this.globals = globals;
    this.builtins = builtins;
    this.name = code.name;
    this.qualname = code.qualname;
    this.defaults = null;
    this.kwdefaults = null;
    this.closure = null;
    this.annotations = null;
    this.doc = null;
    this.module = null;
    this.dict = null;
  }
}

/** A bound method: `func` called with `self` first. */
export class PyMethod extends PyObject {
  readonly func: PyObject;
  readonly self: PyObject;
  constructor(func: PyObject, self: PyObject) {
    super(methodType);
    this.func = func;
    this.self = self;
  }
}
