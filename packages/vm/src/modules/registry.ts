// Native modules by name, created on first import and cached in sys.modules.
// CPython counterpart: Python/import.c (the inittab of builtin modules).
import { PyModule } from '../objects/module.js';
import { PyDict } from '../objects/dict.js';
import { PyStr } from '../objects/str.js';

const factories = new Map<string, () => PyModule>();
let modules: PyDict | null = null;
/** sys.modules (created on first use: module load order must not matter). */
export function sysModules(): PyDict {
  return (modules ??= new PyDict());
}

export function registerModule(name: string, make: () => PyModule): void {
  factories.set(name, make);
}

/** The module named `name` (dotted names: the top package), or null when there is none. */
export function importModule(name: string): PyModule | null {
  const top = name.split('.')[0]!;
  const cached = sysModules().getStr(top);
  if (cached instanceof PyModule) return cached;
  const make = factories.get(top);
  if (!make) return null;
  const m = make();
  sysModules().setStr(top, m);
  return m;
}

export function builtinModuleNames(): string[] {
  return [...factories.keys()].sort();
}

export function isModuleName(o: unknown): o is PyStr {
  return o instanceof PyStr;
}
