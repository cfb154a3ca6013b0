// Verification of a source's caches: each pyc found for it is compared, byte for byte, with what
// tspyc writes for the source today under the settings the cache itself records — its optimization
// level (from the file name), its invalidation mode (header flags), its co_filename (py_compile's
// dfile) — through the same path compileFile writes by (sourceToPyc). A cache whose header no longer
// describes the source (mtime, size or hash) is stale: comparing its code would say nothing.
// CPython has no such tool; the comparison is tspyc diff's (diffPycs).
import {
  cacheFromSource,
  CachePathError,
  diffPycs,
  legacyCachePath,
  Kind,
  PycError,
  readPyc,
  sourceFromCache,
  type PycDiff,
  type Target,
} from '@tspyc/bytecode';
import { PyRecursionError, PySyntaxError } from '@tspyc/compiler';
import { LoaderError, type FileSystem } from './fs.js';
import { sourceToPyc, syntaxErrorStr } from './py-compile.js';
import type { InvalidationMode } from './source-loader.js';
import { validatePyc, type StaleReason } from './validate.js';

/** A cache of a source: where it is and the optimization level its name records (null: a legacy `x.pyc`, none). */
export interface CacheLocation {
  cache: string;
  optimize: 0 | 1 | 2 | null;
}

interface VerdictBase {
  source: string;
  cache: string;
}

/** The settings a cache was recompiled with. */
export interface VerifySettings {
  optimize: 0 | 1 | 2;
  mode: InvalidationMode;
  /** co_filename, read from the cache */
  filename: string;
}

export type CacheVerdict =
  | (VerdictBase & { status: 'identical'; settings: VerifySettings })
  | (VerdictBase & { status: 'different'; settings: VerifySettings; diff: PycDiff })
  | (VerdictBase & { status: 'stale'; reason: StaleReason })
  | (VerdictBase & { status: 'error'; message: string });

export interface VerifyOptions {
  target: Target;
  /** look for legacy `x.pyc` beside `x.py` too (compileall -b); default true */
  legacy?: boolean;
}

/** Every cache present for `source`: __pycache__ at levels 0, 1, 2, then the legacy name. */
export function findCaches(fs: FileSystem, source: string, options: VerifyOptions): CacheLocation[] {
  const out: CacheLocation[] = [];
  for (const level of [0, 1, 2] as const) {
    const cache = cacheFromSource(source, { target: options.target, optimization: level === 0 ? '' : level });
    if (fs.stat(cache)?.isFile) out.push({ cache, optimize: level });
  }
  if (options.legacy !== false) {
    // a legacy name claims no version: only the target's own pycs there are its caches (a Python 2
    // `x.pyc` beside `x.py` is another interpreter's)
    const cache = legacyCachePath(source);
    if (fs.stat(cache)?.isFile && hasMagic(fs, cache, options.target)) out.push({ cache, optimize: null });
  }
  return out;
}

/**
 * A pyc named directly: its source and level — `__pycache__/NAME.TAG[.opt-N].pyc` (importlib's
 * source_from_cache) or a legacy `NAME.pyc` beside `NAME.py`. Null for a name that is neither, or a
 * level compile() does not take.
 */
export function cacheLocation(cache: string, options: VerifyOptions): { source: string; location: CacheLocation } | null {
  const parts = cache.split('/');
  if (parts.length >= 2 && parts[parts.length - 2] === '__pycache__') {
    const name = parts[parts.length - 1]!;
    if (!name.includes(`.${options.target.cacheTag}.`)) return null;
    let source: string;
    try {
      source = sourceFromCache(cache);
    } catch (err) {
      if (err instanceof CachePathError) return null;
      throw err;
    }
    const opt = /\.opt-([^.]*)\.pyc$/.exec(name);
    const level = opt ? opt[1] : '';
    if (level !== '' && level !== '1' && level !== '2') return null;
    return { source, location: { cache, optimize: level === '' ? 0 : (Number(level) as 1 | 2) } };
  }
  return { source: cache.slice(0, -1), location: { cache, optimize: null } };
}

function hasMagic(fs: FileSystem, path: string, target: Target): boolean {
  let data: Uint8Array;
  try {
    data = fs.readFile(path);
  } catch (err) {
    if (err instanceof LoaderError) return true; // unreadable: reported as this cache's error
    throw err;
  }
  return target.magicBytes.every((b, i) => data[i] === b);
}

function modeOf(flags: number): InvalidationMode {
  if (!(flags & 0b1)) return 'timestamp';
  return flags & 0b10 ? 'checked-hash' : 'unchecked-hash';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One line for a compile error: "SyntaxError: invalid syntax (m.py, line 3)". */
function compileErrorText(err: PySyntaxError | PyRecursionError): string {
  return `${err.type}: ${err instanceof PySyntaxError ? syntaxErrorStr(err) : err.msg}`;
}

/** Verify one cache of `source`. */
export function verifyCache(fs: FileSystem, source: string, location: CacheLocation, options: VerifyOptions): CacheVerdict {
  const { cache } = location;
  const base = { source, cache };
  let data: Uint8Array;
  let sourceBytes: Uint8Array;
  const st = fs.stat(source);
  try {
    data = fs.readFile(cache);
    sourceBytes = fs.readFile(source);
  } catch (err) {
    if (err instanceof LoaderError) return { ...base, status: 'error', message: err.message };
    throw err;
  }
  if (st === null) return { ...base, status: 'error', message: `${source}: No such file or directory` };

  let pyc;
  try {
    pyc = readPyc(data);
  } catch (err) {
    if (err instanceof PycError) return { ...base, status: 'error', message: `unreadable pyc: ${err.message}${err.offset > 0 ? ` (at byte ${err.offset})` : ''}` };
    throw err;
  }
  // Another version's magic is a difference in itself (its header is still read for the settings).
  if (pyc.target.magic === options.target.magic) {
    const verdict = validatePyc(data, { mtimeNs: st.mtimeNs, size: st.size, bytes: () => sourceBytes }, options.target, { checkHashBasedPycs: 'always' });
    if (!verdict.fresh) return { ...base, status: 'stale', reason: verdict.reason };
  }
  const coFilename = pyc.code.filename;
  const filename = coFilename && coFilename.kind === Kind.Str ? coFilename.value : source;
  const mode = modeOf(pyc.header.flags);

  const levels: (0 | 1 | 2)[] = location.optimize === null ? [0, 1, 2] : [location.optimize];
  let first: CacheVerdict | null = null;
  for (const optimize of levels) {
    const settings: VerifySettings = { optimize, mode, filename };
    let ours: Uint8Array;
    try {
      ours = sourceToPyc(sourceBytes, { name: filename, optimize, target: options.target, mode, mtimeNs: st.mtimeNs });
    } catch (err) {
      if (err instanceof PySyntaxError || err instanceof PyRecursionError) return { ...base, status: 'error', message: compileErrorText(err) };
      // a compiler failure on one file must not end the run: report it as this cache's error
      return { ...base, status: 'error', message: `tspyc could not compile the source: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (sameBytes(data, ours)) return { ...base, status: 'identical', settings };
    // a legacy pyc's name records no level: the first level that reproduces it is the one it was written at
    first ??= { ...base, status: 'different', settings, diff: diffPycs(pyc, readPyc(ours), data, ours) };
  }
  return first!;
}

/** Verify every cache present for `source` (none: an empty list). */
export function verifySource(fs: FileSystem, source: string, options: VerifyOptions): CacheVerdict[] {
  return findCaches(fs, source, options).map((loc) => verifyCache(fs, source, loc, options));
}
