// @tspyc/loader/runtime: what a running program needs — the file-system port, importlib's cache
// decisions, the finder, getting code through the cache and writing it atomically — without the
// compiler-backed py_compile and verify (the VM's worker loads the compiler only when it must).
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
