// Module objects' behaviour. CPython counterpart: Objects/moduleobject.c (module_repr).
import { None, PyType } from './object.js';
import { newStr, PyStr } from './str.js';
import { PyModule, moduleType } from './module.js';
import { defMethod } from './native.js';
import { raise } from '../errors.js';
import { typeErrorType } from './exception-types.js';
import { defGetSet } from './descr.js';

export function initModules(): void {
  defMethod(moduleType, '__new__', (a, kw) => {
    const name = a[1] ?? kw?.get('name');
    if (!(name instanceof PyStr)) raise(typeErrorType, `module.__init__() argument 'name' must be str, not ${name?.type.name ?? 'NoneType'}`);
    const m = new PyModule(name.value);
    // module_init_dict: __doc__ (None by default), __package__, __loader__, __spec__
    m.dict.setStr('__doc__', a[2] ?? kw?.get('doc') ?? None);
    for (const k of ['__package__', '__loader__', '__spec__']) if (m.dict.getStr(k) === undefined) m.dict.setStr(k, None);
    return m;
  });
  defMethod(moduleType, '__init__', () => None);
  defMethod(moduleType, '__repr__', (a) => {
    const m = a[0] as PyModule;
    return newStr(m.name === 'sys' || m.name === 'builtins' || m.name === 'math' ? `<module '${m.name}' (built-in)>` : `<module '${m.name}'>`);
  });
  defGetSet(moduleType, '__dict__', (o) => (o as PyModule).dict);
  void PyType;
}
