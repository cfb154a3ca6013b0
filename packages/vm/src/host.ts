// Everything the VM needs from the world outside, so it runs the same in Node and in a browser.
// The Node implementation is host-node.ts; tests use CapturedHost.
import type { CodeObject } from '@tspyc/bytecode';

/** A module the host found on sys.path (through tspyc's loader), ready to execute. */
export interface FoundModule {
  /** null for a namespace package */
  code: CodeObject | null;
  /** which importlib loader the spec carries */
  loaderKind: 'source' | 'sourceless' | 'namespace';
  /** spec.origin: the module's file; null for a namespace package */
  origin: string | null;
  /** spec.has_location: origin is a file (then __file__ is set) */
  hasLocation: boolean;
  file: string | null;
  cached: string | null;
  /** __path__ for a package */
  path: string[] | null;
  /** __package__ */
  package: string;
  /** the compiler's warnings, when the code was compiled from source just now (issued before the module runs) */
  warnings?: HostCompileWarning[];
}

/**
 * A compile-time warning of the host's compiler: a SyntaxWarning, or (3.11) a DeprecationWarning for
 * an invalid escape sequence; with the SyntaxError CPython raises in its place when the warnings
 * filters make it an error.
 */
export interface HostCompileWarning {
  category: 'SyntaxWarning' | 'DeprecationWarning';
  message: string;
  filename: string;
  lineno: number;
  error: HostSyntaxError;
}

/** An import the host could not complete: the Python exception type and message to raise. */
export class HostImportError extends Error {
  constructor(
    readonly pyType: 'ImportError' | 'ModuleNotFoundError',
    message: string,
  ) {
    super(message);
  }
}

/** A system call of the host failed: raised in Python as OSError(errno, strerror) (its errno's subclass). */
export class HostOSError extends Error {
  constructor(
    readonly errno: number,
    readonly strerror: string,
  ) {
    super(strerror);
  }
}

/** A module source that did not compile: the SyntaxError to raise, with the fields CPython's carries. */
export class HostSyntaxError extends Error {
  constructor(
    readonly pyType: 'SyntaxError' | 'IndentationError' | 'TabError',
    readonly msg: string,
    readonly filename: string | null,
    readonly lineno: number | null,
    readonly offset: number | null,
    /** the source line, with its newline */
    readonly text: string | null,
    readonly endLineno: number | null,
    readonly endOffset: number | null,
  ) {
    super(msg);
  }
}

/** What os.stat reports of a file (the fields of os.stat_result). */
export interface HostStat {
  mode: number;
  ino: bigint;
  dev: bigint;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  blksize: number;
  blocks: number;
  rdev: number;
}

/**
 * The file system as a program sees it through open() and os: POSIX-like calls on paths and file
 * descriptors. Every failure is a HostOSError with the POSIX errno and its strerror text.
 */
export interface HostFiles {
  /** open(2): flags are Linux's O_* bits; returns the descriptor */
  open(path: string, flags: number, mode: number): number;
  /** up to `n` bytes at the descriptor's position; n < 0: up to the end */
  read(fd: number, n: number): Uint8Array;
  write(fd: number, data: Uint8Array): number;
  /** lseek(2): the new position */
  seek(fd: number, offset: number, whence: 0 | 1 | 2): number;
  close(fd: number): void;
  truncate(fd: number, size: number): void;
  fstat(fd: number): HostStat;
  stat(path: string, followSymlinks: boolean): HostStat;
  isatty(fd: number): boolean;
  listdir(path: string): string[];
  mkdir(path: string, mode: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  rename(from: string, to: string): void;
  getcwd(): string;
  chdir(path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  /** set the access and modification times, in nanoseconds */
  utime(path: string, atimeNs: bigint, mtimeNs: bigint): void;
}

export interface Host {
  /** files for open() and os; absent: a host without a file system (open raises OSError) */
  readonly files?: HostFiles;
  /** the initial sys.path, when the host finds modules on one (findModule then gets sys.path as it is at the import) */
  readonly sysPath?: readonly string[];
  /**
   * CPython's Lib/ directory, when one is on sysPath: its pure-Python modules then replace the
   * VM's TypeScript stand-ins (modules/registry.ts says which those are).
   */
  readonly stdlib?: string | null;
  /** how imports treat caches, for sys.dont_write_bytecode, sys.pycache_prefix and sys.flags.optimize; absent: caches never written */
  readonly importConfig?: ImportConfig;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** A source file's text, for the lines tracebacks show; null when it cannot be read. */
  readSource?(path: string): string | null;
  /** The next line of standard input, with its newline; '' at end of input. */
  readLine?(): string;
  /**
   * Find module `fullname` on `path` (a package's __path__; null: sys.path) and load its code, or
   * null when there is no such module. Throws HostImportError, or HostSyntaxError when its source does not compile.
   */
  findModule?(fullname: string, path: readonly string[] | null, options?: FindModuleOptions): FoundModule | null;
  /**
   * compile(source, filename, mode) for exec(), eval() and compile() of source text; absent when the
   * host has no compiler. Throws HostSyntaxError; gives the compiler's warnings to `onWarning`.
   */
  compileSource?(source: Uint8Array | string, filename: string, mode: SourceMode, onWarning?: (w: HostCompileWarning) => void): CodeObject;
}

export type SourceMode = 'exec' | 'eval' | 'single';

export interface FindModuleOptions {
  /** sys.dont_write_bytecode as it is at the import (importlib reads it there); absent: the host's -B */
  readonly dontWriteBytecode?: boolean;
}

/** -B / PYTHONDONTWRITEBYTECODE, -O / PYTHONOPTIMIZE and the pycache prefix, as the host's imports apply them. */
export interface ImportConfig {
  readonly dontWriteBytecode: boolean;
  readonly optimization: number;
  readonly pycachePrefix: string | null;
}

/** A host that keeps what the program writes (tests, embedding). */
export class CapturedHost implements Host {
  stdout = '';
  stderr = '';
  /** sources the program's tracebacks may show, by path */
  sources = new Map<string, string>();
  readSource(path: string): string | null {
    return this.sources.get(path) ?? null;
  }
  /** what the program reads from standard input */
  stdin = '';
  readLine(): string {
    const i = this.stdin.indexOf('\n');
    const line = i < 0 ? this.stdin : this.stdin.slice(0, i + 1);
    this.stdin = this.stdin.slice(line.length);
    return line;
  }
  writeStdout(text: string): void {
    this.stdout += text;
  }
  writeStderr(text: string): void {
    this.stderr += text;
  }
}
