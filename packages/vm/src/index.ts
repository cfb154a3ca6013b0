// Public API of @tspyc/vm: run CPython 3.11 code objects.
export { mainSyntaxErrorText, runMain, type RunOptions } from './interpreter.js';
export { CapturedHost, HostSyntaxError, type Host } from './host.js';
export { formatException } from './eval/pythonrun.js';
export { runModuleAsMain } from './runpy.js';
