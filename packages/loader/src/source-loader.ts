// Getting a module's code object through its cache: SourceFileLoader.get_code and
// SourcelessFileLoader.get_code of importlib 3.11, with effects through the FileSystem port and
// the compiler injected (the loader does not depend on how code is compiled).
// CPython counterpart: Lib/importlib/_bootstrap_external.py SourceLoader.get_code, _classify_pyc,
// _compile_bytecode, _code_to_timestamp_pyc, _code_to_hash_pyc; Python/import.c _imp._fix_co_filename.
import {
  canonicalizeRefs,
  cacheFromSource,
  CachePathError,
  CodeObject,
  hashHeader,
  Kind,
  loadsAt,
  MarshalError,
  marshalOptionsFor,
  PyStr,
  sourceHash,
  timestampHeader,
  writePyc,
  type PyValue,
  type Target,
} from '@tspyc/bytecode';
import { cacheBytecode } from './cache-write.js';
import { LoaderError, type FileStat, type FileSystem, type WriteResult } from './fs.js';
import * as msg from './messages.js';
import { headerMtime, validatePyc, type CheckHashBasedPycs, type StaleReason } from './validate.js';

/** How a new cache is written when there was no usable hash-based one (importlib: timestamp). */
export type InvalidationMode = 'timestamp' | 'checked-hash' | 'unchecked-hash';

/** The injected compiler: source bytes and path (co_filename) to a code object; throws on a SyntaxError. */
export type CompileFn = (source: Uint8Array, path: string) => CodeObject;

export interface CacheOptions {
  target: Target;
  /** sys.flags.optimize: 0 (no tag), 1 (-O), 2 (-OO) or more; level N names the cache `.opt-N.pyc` (default 0) */
  optimization?: number;
  /** sys.pycache_prefix (PYTHONPYCACHEPREFIX, -X pycache_prefix); null or absent for none */
  pycachePrefix?: string | null;
  /** the working directory relative paths are resolved against under a prefix (default process.cwd()) */
  cwd?: string;
}

export interface LoadCodeOptions extends CacheOptions {
  compile: CompileFn;
  /** --check-hash-based-pycs (default 'default') */
  checkHashBasedPycs?: CheckHashBasedPycs;
  /** sys.dont_write_bytecode (-B, PYTHONDONTWRITEBYTECODE): read caches, never write them */
  dontWriteBytecode?: boolean;
  /** the module name, for messages (default: the path) */
  fullname?: string;
  /** tspyc's no-stale-window rule on top of importlib's (default true) */
  nanosecondWindow?: boolean;
  /**
   * A cache whose header is valid but whose body is not a code object (truncated, corrupt):
   * 'recompile' (tspyc's default: the cache is rewritten and the import succeeds) or 'raise'
   * (importlib: EOFError / ValueError / ImportError reach the importer).
   */
  onCorruptBody?: 'recompile' | 'raise';
  /** the mode of a new cache when the old one was not a valid hash-based pyc (default 'timestamp', as importlib) */
  invalidationMode?: InvalidationMode;
  /** fsync the cache before renaming it into place (default false) */
  fsync?: boolean;
}

/** Why a cache was not used. */
export type CacheMiss = StaleReason | 'missing' | 'corrupt' | 'no-cache-path';

export interface LoadedCode {
  code: CodeObject;
  /** 'cache' when the pyc was used, 'source' when the source was compiled */
  from: 'cache' | 'source';
  /** the pyc path (cache_from_source), or null for a Target without __pycache__ */
  cachePath: string | null;
  /** with from = 'cache': the kind of pyc used */
  cacheKind: 'timestamp' | 'checked-hash' | 'unchecked-hash' | null;
  /** with from = 'source': why the cache was not used */
  miss: CacheMiss | null;
  /** with from = 'source': the attempt to write the new cache (null when none was due: -B, no cache path) */
  write: WriteResult | null;
}

