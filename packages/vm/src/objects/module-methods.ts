// Module objects' behaviour. CPython counterpart: Objects/moduleobject.c (module_repr).
import { None, PyType } from './object.js';
import { newStr, PyStr } from './str.js';
import { PyModule, moduleType } from './module.js';
import { defMethod } from './native.js';
import { raise } from '../errors.js';
import { attributeErrorType, typeErrorType } from './exception-types.js';
import { PyDict } from './dict.js';
import { defGetSet } from './descr.js';
import { PyList } from './list.js';
import { callObject } from '../protocols/call.js';

export function initModules(): void {
  defMethod(moduleType, '__new__', (a) => new PyModule((a[1] as PyStr).value));
  // module.__init__(name, doc=None): the attributes a new module starts with
  defMethod(moduleType, '__init__', (a, kw) => {
    const m = a[0] as PyModule;
    const name = a[1] ?? kw?.get('name');
    if (name instanceof PyStr) m.dict.setStr('__name__', name);
    m.dict.setStr('__doc__', a[2] ?? kw?.get('doc') ?? None);
    for (const k of ['__package__', '__loader__', '__spec__']) if (m.dict.getStr(k) === undefined) m.dict.setStr(k, None);
    return None;
  });
  defMethod(moduleType, '__repr__', (a) => {
    const m = a[0] as PyModule;
    return newStr(m.name === 'sys' || m.name === 'builtins' || m.name === 'math' ? `<module '${m.name}' (built-in)>` : `<module '${m.name}'>`);
  });
  defGetSet(moduleType, '__dict__', (o) => (o as PyModule).dict);
  // module_get_annotations / module_set_annotations: kept in the module's dict, made empty on first use
  defGetSet(moduleType, '__annotations__', (o) => {
    const d = (o as PyModule).dict;
    const ann = d.getStr('__annotations__');
    if (ann !== undefined) return ann;
    const fresh = new PyDict();
    d.setStr('__annotations__', fresh);
    return fresh;
  }, (o, v) => {
    const d = (o as PyModule).dict;
    if (v !== null) d.setStr('__annotations__', v);
    else if (!d.deleteStr('__annotations__')) raise(attributeErrorType, '__annotations__');
  });
  // module_dir: the module's own __dir__ function (PEP 562) when it has one, else its names
  defMethod(moduleType, '__dir__', (a) => {
    const d = (a[0] as PyModule).dict;
    const hook = d.getStr('__dir__');
    if (hook !== undefined) return callObject(hook, [], null);
    return new PyList(d.keyList());
  });
  void PyType;
}
