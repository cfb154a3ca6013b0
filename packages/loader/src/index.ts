// Public API of @tspyc/loader: the file-system port and importlib's cache decisions.
// (The module finder, getCode and atomic writes come next; see issue 6.)
export { LoaderError, type FileStat, type FileSystem } from './fs.js';
export { NodeFileSystem } from './fs-node.js';
export { MemoryFileSystem } from './fs-memory.js';
export { headerMtime, validatePyc, type CheckHashBasedPycs, type Freshness, type SourceFacts, type StaleReason } from './validate.js';
export { checkSource, findOrphans, type CacheState, type CheckOptions } from './check.js';
