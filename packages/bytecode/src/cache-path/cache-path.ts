// PEP 3147 / PEP 488 cache file names as pure string functions (POSIX paths).
// CPython counterpart: Lib/importlib/_bootstrap_external.py cache_from_source, source_from_cache,
// _path_split and _path_join (which differ from os.path.split/join), and compileall -b's legacy name.
import { strRepr } from '../dis/repr.js';
import type { Target } from '../target.js';
import { PyStr } from '../values.js';

/** The ValueError cases of cache_from_source / source_from_cache, with CPython's message. */
export class CachePathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CachePathError';
  }
}

export interface CachePathOptions {
  target: Target;
  /**
   * As importlib's `optimization` argument: '' (the default) for no tag, else any alphanumeric
   * value — an explicit 0 gives `.opt-0`, as in CPython. For an optimization *level* use
   * optimizationTag(level), which maps 0 to '' as py_compile does.
   */
  optimization?: number | string;
  /** sys.pycache_prefix (PYTHONPYCACHEPREFIX); null or absent for none */
  pycachePrefix?: string | null;
  /** the working directory a relative path is resolved against under a prefix; default process.cwd() */
  cwd?: string;
}

const PYCACHE = '__pycache__';
const OPT = 'opt-';

/** _path_split: at the last separator; no trailing-slash cleanup. */
function pathSplit(path: string): [string, string] {
  const i = path.lastIndexOf('/');
  return i < 0 ? ['', path] : [path.slice(0, i), path.slice(i + 1)];
}

/** _path_join: drops empty parts and trailing separators of each part. */
function pathJoin(...parts: string[]): string {
  return parts
    .filter((p) => p)
    .map((p) => p.replace(/\/+$/, ''))
    .join('/');
}

/** str.isalnum() */
function isAlnum(s: string): boolean {
  return s.length > 0 && /^[\p{L}\p{N}]+$/u.test(s);
}

/** repr() of a string, as the f-string messages of importlib print it. */
function quote(s: string): string {
  return strRepr(new PyStr(s));
}

/** The `optimization` argument for an -O level, as py_compile passes it (level 0 has no tag). */
export function optimizationTag(level: 0 | 1 | 2): '' | 1 | 2 {
  return level === 0 ? '' : level;
}

/** importlib.util.cache_from_source */
export function cacheFromSource(path: string, options: CachePathOptions): string {
  const tag = options.target.cacheTag;
  if (tag === null) throw new CachePathError(`Python ${options.target.version} has no __pycache__ (use legacyCachePath)`);
  let [head, tail] = pathSplit(path);
  const dot = tail.lastIndexOf('.');
  const [base, sep, rest] = dot < 0 ? ['', '', tail] : [tail.slice(0, dot), '.', tail.slice(dot + 1)];
  let almost = (base ? base : rest) + sep + tag;
  const optimization = options.optimization === undefined ? '' : String(options.optimization);
  if (optimization !== '') {
    if (!isAlnum(optimization)) throw new CachePathError(`${quote(optimization)} is not alphanumeric`);
    almost = `${almost}.${OPT}${optimization}`;
  }
  const filename = almost + '.pyc';
  const prefix = options.pycachePrefix;
  if (prefix !== null && prefix !== undefined) {
    if (!head.startsWith('/')) head = pathJoin(options.cwd ?? process.cwd(), head);
    return pathJoin(prefix, head.replace(/^\/+/, ''), filename);
  }
  return pathJoin(head, PYCACHE, filename);
}

/** importlib.util.source_from_cache */
export function sourceFromCache(path: string, options: { pycachePrefix?: string | null } = {}): string {
  let [head, pycacheFilename] = pathSplit(path);
  let inPrefix = false;
  const prefix = options.pycachePrefix;
  if (prefix !== null && prefix !== undefined) {
    const stripped = prefix.replace(/\/+$/, '');
    if (head.startsWith(stripped + '/')) {
      head = head.slice(stripped.length);
      inPrefix = true;
    }
  }
  if (!inPrefix) {
    const [parent, pycache] = pathSplit(head);
    if (pycache !== PYCACHE) throw new CachePathError(`${PYCACHE} not bottom-level directory in ${quote(path)}`);
    head = parent;
  }
  const dots = pycacheFilename.split('.').length - 1;
  if (dots !== 2 && dots !== 3) throw new CachePathError(`expected only 2 or 3 dots in ${quote(pycacheFilename)}`);
  if (dots === 3) {
    const optimization = pycacheFilename.split('.').slice(-2)[0]!;
    if (!optimization.startsWith(OPT)) {
      throw new CachePathError(`optimization portion of filename does not start with ${quote(OPT)}`);
    }
    if (!isAlnum(optimization.slice(OPT.length))) {
      throw new CachePathError(`optimization level ${quote(optimization)} is not an alphanumeric value`);
    }
  }
  const base = pycacheFilename.split('.')[0]!;
  return pathJoin(head, base + '.py');
}

/** The legacy name next to the source (compileall -b, Python 2): `mod.py` → `mod.pyc`. */
export function legacyCachePath(sourcePath: string): string {
  return sourcePath + 'c';
}
