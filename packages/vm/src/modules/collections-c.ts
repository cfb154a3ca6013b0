// The _collections module: the C types Lib/collections/__init__.py imports (deque, defaultdict,
// OrderedDict, _tuplegetter), the VM's own implementations of them. CPython counterpart: Modules/_collectionsmodule.c
// and Objects/odictobject.c.
import { PyModule } from '../objects/module.js';
import { defaultDictType, dequeType, initCollectionTypes, orderedDictType } from './collections.js';
import { tupleGetterType } from './tuplegetter.js';

export function makeCollectionsC(): PyModule {
  initCollectionTypes();
  const m = new PyModule('_collections');
  for (const t of [dequeType, defaultDictType, orderedDictType, tupleGetterType]) m.dict.setStr(t.name, t);
  return m;
}
