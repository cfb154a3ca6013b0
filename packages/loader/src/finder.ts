// The path-based finder: importlib.machinery.PathFinder over FileFinder, for sys.path-like entries.
// FileFinder's order within one directory: a package directory with an __init__ (extension, then
// .py, then .pyc) wins; then a module file (extension, .py, .pyc); then, if the directory had no
// __init__, it is a namespace portion. PathFinder returns the first entry's module or regular
// package; namespace portions are collected over all entries and only used if nothing else is found.
// CPython counterpart: Lib/importlib/_bootstrap_external.py PathFinder._get_spec, PathFinder.find_spec,
// FileFinder.find_spec, spec_from_file_location, _get_cached; _bootstrap.py _find_and_load_unlocked.
import { CachePathError, type Target } from '@tspyc/bytecode';
import { LoaderError, type FileSystem } from './fs.js';
import * as msg from './messages.js';
import { specParent, type LoaderKind, type ModuleSpec } from './module-spec.js';
import { cachePathFor } from './source-loader.js';

export interface FinderOptions {
  target: Target;
  /** sys.flags.optimize, for spec.cached (default 0) */
  optimization?: number;
  /** sys.pycache_prefix, for spec.cached */
  pycachePrefix?: string | null;
  /** os.getcwd(): what '' and relative entries mean (default process.cwd()) */
  cwd?: string;
  /**
   * importlib.machinery.EXTENSION_SUFFIXES, searched before .py. tspyc cannot load extension
   * modules, but a finder that ignored them would pick a different file than CPython; default none.
   */
  extensionSuffixes?: readonly string[];
  /** FileFinder's directory listings, kept while a directory's mtime is unchanged (default: list every time) */
  directoryCache?: DirectoryCache;
}

/**
 * FileFinder._path_cache for every directory: its entry names, refreshed when the directory's
 * mtime changes. As in importlib, an entry added without changing the mtime (coarse file-system
 * clocks) is missed until invalidate() — importlib.invalidate_caches(). Also the path entries found
 * to be directories (PathFinder._path_importer_cache's FileFinders): a FileFinder outlives its
 * directory, so that answer is kept; an entry that was not a directory is asked again each time.
 */
export class DirectoryCache {
  private readonly listings = new Map<string, { mtimeNs: bigint; names: Set<string> }>();
  /** path entry (with the cwd it was resolved against) → its FileFinder's directory */
  readonly finders = new Map<string, string>();

  names(fs: FileSystem, directory: string): Set<string> {
    const mtimeNs = fs.stat(directory)?.mtimeNs ?? -1n;
    const cached = this.listings.get(directory);
    if (cached && cached.mtimeNs === mtimeNs) return cached.names;
    const names = new Set(fs.listDir(directory) ?? []);
    this.listings.set(directory, { mtimeNs, names });
    return names;
  }

  invalidate(): void {
    this.listings.clear();
    this.finders.clear();
  }
}

export const SOURCE_SUFFIXES = ['.py'] as const;
export const BYTECODE_SUFFIXES = ['.pyc'] as const;

/** _path_join (POSIX) of two parts: empty parts are dropped, then each loses its trailing separators ('/' joins as ''). */
function pathJoin(a: string, b: string): string {
  if (a === '') return stripSeparators(b);
  if (b === '') return stripSeparators(a);
  return stripSeparators(a) + '/' + stripSeparators(b);
}

function stripSeparators(part: string): string {
  return part.endsWith('/') ? part.replace(/\/+$/, '') : part;
}

const cwdOf = (options: FinderOptions): string => options.cwd ?? process.cwd();

/** _get_cached: where __cached__ points for a file origin. */
function cachedFor(origin: string, options: FinderOptions): string | null {
  if (SOURCE_SUFFIXES.some((s) => origin.endsWith(s))) {
    try {
      return cachePathFor(origin, options);
    } catch (err) {
      if (err instanceof CachePathError) return null;
      throw err;
    }
  }
  if (BYTECODE_SUFFIXES.some((s) => origin.endsWith(s))) return origin;
  return null;
}

/** spec_from_file_location, as FileFinder._get_spec calls it. */
function fileSpec(fullname: string, loaderKind: LoaderKind, origin: string, smsl: string[] | null, options: FinderOptions): ModuleSpec {
  return {
    name: fullname,
    loaderKind,
    origin,
    cached: cachedFor(origin, options),
    submoduleSearchLocations: smsl,
    hasLocation: true,
    parent: specParent(fullname, smsl),
  };
}

type FileFinderResult = { spec: ModuleSpec } | { namespacePortion: string } | null;

const PATH_LOADERS: readonly (readonly [string, LoaderKind])[] = [
  ...SOURCE_SUFFIXES.map((s): [string, LoaderKind] => [s, 'source']),
  ...BYTECODE_SUFFIXES.map((s): [string, LoaderKind] => [s, 'sourceless']),
];

