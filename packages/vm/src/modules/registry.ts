// Native modules by name, created on first import and cached in sys.modules.
// CPython counterpart: Python/import.c (the inittab of builtin modules).
//
// Precedence (the one place it is decided): a native module is either C-level (what CPython
// implements in C: sys, math, _collections, _sre, ...), always served from here, or a stand-in —
// a TypeScript version of a module CPython writes in Python (collections, functools, json, ...).
// When the host has CPython's Lib/ on sys.path (host.stdlib: --stdlib, TSPYC_STDLIB or one found
// on the machine), stand-ins are off and those names resolve to Lib's files like any module on
// sys.path; without a Lib (the browser with no bundle, --stdlib none) the stand-ins serve them.
import { PyModule } from '../objects/module.js';
import { PyDict } from '../objects/dict.js';
import { EMPTY_STR, PyStr } from '../objects/str.js';
import { None } from '../objects/object.js';
import { builtinImporter, builtinSpec } from './module-spec.js';

const factories = new Map<string, () => PyModule>();
const standIns = new Set<string>();
let standInsEnabled = true;
let modules: PyDict | null = null;
/** sys.modules (created on first use: module load order must not matter). */
export function sysModules(): PyDict {
  return (modules ??= new PyDict());
}

/** A C-level module, or (standIn) a TypeScript version of a pure-Python one, replaced by Lib's when there is a Lib. */
export function registerModule(name: string, make: () => PyModule, kind: 'c' | 'standIn' = 'c'): void {
  factories.set(name, make);
  if (kind === 'standIn') standIns.add(name);
  else standIns.delete(name);
}

/** Stand-ins on (no Lib) or off (Lib's modules replace them); set once per interpreter start. */
export function setStandInsEnabled(on: boolean): void {
  standInsEnabled = on;
}

/** The module named `name` (dotted names: the top package), or null when there is none. */
export function importModule(name: string): PyModule | null {
  const top = name.split('.')[0]!;
  const cached = sysModules().getStr(top);
  if (cached instanceof PyModule) return cached;
  const make = factories.get(top);
  if (!make || (!standInsEnabled && standIns.has(top))) return null;
  const m = make();
  // what _bootstrap._init_module_attrs gives a built-in module
  const d = m.dict;
  if (d.getStr('__doc__') === undefined) d.setStr('__doc__', None);
  d.setStr('__package__', EMPTY_STR);
  d.setStr('__loader__', builtinImporter());
  d.setStr('__spec__', builtinSpec(top));
  sysModules().setStr(top, m);
  return m;
}

export function builtinModuleNames(): string[] {
  return [...factories.keys()].filter((n) => standInsEnabled || !standIns.has(n)).sort();
}

export function isModuleName(o: unknown): o is PyStr {
  return o instanceof PyStr;
}
