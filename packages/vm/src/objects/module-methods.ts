// Module objects' behaviour. CPython counterpart: Objects/moduleobject.c (module_repr).
import { None, PyType } from './object.js';
import { newStr, PyStr } from './str.js';
import { PyModule, moduleType } from './module.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';

export function initModules(): void {
  defMethod(moduleType, '__new__', (a) => new PyModule((a[1] as PyStr).value));
  defMethod(moduleType, '__init__', () => None);
  defMethod(moduleType, '__repr__', (a) => {
    const m = a[0] as PyModule;
    return newStr(m.name === 'sys' || m.name === 'builtins' || m.name === 'math' ? `<module '${m.name}' (built-in)>` : `<module '${m.name}'>`);
  });
  defGetSet(moduleType, '__dict__', (o) => (o as PyModule).dict);
  void PyType;
}
