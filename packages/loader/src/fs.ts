// The file-system port the loader works through: Node's file system, or one in memory (for tests
// and for the browser). Only what the loader needs: stat, read, list, mkdir (one level) and an
// atomic whole-file write. Writes never throw: a cache that cannot be written is not an error
// (importlib's SourceLoader.set_data swallows the OSError), so the port returns a typed result.

export interface FileStat {
  size: number;
  mtimeMs: number;
  /** nanosecond mtime, as st_mtime_ns */
  mtimeNs: bigint;
  isFile: boolean;
  isDirectory: boolean;
  /** permission bits of st_mode (0o7777); importlib's _calc_mode derives a pyc's mode from the source's */
  mode: number;
}

/** Why a write did not happen; `errno` is the POSIX name where one applies (EACCES, EROFS, ENOTDIR…). */
export type NotWrittenReason =
  | 'dont-write-bytecode' // sys.dont_write_bytecode (-B, PYTHONDONTWRITEBYTECODE): writing is off
  | 'mkdir-failed' // a missing directory (e.g. __pycache__) could not be created
  | 'write-failed' // the temp file could not be created, written or renamed into place
  | 'source-changed'; // tspyc only: the source changed while it was compiled, so the new cache would already be stale

export type WriteResult =
  | { written: true; path: string }
  | { written: false; path: string; reason: NotWrittenReason; errno: string | null; detail: string };

export type MkdirResult = { created: true } | { created: false; exists: true } | { created: false; exists: false; errno: string; detail: string };

export interface WriteOptions {
  /** file mode before the umask; masked with 0o666 as importlib's _write_atomic does (default 0o666) */
  mode?: number;
  /** fsync the temp file before the rename (default false, as importlib) */
  fsync?: boolean;
}

export interface FileSystem {
  /** null when the path does not exist */
  stat(path: string): FileStat | null;
  /** a fresh buffer the caller owns; throws LoaderError('unreadable') when the file cannot be read */
  readFile(path: string): Uint8Array;
  /** entry names, or null when not a readable directory */
  listDir(path: string): string[] | null;
  /** os.mkdir of one directory (mode 0o777 before the umask unless given); never throws */
  mkdir(path: string, mode?: number): MkdirResult;
  /**
   * Replace `path` atomically: write a unique temp file in the same directory
   * (`<name>.<pid>.<random>.tmp`), then rename it over `path`. On any failure the temp file is
   * removed and nothing at `path` changes. Never throws.
   */
  writeFileAtomic(path: string, data: Uint8Array, options?: WriteOptions): WriteResult;
}

/** The Python exception class a LoaderError stands for, so the VM can raise the right one. */
export type PythonErrorType = 'ImportError' | 'ModuleNotFoundError' | 'EOFError' | 'ValueError' | 'TypeError' | 'KeyError' | 'OSError';

/** A loader failure that reaches the caller; `message` is importlib's text where it has one. */
export class LoaderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: string | null,
    readonly pythonType: PythonErrorType = 'ImportError',
    /** the module name, as ImportError.name */
    readonly moduleName: string | null = null,
  ) {
    super(message);
    this.name = 'LoaderError';
  }
}

/** The suffix of a temp file written by writeFileAtomic, so tools can recognise leftovers. */
export const TEMP_SUFFIX = '.tmp';
