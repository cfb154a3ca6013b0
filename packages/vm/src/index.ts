// Public API of @tspyc/vm: run CPython 3.11 code objects.
export { runMain, type RunOptions } from './interpreter.js';
export { CapturedHost, type Host } from './host.js';
export { formatException } from './eval/pythonrun.js';
export { runModuleAsMain } from './runpy.js';
