// sys.meta_path's finders. The import statement does not go through importlib here, but
// importlib's own machinery does (importlib.import_module, util.find_spec, reload,
// test.support's import_fresh_module): it asks these finders for specs, makes the module and has
// the spec's loader run it. PathFinder finds through the host as the import statement does (on
// sys.path or a package's __path__); BuiltinImporter answers for the VM's native modules.
// CPython counterpart: Lib/importlib/_bootstrap_external.py (PathFinder, _LoaderBasics.exec_module),
// Lib/importlib/_bootstrap.py (BuiltinImporter).
import { PyError, newException, raise } from '../errors.js';
import { ts } from '../eval/state.js';
import { codeFor } from '../eval/code.js';
import { evalCodeWithLocals } from '../eval/ceval.js';
import { issueCompileWarnings } from '../eval/compile-warnings.js';
import { newSyntaxError } from '../eval/syntax-error.js';
import { HostImportError, HostSyntaxError, type FoundModule } from '../host.js';
import { PyDict } from '../objects/dict.js';
import { PyClassMethod, PyStaticMethod } from '../objects/descr.js';
import { importErrorType, moduleNotFoundErrorType } from '../objects/exception-types.js';
import { PyList } from '../objects/list.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { None, builtinType, type PyObject, type PyType } from '../objects/object.js';
import { PyStr } from '../objects/str.js';
import { getAttr } from '../protocols/getattr.js';
import { builtinImporter, builtinSpec, namespaceLoaderType, sourceFileLoaderType, sourcelessFileLoaderType, specFor } from './module-spec.js';
import { currentFindOptions, pathEntries } from './path-import.js';
import { builtinModuleNames, importModule, sysModules } from './registry.js';

/** What find_spec found, for the exec_module that follows (importlib's _load_unlocked). */
const foundBySpec = new WeakMap<PyObject, FoundModule>();

function name(o: PyObject | undefined, what: string): string {
  if (!(o instanceof PyStr)) raise(importErrorType, `${what} must be a str`);
  return o.value;
}

/** The host's module `fullname` on `path` (null: sys.path), or null; its errors as the import statement raises them. */
function find(fullname: string, path: PyObject | undefined): FoundModule | null {
  let entries: string[] | null = null;
  if (path instanceof PyList) entries = pathEntries(path);
  else if (ts.host.sysPath !== undefined) {
    const p = importModule('sys')?.dict.getStr('path');
    entries = p instanceof PyList ? pathEntries(p) : [];
  }
  try {
    return ts.host.findModule?.(fullname, entries, currentFindOptions()) ?? null;
  } catch (err) {
    if (err instanceof HostImportError) throw new PyError(newException(err.pyType === 'ImportError' ? importErrorType : moduleNotFoundErrorType, err.message));
    if (err instanceof HostSyntaxError) throw new PyError(newSyntaxError(err));
    throw err;
  }
}

/** PathFinder.find_spec(fullname, path=None, target=None) */
function pathFinderFindSpec(a: PyObject[]): PyObject {
  const fullname = name(a[1], 'fullname');
  const found = find(fullname, a[2]);
  if (found === null) return None;
  const spec = specFor(fullname, found);
  foundBySpec.set(spec, found);
  return spec;
}

/** _LoaderBasics.exec_module: the module's code (found again when the spec's find is used up: reload) run in its dict. */
function execModule(a: PyObject[]): PyObject {
  const module = a[1]!;
  const spec = getAttr(module, '__spec__');
  let found = foundBySpec.get(spec);
  foundBySpec.delete(spec);
  if (found === undefined) {
    const fullname = name(getAttr(spec, 'name'), 'spec.name');
    const dot = fullname.lastIndexOf('.');
    const parent = dot < 0 ? undefined : sysModules().getStr(fullname.slice(0, dot));
    found = find(fullname, parent instanceof PyModule ? parent.dict.getStr('__path__') : undefined) ?? undefined;
    if (found === undefined) raise(importErrorType, `cannot find the module ${fullname} to execute`);
  }
  if (found.code === null) return None;
  const d = module.dict;
  if (!(d instanceof PyDict)) raise(importErrorType, 'the module has no __dict__');
  const builtins = sysModules().getStr('builtins');
  issueCompileWarnings(found.warnings);
  evalCodeWithLocals(codeFor(found.code), d, (builtins as PyModule).dict, d, null);
  return None;
}

function staticMethod(t: PyType, fnName: string, fn: (a: PyObject[]) => PyObject): void {
  t.setAttr(fnName, new PyStaticMethod(builtinFunction(fnName, (a) => fn([None, ...a]))));
}

let pathFinderType: PyType | null = null;

let frozenImporterType: PyType | null = null;

/** The finders sys.meta_path starts with, as CPython's: BuiltinImporter, FrozenImporter (nothing is frozen here), PathFinder. */
export function metaPathFinders(): PyObject[] {
  if (pathFinderType === null || frozenImporterType === null) {
    pathFinderType = builtinType('PathFinder');
    pathFinderType.module = '_frozen_importlib_external';
    frozenImporterType = builtinType('FrozenImporter');
    frozenImporterType.module = '_frozen_importlib';
    frozenImporterType.setAttr('find_spec', new PyClassMethod(builtinFunction('find_spec', () => None)));
    const builtin = builtinImporter() as PyType;
    builtin.setAttr(
      'find_spec',
      new PyClassMethod(
        builtinFunction('find_spec', (a) => {
          const fullname = name(a[1], 'fullname');
          const path = a[2];
          return (path === undefined || path === None) && builtinModuleNames().includes(fullname) ? builtinSpec(fullname) : None;
        }),
      ),
    );
    staticMethod(builtin, 'create_module', (a) => importModule(name(getAttr(a[1]!, 'name'), 'spec.name')) ?? None);
    staticMethod(builtin, 'exec_module', () => None);
    pathFinderType.setAttr('find_spec', new PyClassMethod(builtinFunction('find_spec', pathFinderFindSpec)));
    pathFinderType.setAttr('invalidate_caches', new PyClassMethod(builtinFunction('invalidate_caches', () => None)));
    for (const t of [sourceFileLoaderType, sourcelessFileLoaderType, namespaceLoaderType]) {
      defMethod(t, 'create_module', () => None);
      defMethod(t, 'exec_module', execModule);
    }
  }
  return [builtinImporter(), frozenImporterType, pathFinderType];
}
