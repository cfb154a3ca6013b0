// Module objects. CPython counterpart: Objects/moduleobject.c.
import { builtinType, PyObject } from './object.js';
import { PyDict } from './dict.js';
import { newStr } from './str.js';

export const moduleType = builtinType('module');

export class PyModule extends PyObject {
  declare dict: PyDict;
  readonly name: string;
  constructor(name: string, dict: PyDict = new PyDict()) {
    super(moduleType);
    this.dict = dict;
    this.name = name;
    if (dict.getStr('__name__') === undefined) dict.setStr('__name__', newStr(name));
  }
}
