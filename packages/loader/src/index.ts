// Public API of @tspyc/loader: the file-system port, importlib's cache decisions, getting code
// through the cache (source and sourceless), atomic cache writes, and the path-based finder.
export {
  LoaderError,
  TEMP_SUFFIX,
  type FileStat,
  type FileSystem,
  type MkdirResult,
  type NotWrittenReason,
  type PythonErrorType,
  type WriteOptions,
  type WriteResult,
} from './fs.js';
export { NodeFileSystem, tempPathFor } from './fs-node.js';
export { MemoryFileSystem, type FailureInjector, type MemoryOp } from './fs-memory.js';
export { headerMtime, validatePyc, type CheckHashBasedPycs, type Freshness, type SourceFacts, type StaleReason } from './validate.js';
export { checkSource, findOrphans, type CacheState, type CheckOptions } from './check.js';
export { cacheBytecode, calcMode, setData } from './cache-write.js';
export {
  cachePathFor,
  codeToPyc,
  fixCoFilename,
  loadCode,
  loadSourceless,
  type CacheMiss,
  type CacheOptions,
  type CompileFn,
  type InvalidationMode,
  type LoadCodeOptions,
  type LoadedCode,
} from './source-loader.js';
export { moduleAttributes, type LoaderKind, type ModuleAttributes, type ModuleSpec } from './module-spec.js';
export { BYTECODE_SUFFIXES, DirectoryCache, findModule, findSpec, SOURCE_SUFFIXES, type FinderOptions } from './finder.js';
export { resolveImportName, resolveName, resolveRelativeName, type ImportGlobals, type ResolvedImport } from './resolve-name.js';
export { getCode } from './get-code.js';
export { envFlag, loaderConfig, type InterpreterFlags, type LoaderConfig } from './config.js';
export { compileFile, defaultInvalidationMode, pyCompileCfile, PyCompileError, sourceToPyc, type PyCompileFn, type PyCompileOptions, type SourceToPycOptions } from './py-compile.js';
export { PyOSError } from './py-compile-os-error.js';
export { cacheLocation, findCaches, verifyCache, verifySource, type CacheLocation, type CacheVerdict, type VerifyOptions, type VerifySettings } from './verify.js';