/** cache_from_source for an optimization level and prefix; null when the Target has no __pycache__. */
export function cachePathFor(sourcePath: string, options: CacheOptions): string | null {
  if (options.target.cacheTag === null) return null; // NotImplementedError: bytecode_path = None
  const level = options.optimization ?? 0;
  return cacheFromSource(sourcePath, {
    target: options.target,
    optimization: level === 0 ? '' : level,
    pycachePrefix: options.pycachePrefix ?? null,
    cwd: options.cwd,
  });
}

const readU32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** _compile_bytecode's unmarshal: the code object in `data[16:]`, or a LoaderError as importlib raises. */
function unmarshalCode(data: Uint8Array, target: Target, name: string, bytecodePath: string): CodeObject {
  let value: PyValue;
  try {
    // the file's bytes are ours (FileSystem.readFile gives a fresh buffer): bytes objects view them
    value = loadsAt(data, target.headerSize, { ...marshalOptionsFor(target), aliasInput: true }).value;
  } catch (err) {
    if (!(err instanceof MarshalError)) throw err;
    const type = err.code === 'truncated' ? 'EOFError' : 'ValueError';
    throw new LoaderError(`marshal-${err.code}`, err.message, bytecodePath, type, name);
  }
  if (value.kind !== Kind.Code) throw new LoaderError('not-code', msg.nonCodeObject(bytecodePath), bytecodePath, 'ImportError', name);
  return value;
}

/**
 * _imp._fix_co_filename: when a cached code object names another file, rename it (and every nested
 * code object that had the same name) to the real source path.
 */
export function fixCoFilename(code: CodeObject, sourcePath: string): void {
  const old = code.coFilename;
  if (old === sourcePath) return;
  const fresh = new PyStr(sourcePath);
  const visit = (co: CodeObject) => {
    if (co.coFilename !== old) return;
    co.filename = fresh;
    for (const c of co.consts.items) if (c.kind === Kind.Code) visit(c);
  };
  visit(code);
}

/**
 * The bytes of a new pyc for `code`: _code_to_timestamp_pyc or _code_to_hash_pyc, with CPython's
 * sharing, interning and FLAG_REF pattern as a fresh `python3.11 -m py_compile` writes it (the
 * canonical reference, pyc-format.md §4.5) — for every writer: compile, imports and watch.
 */
export function codeToPyc(
  target: Target,
  code: CodeObject,
  source: { bytes: Uint8Array; mtimeNs: bigint },
  mode: InvalidationMode,
): Uint8Array {
  const header =
    mode === 'timestamp'
      ? timestampHeader(headerMtime(source.mtimeNs), source.bytes.length)
      : hashHeader(sourceHash(target, source.bytes), mode === 'checked-hash');
  return writePyc({ target, header, code: canonicalizeRefs(code, { target }) });
}

/** Whether the source's stat now differs from the one its bytes were read under (or it is gone). */
function sourceChanged(now: FileStat | null, before: FileStat): boolean {
  return now === null || now.mtimeNs !== before.mtimeNs || now.size !== before.size;
}

