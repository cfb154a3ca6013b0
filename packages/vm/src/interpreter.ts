// Running a main program: the entry point the CLI and tests use.
// CPython counterpart: Python/pythonrun.c (run_eval_code_obj, PyRun_SimpleFileExFlags) and
// Modules/main.c (pymain_run_python's exit code).
import type { CodeObject } from '@tspyc/bytecode';
import { PyError } from './errors.js';
import { None, type PyObject } from './objects/object.js';
import { PyDict } from './objects/dict.js';
import { newStr } from './objects/str.js';
import { codeFor } from './eval/code.js';
import { evalCodeWithLocals } from './eval/ceval.js';
import { formatException, reportUncaught } from './eval/pythonrun.js';
import { newSyntaxError } from './eval/syntax-error.js';
import { issueCompileWarnings } from './eval/compile-warnings.js';
import { ts } from './eval/state.js';
import { bootstrap } from './bootstrap.js';
import { sysState } from './modules/sys.js';
import type { Host, HostCompileWarning, HostSyntaxError } from './host.js';
import { PyModule } from './objects/module.js';
import { PyList } from './objects/list.js';
import { runExitFuncs } from './modules/atexit.js';
import { importModule, setStandInsEnabled, sysModules } from './modules/registry.js';
import { builtinImporter, fileLoader, specLoader } from './modules/module-spec.js';

export interface RunOptions {
  host: Host;
  /** sys.argv (argv[0] is the script) */
  argv?: string[];
  /** __file__ of the main module */
  file?: string;
  /** __package__ and __cached__ of the main module (set by -m, as runpy does) */
  package?: string;
  cached?: string;
  /**
   * __loader__ of __main__: a SourceFileLoader or SourcelessFileLoader of `file` (`python FILE`), the
   * BuiltinImporter class (`python -c`); None when not given.
   */
  mainLoader?: 'source' | 'sourceless' | 'builtin';
  /** the compiler's warnings for the main code, issued before it runs */
  compileWarnings?: readonly HostCompileWarning[];
}

/** Execute a module-level code object as __main__; returns the process exit code. */
export function runMain(co: CodeObject, options: RunOptions): number {
  const builtins = startInterpreter(options);
  return execMain(co, builtins, options);
}

/** A fresh thread state on `options.host`, sys.argv set; the builtins module. */
export function startInterpreter(options: RunOptions): PyModule {
  const builtins = bootstrap();
  setStandInsEnabled(!options.host.stdlib);
  ts.host = options.host;
  ts.frame = null;
  ts.depth = 0;
  ts.handled = null;
  ts.excValue = null;
  ts.outerHandled = null;
  ts.recursionLimit = 1000;
  sysState().argv.items = (options.argv ?? ['']).map(newStr);
  importModule('sys')?.dict.setStr('path', new PyList((options.host.sysPath ?? []).map(newStr)));
  return builtins;
}

/** The __loader__ `options` ask for. */
function mainLoaderFor(options: RunOptions): PyObject {
  switch (options.mainLoader) {
    case 'builtin':
      return builtinImporter();
    case 'source':
    case 'sourceless':
      return fileLoader(options.mainLoader, '__main__', options.file ?? '');
    default:
      return None;
  }
}

/** Execute `co` in a new __main__ namespace (`spec`: -m's module spec, as runpy sets it); the exit code. */
export function execMain(co: CodeObject, builtins: PyModule, options: RunOptions, spec: PyObject | null = null): number {
  const globals = new PyDict();
  globals.setStr('__name__', newStr('__main__'));
  globals.setStr('__doc__', None);
  globals.setStr('__package__', options.package === undefined ? None : newStr(options.package));
  globals.setStr('__loader__', spec !== null ? specLoader(spec) : mainLoaderFor(options));
  globals.setStr('__spec__', spec ?? None);
  globals.setStr('__annotations__', new PyDict());
  globals.setStr('__builtins__', builtins);
  if (options.file !== undefined) globals.setStr('__file__', newStr(options.file));
  if (options.cached !== undefined) globals.setStr('__cached__', newStr(options.cached));
  sysModules().setStr('__main__', new PyModule('__main__', globals));
  let status: number;
  try {
    issueCompileWarnings(options.compileWarnings);
    const code = codeFor(co);
    evalCodeWithLocals(code, globals, builtins.dict, globals, null);
    status = 0;
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    status = reportUncaught(e);
  }
  runExitFuncs();
  return status;
}

/** What `python FILE` prints when FILE does not compile: the excepthook's text for its SyntaxError. */
export function mainSyntaxErrorText(err: HostSyntaxError): string {
  bootstrap();
  return formatException(newSyntaxError(err));
}
