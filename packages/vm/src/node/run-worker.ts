// The worker thread of run-file.ts: set up sys.path and the Node host the way `python` does for
// each kind of main program, run it, post the exit code.
// CPython counterpart: Modules/main.c (pymain_run_python, pymain_run_file, pymain_run_command,
// pymain_run_module) and Python/pathconfig.c (_PyPathConfig_ComputeSysPath0).
import { readFileSync, realpathSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { readPyc, type CodeObject } from '@tspyc/bytecode';
import { mainSyntaxErrorText, runMain } from '../interpreter.js';
import { runModuleAsMain } from '../runpy.js';
import { NodeHost, type HostCompileFn } from '../host-node.js';
import { loadCompilerModule } from './load-compiler.js';
import { HostImportError, HostSyntaxError, type HostCompileWarning, type SourceMode } from '../host.js';
import type { RunFileOptions } from './run-file.js';

/** What the worker needs from the compiler module it is given (structurally @tspyc/compiler's API). */
interface CompilerModule {
  compileSource(source: Uint8Array | string, filename: string, options?: { optimize?: 0 | 1 | 2; mode?: SourceMode; onWarning?: (w: CompilerWarning) => void; programText?: () => string | null }): CodeObject;
  PySyntaxError: abstract new (...args: never[]) => SyntaxErrorFields;
}

/** The compiler's CompileWarning. */
interface CompilerWarning {
  category: HostCompileWarning['category'];
  message: string;
  filename: string;
  lineno: number;
  error: SyntaxErrorFields;
}

interface SyntaxErrorFields extends Error {
  type: string;
  msg: string;
  filename: string | null;
  lineno: number | null;
  offset: number | null;
  text: string | null;
  endLineno: number | null;
  endOffset: number | null;
}

/**
 * Where a SyntaxError's source line comes from for compile() of source text (PyErr_ProgramTextObject):
 * the file `filename` names (as UTF-8), read only when an error needs it; none for '<string>' and the like.
 */
function programText(filename: string): () => string | null {
  return () => {
    try {
      return readFileSync(filename, 'utf8');
    } catch {
      return null;
    }
  };
}

function hostSyntaxError(err: SyntaxErrorFields): HostSyntaxError {
  return new HostSyntaxError(err.type as HostSyntaxError['pyType'], err.msg, err.filename, err.lineno, err.offset, err.text, err.endLineno, err.endOffset);
}

/** The main program could not start: a message for stderr and an exit code. */
class StartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * The compiler module, loaded on first use (synchronously: the loader compiles inside an import), so
 * a program whose modules all have fresh caches never pays for loading the compiler.
 */
function lazyCompiler(url: string): () => CompilerModule {
  let module: CompilerModule | undefined;
  return () => (module ??= loadCompilerModule(url) as CompilerModule);
}

async function main(options: RunFileOptions): Promise<number> {
  const compilerModule = options.compiler ? lazyCompiler(options.compiler) : null;
  const optimize = Math.min(options.config.optimization, 2) as 0 | 1 | 2;
  const isSyntaxError = (err: unknown): err is SyntaxErrorFields => compilerModule !== null && err instanceof compilerModule().PySyntaxError;
  /** The compiler's SyntaxError as the one the VM raises (a codec error as an ImportError). */
  const asHostError = (err: SyntaxErrorFields): Error =>
    err.type === 'UnicodeDecodeError'
      ? new HostImportError('ImportError', `${err.type}: ${err.msg}`)
      : hostSyntaxError(err);
  /** The compiler's warnings, as the VM takes them, to `onWarning`. */
  const warningsTo = (onWarning: ((w: HostCompileWarning) => void) | undefined) =>
    onWarning && ((w: CompilerWarning) => onWarning({ category: w.category, message: w.message, filename: w.filename, lineno: w.lineno, error: hostSyntaxError(w.error) }));
  const compile: HostCompileFn | null =
    compilerModule &&
    ((source, path, onWarning) => {
      try {
        return compilerModule().compileSource(source, path, { optimize, onWarning: warningsTo(onWarning) });
      } catch (err) {
        throw isSyntaxError(err) ? asHostError(err) : err;
      }
    });
  const compileSource =
    compilerModule &&
    ((source: Uint8Array | string, filename: string, mode: SourceMode, onWarning?: (w: HostCompileWarning) => void): CodeObject => {
      try {
        return compilerModule().compileSource(source, filename, { optimize, mode, onWarning: warningsTo(onWarning), programText: programText(filename) });
      } catch (err) {
        throw isSyntaxError(err) ? asHostError(err) : err;
      }
    });
  /** The main file's code, or its SyntaxError printed as CPython's excepthook prints it (exit 1). */
  /** the main code's compile-time warnings, issued as it starts */
  const mainWarnings: HostCompileWarning[] = [];
  const compileMain = (source: Uint8Array | string, filename: string): CodeObject => {
    if (compilerModule === null) throw new StartError(`cannot compile ${filename}: no compiler was given`, 70);
    try {
      // (a main file is its own program text, read in its own encoding; -c's '<string>' has none)
      return compilerModule().compileSource(source, filename, { optimize, onWarning: warningsTo((w) => mainWarnings.push(w)), programText: filename === '<string>' ? () => null : undefined });
    } catch (err) {
      if (!isSyntaxError(err)) throw err;
      const host = asHostError(err);
      if (!(host instanceof HostSyntaxError)) throw new StartError(`${err.type}: ${err.msg}`, 1);
      throw new StartError(mainSyntaxErrorText(host).trimEnd(), 1);
    }
  };
  const hostFor = (sysPath0: string) =>
    new NodeHost({ sysPath: options.stdlib ? [sysPath0, options.stdlib] : [sysPath0], stdlib: options.stdlib ?? null, compile, compileSource, config: options.config, checkHashBasedPycs: options.checkHashBasedPycs });
  const { main, args } = options;
  switch (main.kind) {
    case 'pyc': {
      const pyc = readPyc(readFileSync(main.path), { aliasInput: true });
      return runMain(pyc.code, { host: hostFor(dirname(resolve(main.path))), argv: [main.path, ...args], file: absolutePath(main.path), mainLoader: 'sourceless' });
    }
    case 'source': {
      // __file__ and co_filename: the path made absolute as _Py_abspath does (joined to the working
      // directory, not normalised); sys.path[0]: the directory of the real file (symlinks resolved).
      const file = absolutePath(main.path);
      let source: Uint8Array;
      try {
        source = readFileSync(file);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        throw new StartError(`tspyc: can't open file '${file}': [Errno ${-(e.errno ?? -2)}] ${strerror(e.code)}`, 2);
      }
      const code = compileMain(source, file);
      return runMain(code, { host: hostFor(dirname(realpathSync(file))), argv: [main.path, ...args], file, mainLoader: 'source', compileWarnings: mainWarnings });
    }
    case 'command': {
      const code = compileMain(main.code, '<string>');
      return runMain(code, { host: hostFor(''), argv: ['-c', ...args], mainLoader: 'builtin', compileWarnings: mainWarnings });
    }
    case 'module':
      return runModuleAsMain(main.name, args, { host: hostFor(process.cwd()) });
  }
}

/** The main file's path made absolute as _Py_abspath does (joined to the working directory, not normalised). */
function absolutePath(path: string): string {
  const cwd = process.cwd();
  return isAbsolute(path) ? path : `${cwd}${cwd.endsWith('/') ? '' : '/'}${path}`;
}

/** os.strerror for the errors opening a file can give. */
function strerror(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    default:
      return code ?? 'error';
  }
}

/** Run just before the exit code is posted (run-worker-boot's code-cache write). */
const beforeExitCode: (() => void)[] = [];

/** Register `hook` to run before the exit code is posted: the main thread exits as soon as it has it. */
export function onBeforeExitCode(hook: () => void): void {
  beforeExitCode.push(hook);
}

function post(message: { exitCode: number } | { internalError: string }): void {
  for (const hook of beforeExitCode.splice(0)) hook();
  parentPort!.postMessage(message);
}

// The program arrives as the first message (the worker may be started before it is known).
parentPort!.once('message', (options: RunFileOptions) => {
  main(options).then(
    (exitCode) => post({ exitCode }),
    (err: unknown) => {
      if (err instanceof StartError) {
        writeSync(2, `${err.message}\n`);
        post({ exitCode: err.exitCode });
      } else {
        post({ internalError: err instanceof Error ? (process.env.TSPYC_DEBUG ? String(err.stack) : err.message) : String(err) });
      }
    },
  );
});
