// Public API of bytecode/cache-path: where a source's cache file lives (PEP 3147 / 488).
export {
  CachePathError,
  cacheFromSource,
  legacyCachePath,
  optimizationTag,
  sourceFromCache,
  type CachePathOptions,
} from './cache-path.js';
