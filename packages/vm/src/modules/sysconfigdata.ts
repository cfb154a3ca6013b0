// _sysconfigdata__tspyc_: the module sysconfig imports for the build-time variables, by the name
// _get_sysconfigdata_name() gives this interpreter (sys.abiflags '', sys.platform 'tspyc', no
// _multiarch). When the VM runs CPython's Lib/, the variables are that CPython's own (the
// _sysconfigdata_*.py in its Lib), so sysconfig, test.support and pydoc see the build their Lib
// comes with; without a Lib there are none, and get_config_var answers None.
import { HostOSError } from '../host.js';
import { ts } from '../eval/state.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import type { PyObject } from '../objects/object.js';
import { importFullName } from './path-import.js';
import { sysModules } from './registry.js';

export function makeSysconfigData(): PyModule {
  const m = new PyModule('_sysconfigdata__tspyc_');
  let vars: PyObject = new PyDict();
  const real = libSysconfigData();
  const builtins = sysModules().getStr('builtins');
  if (real !== null && builtins instanceof PyModule) {
    const v = importFullName(real, builtins.dict).dict.getStr('build_time_vars');
    if (v !== undefined) vars = v;
  }
  m.dict.setStr('build_time_vars', vars);
  return m;
}

/** The module name of the Lib's _sysconfigdata (one built without ABI flags first), or null. */
function libSysconfigData(): string | null {
  const lib = ts.host?.stdlib;
  if (!lib || !ts.host.files) return null;
  let names: string[];
  try {
    names = ts.host.files.listdir(lib);
  } catch (err) {
    if (err instanceof HostOSError) return null;
    throw err;
  }
  const found = names.filter((n) => n.startsWith('_sysconfigdata_') && n.endsWith('.py')).sort();
  const file = found.find((n) => n.startsWith('_sysconfigdata__')) ?? found[0];
  return file === undefined ? null : file.slice(0, -3);
}
