// py_compile.compile of CPython 3.11: read a source, compile it, write its pyc (timestamp,
// checked-hash or unchecked-hash header) atomically where importlib looks for it, or at `cfile`.
// A compile error is a PyCompileError whose `msg` is py_compile's text; a failure of the file
// system is a PyOSError with CPython's class and str(). PYTHONDONTWRITEBYTECODE does not apply:
// an explicit compile always writes. Also in two steps, compileFileToPyc then writeCompiledPyc (or
// its asynchronous twin), for `tspyc compile`, which compiles on one thread and writes on another.
// CPython counterpart: Lib/py_compile.py compile.
import { lstatSync, readFileSync, type Stats } from 'node:fs';
import { cacheFromSource, type CodeObject, type Target } from '@tspyc/bytecode';
import { compileSource, formatSyntaxError, PyRecursionError, PySyntaxError, resolveTarget, withProgramText, type CompileWarning } from '@tspyc/compiler';
import { NodeFileSystem } from './fs-node.js';
import { writeFileAtomicAsync } from './fs-node-async.js';
import type { FileSystem } from './fs.js';
import { PyOSError } from './py-compile-os-error.js';
import { codeToPyc, fixCoFilename, type InvalidationMode } from './source-loader.js';

/** The compiler py_compile calls: source bytes, the name for co_filename, a valid -O level. */
export type PyCompileFn = (source: Uint8Array, filename: string, optimize: 0 | 1 | 2, target: Target, onWarning?: (w: CompileWarning) => void) => CodeObject;

export interface PyCompileOptions {
  /** where to write (default: the __pycache__ path for `optimize`) */
  cfile?: string;
  /** the name compiled into the code objects and shown in errors (default: the source path) */
  dfile?: string;
  /** -1 (the interpreter's level: 0 for tspyc), 0, 1 or 2; other values fail as compile() does */
  optimize?: number;
  /** default: checked-hash when SOURCE_DATE_EPOCH is set, else timestamp (py_compile's rule) */
  invalidationMode?: InvalidationMode;
  /** default 3.11 */
  target?: Target | string;
  /** the environment SOURCE_DATE_EPOCH is read from (default process.env) */
  env?: Record<string, string | undefined>;
  /** default tspyc's compileSource */
  compile?: PyCompileFn;
  /** the compiler's warnings (SyntaxWarning, DeprecationWarning), which py_compile leaves to the warnings module */
  onWarning?: (w: CompileWarning) => void;
}

/** py_compile.PyCompileError: `msg` is what compileall prints after "*** ". */
export class PyCompileError extends Error {
  constructor(
    readonly excTypeName: string,
    readonly msg: string,
    /** dfile or the source path */
    readonly file: string,
  ) {
    super(msg);
    this.name = 'PyCompileError';
  }
}

/** py_compile._get_default_invalidation_mode */
export function defaultInvalidationMode(env: Record<string, string | undefined> = process.env): InvalidationMode {
  return env.SOURCE_DATE_EPOCH ? 'checked-hash' : 'timestamp';
}

/** The pyc path py_compile picks for an optimization level (-1: the interpreter's, 0 for tspyc). */
export function pyCompileCfile(file: string, optimize: number, target: Target): string {
  return cacheFromSource(file, { target, optimization: optimize >= 1 ? optimize : '' });
}

/** str() of a SyntaxError: "msg (basename, line N)" (Objects/exceptions.c SyntaxError_str). */
export function syntaxErrorStr(e: PySyntaxError): string {
  const base = e.filename === null ? null : e.filename.slice(e.filename.lastIndexOf('/') + 1);
  if (base !== null && e.lineno !== null) return `${e.msg} (${base}, line ${e.lineno})`;
  if (base !== null) return `${e.msg} (${base})`;
  if (e.lineno !== null) return `${e.msg} (line ${e.lineno})`;
  return e.msg;
}

