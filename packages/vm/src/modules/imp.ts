// The _imp module importlib's bootstrap asks about built-in and frozen modules: this VM's natives
// are its built-ins, nothing is frozen. CPython counterpart: Python/import.c (_imp functions).
import { None, PyObject } from '../objects/object.js';
import { False, intFromNumber } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { importErrorType } from '../objects/exception-types.js';
import { raise } from '../errors.js';
import { getAttr } from '../protocols/getattr.js';
import { builtinModuleNames, importModule } from './registry.js';

function nameOf(o: PyObject | undefined): string {
  return o instanceof PyStr ? o.value : '';
}

export function makeImp(): PyModule {
  const m = new PyModule('_imp');
  const d = m.dict;
  const def = (name: string, f: Parameters<typeof builtinFunction>[1]) => d.setStr(name, builtinFunction(name, f));
  def('is_builtin', (a) => intFromNumber(builtinModuleNames().includes(nameOf(a[0])) ? 1 : 0));
  def('create_builtin', (a) => {
    const name = nameOf(getAttr(a[0]!, 'name'));
    return importModule(name) ?? raise(importErrorType, `no built-in module named ${name}`);
  });
  def('exec_builtin', () => intFromNumber(0));
  def('is_frozen', () => False);
  def('is_frozen_package', () => False);
  def('find_frozen', () => None);
  def('get_frozen_object', (a) => raise(importErrorType, `No such frozen object named '${nameOf(a[0])}'`));
  def('init_frozen', () => None);
  def('extension_suffixes', () => new PyList([]));
  def('acquire_lock', () => None);
  def('release_lock', () => None);
  def('lock_held', () => False);
  def('_fix_co_filename', () => None);
  def('_frozen_module_names', () => new PyList([]));
  // test.support's frozen_modules() switches frozen modules on or off: there are none to switch
  def('_override_frozen_modules_for_tests', () => None);
  d.setStr('check_hash_based_pycs', newStr('default'));
  return m;
}