/** FileFinder._loaders: (suffix, kind) in search order, extensions first. */
function loadersFor(extensionSuffixes: readonly string[] | undefined): readonly (readonly [string, LoaderKind])[] {
  if (!extensionSuffixes?.length) return PATH_LOADERS;
  return [...extensionSuffixes.map((s): [string, LoaderKind] => [s, 'extension']), ...PATH_LOADERS];
}

/** FileFinder(directory).find_spec(fullname); `directory` as FileFinder.__init__ keeps it. */
function fileFinderFindSpec(fs: FileSystem, directory: string, fullname: string, options: FinderOptions): FileFinderResult {
  const loaders = loadersFor(options.extensionSuffixes);
  const tail = fullname.slice(fullname.lastIndexOf('.') + 1);
  // _fill_cache: the directory's entries (an unreadable directory lists as empty).
  const listed = directory || cwdOf(options);
  const cache = options.directoryCache ? options.directoryCache.names(fs, listed) : new Set(fs.listDir(listed) ?? []);
  let isNamespace = false;
  const basePath = pathJoin(directory, tail);
  if (cache.has(tail)) {
    for (const [suffix, kind] of loaders) {
      const full = pathJoin(basePath, '__init__' + suffix);
      if (fs.stat(full)?.isFile) return { spec: fileSpec(fullname, kind, full, [basePath], options) };
    }
    isNamespace = fs.stat(basePath || cwdOf(options))?.isDirectory ?? false;
  }
  for (const [suffix, kind] of loaders) {
    const full = pathJoin(directory, tail + suffix);
    if (cache.has(tail + suffix) && fs.stat(full)?.isFile) return { spec: fileSpec(fullname, kind, full, null, options) };
  }
  return isNamespace ? { namespacePortion: basePath } : null;
}

/**
 * The FileFinder a path entry gets (path_hook_for_FileFinder), as its directory, or null when the
 * entry is not a directory (no hook accepts it). '' means the working directory.
 */
function finderDirectory(fs: FileSystem, entry: string, options: FinderOptions): string | null {
  const cwd = cwdOf(options);
  const key = entry === '' ? cwd : entry; // PathFinder._path_importer_cache
  const memoKey = key.startsWith('/') ? key : `${cwd}\0${key}`;
  const known = options.directoryCache?.finders.get(memoKey);
  if (known !== undefined) return known;
  const directory = key === '.' ? cwd : key.startsWith('/') ? key : pathJoin(cwd, key); // FileFinder.__init__
  if (!fs.stat(directory)?.isDirectory) return null; // path_hook_for_FileFinder
  options.directoryCache?.finders.set(memoKey, directory);
  return directory;
}

/**
 * PathFinder.find_spec(fullname, path): the spec of `fullname` on `path` (sys.path for a top-level
 * module, the parent's __path__ for a submodule), or null when it is not there.
 */
export function findSpec(fs: FileSystem, fullname: string, path: readonly string[], options: FinderOptions): ModuleSpec | null {
  const namespacePath: string[] = [];
  for (const entry of path) {
    const directory = finderDirectory(fs, entry, options);
    if (directory === null) continue;
    const found = fileFinderFindSpec(fs, directory, fullname, options);
    if (found === null) continue;
    if ('spec' in found) return found.spec;
    namespacePath.push(found.namespacePortion);
  }
  if (namespacePath.length === 0) return null;
  return {
    name: fullname,
    loaderKind: 'namespace',
    origin: null,
    cached: null,
    submoduleSearchLocations: namespacePath,
    hasLocation: false,
    parent: fullname,
  };
}

/**
 * The spec of a dotted name found the way the import system walks it (_find_and_load_unlocked):
 * each parent first, then the child on the parent's __path__. Only path-based modules (no
 * built-in or frozen ones, no sys.modules). Throws LoaderError(ModuleNotFoundError) with
 * CPython's message when a part is missing or a parent is not a package.
 */
export function findModule(fs: FileSystem, fullname: string, sysPath: readonly string[], options: FinderOptions): ModuleSpec[] {
  const parts = fullname.split('.');
  const specs: ModuleSpec[] = [];
  let path: readonly string[] = sysPath;
  for (let i = 0; i < parts.length; i++) {
    const name = parts.slice(0, i + 1).join('.');
    if (i > 0) {
      const parent = specs[i - 1]!;
      if (parent.submoduleSearchLocations === null) {
        throw new LoaderError('not-a-package', msg.notAPackage(name, parent.name), null, 'ModuleNotFoundError', name);
      }
      path = parent.submoduleSearchLocations;
    }
    const spec = findSpec(fs, name, path, options);
    if (spec === null) throw new LoaderError('not-found', msg.noModuleNamed(name), null, 'ModuleNotFoundError', name);
    specs.push(spec);
  }
  return specs;
}
