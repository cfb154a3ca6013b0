// C accelerators CPython's Lib/ imports when they exist — _heapq, _operator, _bisect, and
// _functools' reduce, cmp_to_key and partial — served by the functions of the VM's own stand-in
// modules, which already give the C implementations' behaviour and messages (the Lib's
// pure-Python fallbacks raise other texts). CPython counterpart: Modules/_heapqmodule.c,
// Modules/_operator.c, Modules/_bisectmodule.c, Modules/_functoolsmodule.c.
import { PyModule } from '../objects/module.js';
import { None } from '../objects/object.js';
import { newStr, PyStr } from '../objects/str.js';

/** A module `name` holding `names` of `standIn` (all of its public names when `names` is null). */
export function accelerator(name: string, standIn: () => PyModule, names: readonly string[] | null): () => PyModule {
  return () => {
    const source = standIn();
    const m = new PyModule(name);
    m.dict.setStr('__doc__', source.dict.getStr('__doc__') ?? None);
    for (const [k, v] of source.dict.entries()) {
      if (!(k instanceof PyStr)) continue;
      const key = k.value;
      if (key.startsWith('__')) continue;
      if (names === null ? key.startsWith('_') : !names.includes(key)) continue;
      m.dict.setStr(key, v);
    }
    m.dict.setStr('__name__', newStr(name));
    return m;
  };
}
