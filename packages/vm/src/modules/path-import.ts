// Importing modules that are not native: found on sys.path by the host (tspyc's loader, with
// importlib's rules for fresh caches and sourceless pycs), executed in a new module namespace.
// CPython counterpart: Lib/importlib/_bootstrap.py (_find_and_load, _load_unlocked,
// _init_module_attrs) for the path-based case.
import { PyError, newException } from '../errors.js';
import { callObject } from '../protocols/call.js';
import { codeFor } from '../eval/code.js';
import { evalCodeWithLocals } from '../eval/ceval.js';
import { ts } from '../eval/state.js';
import { HostImportError, HostSyntaxError, type FindModuleOptions } from '../host.js';
import { importErrorType, moduleNotFoundErrorType } from '../objects/exception-types.js';
import { newSyntaxError } from '../eval/syntax-error.js';
import { issueCompileWarnings } from '../eval/compile-warnings.js';
import { PyList } from '../objects/list.js';
import { isTrue } from '../protocols/truth.js';
import { PyModule } from '../objects/module.js';
import type { PyDict } from '../objects/dict.js';
import { None } from '../objects/object.js';
import { False, True } from '../objects/int.js';
import { setAttr } from '../protocols/getattr.js';
import { newStr, PyStr } from '../objects/str.js';
import { specFor, specLoader } from './module-spec.js';
import { importModule, sysModules } from './registry.js';

/** ModuleNotFoundError(message, name=fullname), as importlib raises it. */
function notFound(message: string, name: string): never {
  throw new PyError(callObject(moduleNotFoundErrorType, [newStr(message)], new Map([['name', newStr(name)]])));
}

/** The string entries of sys.path or a __path__ (importlib skips the others). */
export function pathEntries(list: PyList): string[] {
  return list.items.filter((x): x is PyStr => x instanceof PyStr).map((x) => x.value);
}

/** sys.path as the program has left it. */
function currentSysPath(): string[] {
  const p = importModule('sys')?.dict.getStr('path');
  return p instanceof PyList ? pathEntries(p) : [];
}

/** The find options of an import now: SourceLoader.get_code writes a cache unless sys.dont_write_bytecode is true then. */
export function currentFindOptions(): FindModuleOptions {
  const flag = importModule('sys')?.dict.getStr('dont_write_bytecode');
  return flag === undefined ? {} : { dontWriteBytecode: isTrue(flag) };
}

/**
 * The module `fullname` (every parent imported first), from sys.modules, the natives or sys.path;
 * a module found on the path runs with `builtins` (the importing frame's).
 */
export function importFullName(fullname: string, builtins: PyDict): PyModule {
  const cached = sysModules().getStr(fullname);
  if (cached instanceof PyModule) return cached;
  const dot = fullname.lastIndexOf('.');
  let parent: PyModule | null = null;
  let path: string[] | null = null;
  if (dot < 0) {
    const native = importModule(fullname);
    if (native !== null) return native;
  } else {
    parent = importFullName(fullname.slice(0, dot), builtins);
    // the parent's __init__ may have imported this module itself (importlib's own package does)
    const imported = sysModules().getStr(fullname);
    if (imported instanceof PyModule) return imported;
    const p = parent.dict.getStr('__path__');
    if (!(p instanceof PyList)) notFound(`No module named '${fullname}'; '${parent.name}' is not a package`, fullname);
    path = pathEntries(p);
  }
  if (path === null && ts.host?.sysPath !== undefined) path = currentSysPath();
  let found;
  try {
    found = ts.host?.findModule?.(fullname, path, currentFindOptions()) ?? null;
  } catch (err) {
    if (err instanceof HostImportError) throw new PyError(newException(err.pyType === 'ImportError' ? importErrorType : moduleNotFoundErrorType, err.message));
    if (err instanceof HostSyntaxError) throw new PyError(newSyntaxError(err));
    throw err;
  }
  if (found === null) notFound(`No module named '${fullname}'`, fullname);
  const mod = new PyModule(fullname);
  const d = mod.dict;
  d.setStr('__doc__', None);
  d.setStr('__package__', newStr(found.package));
  const spec = specFor(fullname, found);
  d.setStr('__loader__', specLoader(spec));
  d.setStr('__spec__', spec);
  if (found.path !== null) d.setStr('__path__', new PyList(found.path.map(newStr)));
  if (found.file !== null) d.setStr('__file__', newStr(found.file));
  else if (found.loaderKind === 'namespace') d.setStr('__file__', None); // bpo-32305
  if (found.cached !== null) d.setStr('__cached__', newStr(found.cached));
  const builtinsModule = sysModules().getStr('builtins');
  if (builtinsModule !== undefined) d.setStr('__builtins__', builtinsModule);
  sysModules().setStr(fullname, mod);
  if (found.code !== null) {
    // _load_unlocked: spec._initializing while the body runs (a circular import's errors say so)
    setAttr(spec, '_initializing', True);
    try {
      issueCompileWarnings(found.warnings);
      evalCodeWithLocals(codeFor(found.code), d, builtins, d, null);
    } catch (err) {
      sysModules().deleteStr(fullname);
      throw err;
    } finally {
      setAttr(spec, '_initializing', False);
    }
  }
  const loaded = sysModules().getStr(fullname);
  const result = loaded instanceof PyModule ? loaded : mod;
  if (parent !== null) parent.dict.setStr(fullname.slice(dot + 1), result);
  return result;
}