/** SourceFileLoader.get_code: the code of `sourcePath`, from its cache when fresh, else compiled (and cached). */
export function loadCode(fs: FileSystem, sourcePath: string, options: LoadCodeOptions): LoadedCode {
  const target = options.target;
  const name = options.fullname ?? sourcePath;
  let bytecodePath: string | null;
  try {
    bytecodePath = cachePathFor(sourcePath, options);
  } catch (err) {
    if (!(err instanceof CachePathError)) throw err;
    bytecodePath = null;
  }
  let sourceBytes: Uint8Array | null = null;
  const readSource = (): Uint8Array => (sourceBytes ??= fs.readFile(sourcePath));
  let hashBased = false;
  let checkSource = true;
  let miss: CacheMiss = bytecodePath === null ? 'no-cache-path' : 'missing';
  const st = fs.stat(sourcePath);

  if (bytecodePath !== null && st !== null) {
    const cacheStat = fs.stat(bytecodePath);
    let data: Uint8Array | null = null;
    if (cacheStat?.isFile) {
      try {
        data = fs.readFile(bytecodePath);
      } catch (err) {
        if (!(err instanceof LoaderError)) throw err; // OSError: fall through to the source
      }
    }
    if (data !== null) {
      // _classify_pyc has accepted magic, length and flags exactly when these hold; hash_based and
      // check_source are set then, before the hash is compared (so a stale hash pyc is rewritten as one).
      const m = target.magicBytes;
      if (data.length >= 16 && data[0] === m[0] && data[1] === m[1] && data[2] === m[2] && data[3] === m[3] && (readU32(data, 4) & ~0b11) === 0) {
        const flags = readU32(data, 4);
        hashBased = (flags & 0b1) !== 0;
        if (hashBased) checkSource = (flags & 0b10) !== 0;
      }
      const verdict = validatePyc(data, { mtimeNs: st.mtimeNs, size: st.size, bytes: readSource }, target, {
        checkHashBasedPycs: options.checkHashBasedPycs,
        cacheMtimeNs: options.nanosecondWindow === false ? null : cacheStat!.mtimeNs,
      });
      if (verdict.fresh) {
        try {
          const code = unmarshalCode(data, target, name, bytecodePath);
          fixCoFilename(code, sourcePath);
          return { code, from: 'cache', cachePath: bytecodePath, cacheKind: verdict.kind, miss: null, write: null };
        } catch (err) {
          if (!(err instanceof LoaderError) || options.onCorruptBody === 'raise') throw err;
          miss = 'corrupt';
        }
      } else {
        miss = verdict.reason;
      }
    }
  }

  let bytes: Uint8Array;
  try {
    bytes = readSource();
  } catch (err) {
    if (err instanceof LoaderError) throw new LoaderError('source-unreadable', err.message, sourcePath, 'OSError', name);
    throw err;
  }
  const code = options.compile(bytes, sourcePath);
  let write: WriteResult | null = null;
  if (bytecodePath !== null && st !== null) {
    if (options.dontWriteBytecode) {
      write = { written: false, path: bytecodePath, reason: 'dont-write-bytecode', errno: null, detail: 'sys.dont_write_bytecode is set' };
    } else if (sourceChanged(fs.stat(sourcePath), st)) {
      // Not in importlib: it would write a cache whose header may match the edited source (same
      // second, same size) while its code is the old one's; then the cache would postdate the edit
      // and even the no-stale-window rule would trust it. Skipping the write leaves no such cache.
      write = { written: false, path: bytecodePath, reason: 'source-changed', errno: null, detail: 'the source changed while it was compiled' };
    } else {
      const mode: InvalidationMode = hashBased ? (checkSource ? 'checked-hash' : 'unchecked-hash') : (options.invalidationMode ?? 'timestamp');
      const data = codeToPyc(target, code, { bytes, mtimeNs: st.mtimeNs }, mode);
      write = cacheBytecode(fs, sourcePath, bytecodePath, data, { fsync: options.fsync });
    }
  }
  return { code, from: 'source', cachePath: bytecodePath, cacheKind: null, miss, write };
}

/**
 * SourcelessFileLoader.get_code: the code in a legacy `x.pyc` that stands where `x.py` would.
 * No freshness check (there is no source); a bad header or body is an error, as in importlib.
 */
export function loadSourceless(fs: FileSystem, pycPath: string, options: { target: Target; fullname?: string }): CodeObject {
  const target = options.target;
  const name = options.fullname ?? pycPath;
  const data = fs.readFile(pycPath);
  const m = target.magicBytes;
  if (data.length < 4 || data[0] !== m[0] || data[1] !== m[1] || data[2] !== m[2] || data[3] !== m[3]) {
    throw new LoaderError('bad-magic', msg.badMagicNumber(name, data.subarray(0, 4)), pycPath, 'ImportError', name);
  }
  if (data.length < 16) throw new LoaderError('truncated-header', msg.eofReadingHeader(name), pycPath, 'EOFError', name);
  const flags = readU32(data, 4);
  if (flags & ~0b11) throw new LoaderError('invalid-flags', msg.invalidFlags(flags, name), pycPath, 'ImportError', name);
  return unmarshalCode(data, target, name, pycPath);
}

