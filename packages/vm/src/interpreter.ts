// Running a main program: the entry point the CLI and tests use.
// CPython counterpart: Python/pythonrun.c (run_eval_code_obj, PyRun_SimpleFileExFlags) and
// Modules/main.c (pymain_run_python's exit code).
import type { CodeObject } from '@tspyc/bytecode';
import { PyError } from './errors.js';
import { None } from './objects/object.js';
import { PyDict } from './objects/dict.js';
import { newStr } from './objects/str.js';
import { codeFor } from './eval/code.js';
import { evalCodeWithLocals } from './eval/ceval.js';
import { reportUncaught } from './eval/pythonrun.js';
import { ts } from './eval/state.js';
import { bootstrap } from './bootstrap.js';
import { sysState } from './modules/sys.js';
import { sysModules } from './modules/registry.js';
import { PyModule } from './objects/module.js';
import type { Host } from './host.js';

export interface RunOptions {
  host: Host;
  /** sys.argv (argv[0] is the script) */
  argv?: string[];
  /** __file__ of the main module */
  file?: string;
}

/** Execute a module-level code object as __main__; returns the process exit code. */
export function runMain(co: CodeObject, options: RunOptions): number {
  const builtins = bootstrap();
  ts.host = options.host;
  ts.frame = null;
  ts.depth = 0;
  ts.handled = null;
  ts.recursionLimit = 1000;
  sysState().argv.items = (options.argv ?? ['']).map(newStr);
  const globals = new PyDict();
  globals.setStr('__name__', newStr('__main__'));
  globals.setStr('__doc__', None);
  globals.setStr('__package__', None);
  globals.setStr('__loader__', None);
  globals.setStr('__spec__', None);
  globals.setStr('__annotations__', new PyDict());
  globals.setStr('__builtins__', builtins);
  if (options.file !== undefined) globals.setStr('__file__', newStr(options.file));
  sysModules().setStr('__main__', new PyModule('__main__', globals));
  try {
    const code = codeFor(co);
    evalCodeWithLocals(code, globals, builtins.dict, globals, null);
    return 0;
  } catch (e) {
    if (e instanceof PyError) return reportUncaught(e);
    throw e;
  }
}
