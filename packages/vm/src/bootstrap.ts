// Installs every type's behaviour once, in dependency order, then builds builtins and sys.
// CPython counterpart: Python/pylifecycle.c (pycore_init_types, _PyBuiltin_Init, _PySys_Create).
import { initType } from './objects/type.js';
import { initInt } from './objects/int-methods.js';
import { initFloat } from './objects/float-methods.js';
import { initComplex } from './objects/complex.js';
import { initStr } from './objects/str-methods.js';
import { initBytes } from './objects/bytes-methods.js';
import { initList } from './objects/list-methods.js';
import { initDict } from './objects/dict-methods.js';
import { initSet } from './objects/set-methods.js';
import { initRange } from './objects/range-methods.js';
import { initNone } from './objects/none.js';
import { initFunctions } from './objects/function-methods.js';
import { initGenerators } from './objects/generator-methods.js';
import { initIterators } from './objects/iterator-methods.js';
import { initExceptions } from './objects/exceptions.js';
import { initSuper } from './objects/super.js';
import { initModules } from './objects/module-methods.js';
import { initIO } from './builtins/io.js';
import { initMappingProxy } from './objects/mappingproxy.js';
import { makeBuiltins } from './builtins/module.js';
import { makeSys } from './modules/sys.js';
import { makeMath } from './modules/math.js';
import { makeCollections } from './modules/collections.js';
import { makeItertools } from './modules/itertools.js';
import { makeFunctools } from './modules/functools.js';
import { makeRandom } from './modules/random.js';
import { makeTime } from './modules/time.js';
import { makeString } from './modules/string.js';
import { makeHeapq } from './modules/heapq.js';
import { makeBisect } from './modules/bisect.js';
import { registerModule, sysModules } from './modules/registry.js';
import type { PyModule } from './objects/module.js';

let builtinsModule: PyModule | null = null;

/** The builtins module, bootstrapping the object model on first use. */
export function bootstrap(): PyModule {
  if (builtinsModule !== null) return builtinsModule;
  initExceptions();
  initType();
  initInt();
  initFloat();
  initComplex();
  initStr();
  initBytes();
  initList();
  initDict();
  initSet();
  initRange();
  initNone();
  initFunctions();
  initGenerators();
  initIterators();
  initSuper();
  initModules();
  initIO();
  initMappingProxy();
  const b = makeBuiltins();
  registerModule('builtins', () => b);
  registerModule('sys', makeSys);
  registerModule('math', makeMath);
  registerModule('collections', makeCollections);
  registerModule('itertools', makeItertools);
  registerModule('functools', makeFunctools);
  registerModule('random', makeRandom);
  registerModule('time', makeTime);
  registerModule('string', makeString);
  registerModule('heapq', makeHeapq);
  registerModule('bisect', makeBisect);
  sysModules().setStr('builtins', b);
  builtinsModule = b;
  return b;
}
