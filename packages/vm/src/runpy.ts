// `python -m MODULE`: find the module through the path-based finder (its parent package imported
// first), a package running its __main__ submodule, and execute it as __main__ with __file__,
// __cached__ and __package__ set and sys.argv[0] its file. Failures before the code runs are one
// line and exit 1, as runpy's `sys.exit(msg)`.
// CPython counterpart: Lib/runpy.py (_run_module_as_main, _get_module_details).
import { PyError } from './errors.js';
import { HostImportError, HostSyntaxError, type FoundModule, type Host } from './host.js';
import { execMain, startInterpreter, type RunOptions } from './interpreter.js';
import { currentFindOptions, importFullName, pathEntries } from './modules/path-import.js';
import { specFor } from './modules/module-spec.js';
import { sysModules } from './modules/registry.js';
import { sysState } from './modules/sys.js';
import { PyBaseException, importErrorType } from './objects/exception-types.js';
import { PyList } from './objects/list.js';
import { PyModule } from './objects/module.js';
import type { PyDict } from './objects/dict.js';
import { newStr } from './objects/str.js';
import { str } from './protocols/repr.js';
import { formatException, reportUncaught } from './eval/pythonrun.js';
import { newSyntaxError } from './eval/syntax-error.js';

/** runpy's _Error: a message for `sys.exit`. */
class RunpyError extends Error {}

interface ModuleDetails {
  name: string;
  found: FoundModule & { code: NonNullable<FoundModule['code']> };
}

function errorText(err: PyError): string {
  const exc = err.exc;
  return `${exc.type.qualname}: ${str(exc)}`;
}

/** importlib.util.find_spec failed (its parent is missing or not a package). */
function findSpecError(modName: string, error: string): RunpyError {
  let message = `Error while finding module specification for '${modName}' (${error})`;
  if (modName.endsWith('.py')) message += `. Try using '${modName.slice(0, -3)}' instead of '${modName}' as the module name.`;
  return new RunpyError(message);
}

/** _get_module_details: the module to run (a package's __main__), or a RunpyError. */
function getModuleDetails(modName: string, builtins: PyDict, host: Host): ModuleDetails {
  if (modName.startsWith('.')) throw new RunpyError('Relative module names not supported');
  const dot = modName.lastIndexOf('.');
  const pkgName = dot < 0 ? '' : modName.slice(0, dot);
  let path: string[] | null = null;
  if (pkgName) {
    // Import the parent package first; a missing one is reported by find_spec below.
    try {
      importFullName(pkgName, builtins);
    } catch (err) {
      if (!(err instanceof PyError) || !(err.exc instanceof PyBaseException) || !err.exc.type.isSubtype(importErrorType)) throw err;
      throw findSpecError(modName, errorText(err));
    }
    const parent = sysModules().getStr(pkgName);
    const p = parent instanceof PyModule ? parent.dict.getStr('__path__') : undefined;
    if (!(p instanceof PyList)) {
      throw findSpecError(modName, `ModuleNotFoundError: __path__ attribute not found on '${pkgName}' while trying to find '${modName}'`);
    }
    path = pathEntries(p);
  }
  let found: FoundModule | null;
  try {
    found = host.findModule?.(modName, path, currentFindOptions()) ?? null;
  } catch (err) {
    if (err instanceof HostImportError) throw new RunpyError(err.message);
    throw err;
  }
  if (found === null) throw new RunpyError(`No module named ${modName}`);
  if (found.path !== null) {
    if (modName === '__main__' || modName.endsWith('.__main__')) throw new RunpyError('Cannot use package as __main__ module');
    try {
      return getModuleDetails(`${modName}.__main__`, builtins, host);
    } catch (err) {
      if (!(err instanceof RunpyError) || sysModules().getStr(modName) === undefined) throw err;
      throw new RunpyError(`${err.message}; '${modName}' is a package and cannot be directly executed`);
    }
  }
  if (found.code === null) throw new RunpyError(`'${modName}' is a namespace package and cannot be executed`);
  return { name: modName, found: found as ModuleDetails['found'] };
}

/**
 * _run_module_as_main: run `modName` as __main__; `args` become sys.argv[1:] (sys.argv[0] is '-m'
 * while the module is looked for, then its file). Returns the exit code; a failure to find it
 * writes `tspyc: message` to stderr and returns 1.
 */
export function runModuleAsMain(modName: string, args: string[], options: Omit<RunOptions, 'argv' | 'file' | 'package' | 'cached'>): number {
  const builtins = startInterpreter({ ...options, argv: ['-m', ...args] });
  let details: ModuleDetails;
  try {
    details = getModuleDetails(modName, builtins.dict, options.host);
  } catch (err) {
    if (err instanceof RunpyError) {
      options.host.writeStderr(`tspyc: ${err.message}\n`);
      return 1;
    }
    if (err instanceof PyError) return reportUncaught(err);
    if (err instanceof HostSyntaxError) {
      // CPython's traceback shows runpy's and importlib's frozen frames first; tspyc has none.
      options.host.writeStderr(formatException(newSyntaxError(err)));
      return 1;
    }
    throw err;
  }
  const { name, found } = details;
  const file = found.file ?? undefined;
  sysState().argv.items[0] = newStr(file ?? '-m');
  return execMain(found.code, builtins, { ...options, file, package: found.package, cached: found.cached ?? undefined, compileWarnings: found.warnings }, specFor(name, found));
}
