// Public API of @tspyc/loader: the runtime part (./runtime.ts: the file-system port, importlib's
// cache decisions, getting code through the cache, atomic cache writes, the path-based finder) and,
// on top of the compiler, py_compile's compileFile and verify.
export * from './runtime.js';
export { compileFile, compileFileToPyc, defaultInvalidationMode, pyCompileCfile, PyCompileError, sourceToPyc, writeCompiledPyc, writeCompiledPycAsync, type CompiledPyc, type PyCompileFn, type PyCompileOptions, type SourceToPycOptions } from './py-compile.js';
export { PyOSError } from './py-compile-os-error.js';
export { cacheLocation, findCaches, verifyCache, verifySource, type CacheLocation, type CacheVerdict, type VerifyOptions, type VerifySettings } from './verify.js';