/** PyCompileError(exc_type, exc_value, file): the traceback text for SyntaxError itself, "Sorry: …" for the rest. */
function pyCompileError(err: PySyntaxError | PyRecursionError | { type: string; msg: string }, file: string): PyCompileError {
  if (err instanceof PySyntaxError && err.type === 'SyntaxError') {
    return new PyCompileError(err.type, formatSyntaxError(err).replaceAll('File "<string>"', `File "${file}"`), file);
  }
  const text = err instanceof PySyntaxError ? syntaxErrorStr(err) : err.msg;
  return new PyCompileError(err.type, `Sorry: ${err.type}: ${text}`, file);
}

const errnoOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? 'EIO';

/** posixpath.split */
function pathSplit(p: string): [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  if (head && !/^\/+$/.test(head)) head = head.replace(/\/+$/, '');
  return [head, p.slice(i)];
}

/** os.makedirs(name) without exist_ok: FileExistsError when `name` itself exists. */
function makedirs(fs: FileSystem, name: string): void {
  let [head, tail] = pathSplit(name);
  if (!tail) [head, tail] = pathSplit(head);
  if (head && tail && fs.stat(head) === null) {
    try {
      makedirs(fs, head);
    } catch (err) {
      if (!(err instanceof PyOSError && err.pythonType === 'FileExistsError')) throw err;
    }
    if (tail === '.') return;
  }
  const made = fs.mkdir(name, 0o777);
  if (made.created) return;
  throw PyOSError.fromErrno(made.exists ? 'EEXIST' : made.errno, name);
}

/** The OSError of a failed atomic write: the temp file's open, or its rename over `cfile`. */
function writeError(errno: string | null, detail: string, cfile: string): PyOSError {
  const rename = /'(.*)' -> '(.*)'$/.exec(detail);
  if (rename) return PyOSError.fromErrno(errno ?? 'EIO', rename[1]!, rename[2]!);
  const one = /'(.*)'$/.exec(detail);
  return PyOSError.fromErrno(errno ?? 'EIO', one ? one[1]! : cfile);
}

const defaultCompile: PyCompileFn = (source, filename, optimize, target, onWarning) => compileSource(source, filename, { optimize, target, onWarning });

export interface SourceToPycOptions {
  /** co_filename of every code object (py_compile's dfile, or the source path) */
  name: string;
  optimize: 0 | 1 | 2;
  target: Target;
  mode: InvalidationMode;
  /** the source's st_mtime_ns, for a timestamp header */
  mtimeNs: bigint;
  /** default tspyc's compileSource */
  compile?: PyCompileFn;
  onWarning?: (w: CompileWarning) => void;
}

/**
 * The bytes py_compile writes for `source`, in memory: compile, one co_filename throughout, CPython's
 * reference pattern, the header of `mode`. Throws the compiler's PySyntaxError / PyRecursionError.
 * The one byte-producing path shared by compileFile and verification.
 */
export function sourceToPyc(source: Uint8Array, options: SourceToPycOptions): Uint8Array {
  const { name, target } = options;
  const code: CodeObject = (options.compile ?? defaultCompile)(source, name, options.optimize, target, options.onWarning);
  fixCoFilename(code, name); // every nested code object names the same file
  return codeToPyc(target, code, { bytes: source, mtimeNs: options.mtimeNs }, options.mode);
}

/** A pyc py_compile is about to write: its bytes, where, and the mode _calc_mode gives. */
export interface CompiledPyc {
  cfile: string;
  data: Uint8Array;
  /** the source's st_mode (from the stat its bytes were read under) plus owner-write */
  mode: number;
}

/**
 * py_compile.compile(file, cfile, dfile, doraise=True, optimize, invalidation_mode): the path of
 * the pyc written. Throws PyCompileError for a source that does not compile, PyOSError when the
 * source cannot be read or the pyc cannot be written (nothing at `cfile` changes then).
 */
export function compileFile(file: string, options: PyCompileOptions = {}): string {
  const pyc = compileFileToPyc(file, options);
  writeCompiledPyc(pyc);
  return pyc.cfile;
}

