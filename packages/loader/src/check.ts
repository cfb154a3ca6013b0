// The state of every source's cache under some roots: fresh, stale (with the reason), missing, or
// orphan (a __pycache__ pyc whose source is gone). The model behind `tspyc check`.
import { cacheFromSource, sourceFromCache, CachePathError, type Target } from '@tspyc/bytecode';
import type { FileSystem } from './fs.js';
import { validatePyc, type CheckHashBasedPycs, type StaleReason } from './validate.js';

export type CacheState =
  | { source: string; cache: string; state: 'fresh'; kind: 'timestamp' | 'checked-hash' | 'unchecked-hash' }
  | { source: string; cache: string; state: 'stale'; reason: StaleReason }
  | { source: string; cache: string; state: 'missing' }
  | { source: string | null; cache: string; state: 'orphan' };

export interface CheckOptions {
  target: Target;
  optimization?: '' | 1 | 2;
  checkHashBasedPycs?: CheckHashBasedPycs;
  /** apply the no-stale-window rule (default true) */
  nanosecondWindow?: boolean;
  /** sys.pycache_prefix: look for caches under it instead of __pycache__ */
  pycachePrefix?: string | null;
}

/** The state of one source's cache. */
export function checkSource(fs: FileSystem, source: string, options: CheckOptions): CacheState {
  const cache = cacheFromSource(source, { target: options.target, optimization: options.optimization ?? '', pycachePrefix: options.pycachePrefix ?? null });
  const cacheStat = fs.stat(cache);
  const sourceStat = fs.stat(source);
  if (!cacheStat || !cacheStat.isFile || !sourceStat) return { source, cache, state: 'missing' };
  const verdict = validatePyc(
    fs.readFile(cache),
    { mtimeNs: sourceStat.mtimeNs, size: sourceStat.size, bytes: () => fs.readFile(source) },
    options.target,
    { checkHashBasedPycs: options.checkHashBasedPycs, cacheMtimeNs: options.nanosecondWindow === false ? null : cacheStat.mtimeNs },
  );
  return verdict.fresh ? { source, cache, state: 'fresh', kind: verdict.kind } : { source, cache, state: 'stale', reason: verdict.reason };
}

/** Pycs of `target` in a __pycache__ directory whose source does not exist. */
export function findOrphans(fs: FileSystem, pycacheDir: string, target: Target): CacheState[] {
  const out: CacheState[] = [];
  for (const name of fs.listDir(pycacheDir) ?? []) {
    if (!name.endsWith('.pyc') || !name.includes(`.${target.cacheTag}.`)) continue;
    const cache = `${pycacheDir}/${name}`;
    let source: string;
    try {
      source = sourceFromCache(cache);
    } catch (err) {
      if (err instanceof CachePathError) continue;
      throw err;
    }
    if (!fs.stat(source)) out.push({ source, cache, state: 'orphan' });
  }
  return out;
}
