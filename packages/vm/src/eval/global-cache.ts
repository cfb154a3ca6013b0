// Inline caches of LOAD_GLOBAL: per instruction, the slot of the name in the globals dict (or in
// the builtins dict when globals lack it), valid while neither dict has had a key inserted or
// removed (PyDict.version) and the slot still holds that name. CPython counterpart:
// Python/specialize.c (LOAD_GLOBAL_MODULE, LOAD_GLOBAL_BUILTIN) with dict key versions.
import type { PyObject } from '../objects/object.js';
import type { PyDict } from '../objects/dict.js';
import type { PyStr } from '../objects/str.js';
import type { Code } from './code.js';

export class GlobalEntry {
  globals: PyDict | null = null;
  globalsVersion = -1;
  /** null: the name is in globals; else the builtins dict it was found in */
  builtins: PyDict | null = null;
  builtinsVersion = -1;
  index = -1;
}

/** The value of global `name` (globals, then builtins), or undefined when neither has it. */
export function loadGlobal(code: Code, instr: number, globals: PyDict, builtins: PyDict, name: string): PyObject | undefined {
  const caches = code.globalCaches;
  if (caches !== null) {
    const e = caches[instr];
    if (e !== undefined && e.globals === globals && e.globalsVersion === globals.version) {
      const d = e.builtins === null ? globals : e.builtins === builtins && e.builtinsVersion === builtins.version ? builtins : null;
      if (d !== null) {
        const k = d.keys[e.index] as PyStr | undefined;
        if (k !== undefined && k.value === name) return d.values[e.index];
      }
    }
  }
  return fill(code, instr, globals, builtins, name);
}

function fill(code: Code, instr: number, globals: PyDict, builtins: PyDict, name: string): PyObject | undefined {
  let caches = code.globalCaches;
  if (caches === null) {
    caches = new Array<GlobalEntry | undefined>(code.bytes.length >> 1).fill(undefined);
    code.globalCaches = caches;
  }
  let e = caches[instr];
  if (e === undefined) {
    e = new GlobalEntry();
    caches[instr] = e;
  }
  e.globals = globals;
  e.globalsVersion = globals.version;
  let i = globals.findStr(name);
  if (i >= 0) {
    e.builtins = null;
    e.index = i;
    return globals.values[i];
  }
  i = builtins.findStr(name);
  e.builtins = builtins;
  e.builtinsVersion = builtins.version;
  e.index = i;
  return i >= 0 ? builtins.values[i] : undefined;
}