/**
 * py_compile.compile up to its write: the checks on `cfile`, the source read, the compile, the
 * bytes. Writes nothing, so the write (writeCompiledPyc) may happen on another thread. Throws as
 * compileFile does.
 */
export function compileFileToPyc(file: string, options: PyCompileOptions = {}): CompiledPyc {
  const fs = new NodeFileSystem();
  const target = resolveTarget(options.target);
  const mode = options.invalidationMode ?? defaultInvalidationMode(options.env);
  const optimize = options.optimize ?? -1;
  const cfile = options.cfile ?? pyCompileCfile(file, optimize, target);
  const name = options.dfile || file;

  // one lstat: absent, a symlink, or (not being a link) what stat would say
  let existing: Stats | undefined;
  try {
    existing = lstatSync(cfile, { throwIfNoEntry: false });
  } catch {
    /* unreadable: as absent */
  }
  if (existing?.isSymbolicLink()) {
    throw PyOSError.withMessage('FileExistsError', `${cfile} is a symlink and will be changed into a regular file if import writes a byte-compiled file to it`);
  }
  if (existing && !existing.isFile()) {
    throw PyOSError.withMessage('FileExistsError', `${cfile} is a non-regular file and will be changed into a regular one if import writes a byte-compiled file to it`);
  }

  // Stat before reading: if the source changes meanwhile, the header describes the older file and
  // the pyc reads as stale (py_compile stats afterwards and could describe the new file's size).
  const st = fs.stat(file);
  let source: Uint8Array;
  try {
    source = readFileSync(file);
  } catch (err) {
    throw PyOSError.fromErrno(errnoOf(err), file);
  }
  if (st === null) throw PyOSError.fromErrno('ENOENT', file);

  if (optimize < -1 || optimize > 2) throw pyCompileError({ type: 'ValueError', msg: 'compile(): invalid optimize value' }, name);
  let data: Uint8Array;
  try {
    data = sourceToPyc(source, { name, optimize: optimize === -1 ? 0 : (optimize as 0 | 1 | 2), target, mode, mtimeNs: st.mtimeNs, compile: options.compile, onWarning: options.onWarning });
  } catch (err) {
    if (err instanceof PySyntaxError) throw pyCompileError(withProgramText(err, source), name);
    if (err instanceof PyRecursionError) throw pyCompileError(err, name);
    throw err;
  }
  // _calc_mode's stat of the source: the one taken before reading it
  return { cfile, data, mode: st.mode | 0o200 };
}

/**
 * The rest of py_compile.compile: os.makedirs of the pyc's directory, then importlib's
 * _write_atomic (a temp file renamed over `cfile`, so no reader sees a torn pyc). Throws PyOSError.
 */
export function writeCompiledPyc(pyc: CompiledPyc, fs: FileSystem = new NodeFileSystem()): void {
  makePycDir(fs, pyc.cfile);
  const written = fs.writeFileAtomic(pyc.cfile, pyc.data, { mode: pyc.mode });
  if (!written.written) throw writeError(written.errno, written.detail, pyc.cfile);
}

/**
 * writeCompiledPyc with the write itself asynchronous (the directory is still made synchronously:
 * once per directory, and never raced by another write of this process). Rejects with PyOSError.
 */
export async function writeCompiledPycAsync(pyc: CompiledPyc): Promise<void> {
  makePycDir(new NodeFileSystem(), pyc.cfile);
  const written = await writeFileAtomicAsync(pyc.cfile, pyc.data, { mode: pyc.mode });
  if (!written.written) throw writeError(written.errno, written.detail, pyc.cfile);
}

/** py_compile's os.makedirs(dirname(cfile)), FileExistsError ignored. */
function makePycDir(fs: FileSystem, cfile: string): void {
  const dirname = pathSplit(cfile)[0];
  // an existing directory: os.makedirs would only fail with FileExistsError, which is ignored
  if (dirname && !fs.stat(dirname)?.isDirectory) {
    try {
      makedirs(fs, dirname);
    } catch (err) {
      if (!(err instanceof PyOSError && err.pythonType === 'FileExistsError')) throw err;
    }
  }
}
