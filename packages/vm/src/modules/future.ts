// __future__: the feature names (the compiler acts on them; at run time they are plain objects).
// CPython counterpart: Lib/__future__.py.
import { PyModule } from '../objects/module.js';
import { PyObject, builtinType } from '../objects/object.js';
import { newStr } from '../objects/str.js';

export const featureType = builtinType('_Feature', undefined, 0);

export function makeFuture(): PyModule {
  const m = new PyModule('__future__');
  for (const name of ['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations']) {
    m.dict.setStr(name, new PyObject(featureType));
  }
  m.dict.setStr('all_feature_names', newStr('')); // rarely read; a list in CPython
  return m;
}
