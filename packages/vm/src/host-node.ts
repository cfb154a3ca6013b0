// The Node host: the one file of the VM that touches `process`.
import { readFileSync, readSync, writeSync } from 'node:fs';
import { targetForVersion, type CodeObject } from '@tspyc/bytecode';
import { DirectoryCache, findSpec, getCode, LoaderError, NodeFileSystem, type CheckHashBasedPycs, type LoaderConfig } from '@tspyc/loader/runtime';
import { HostImportError, HostOSError, type FindModuleOptions, type FoundModule, type Host, type HostCompileWarning } from './host.js';
import { nodeFiles } from './node/files-node.js';

const PY311 = targetForVersion('3.11')!;

export interface NodeHostOptions {
  /** sys.path for imports: the main script's directory first, as CPython sets it */
  sysPath?: readonly string[];
  /** CPython's Lib/ directory when it is on sysPath (its modules then replace the VM's stand-ins) */
  stdlib?: string | null;
  /**
   * Compiles a source whose cache is missing or stale (the CLI injects @tspyc/compiler's; the VM
   * does not depend on the compiler). Without one, such an import is a clear ImportError. Its
   * warnings go to `onWarning`, and the import issues them.
   */
  compile?: HostCompileFn | null;
  /** compile() of source text in any mode, for exec/eval/compile (the CLI injects the compiler's) */
  compileSource?: Host['compileSource'] | null;
  /** -B / PYTHONDONTWRITEBYTECODE, -O, PYTHONPYCACHEPREFIX (default: caches read, never written) */
  config?: LoaderConfig;
  /** --check-hash-based-pycs */
  checkHashBasedPycs?: CheckHashBasedPycs;
}

/** The loader's CompileFn, the compiler's warnings given to `onWarning`. */
export type HostCompileFn = (source: Uint8Array, path: string, onWarning?: (w: HostCompileWarning) => void) => CodeObject;

/** Writes synchronously to fds 1 and 2, so output order and exit codes behave like CPython's. */
export class NodeHost implements Host {
  readonly files = nodeFiles;
  readonly sysPath: readonly string[];
  readonly stdlib: string | null;
  private readonly compile: HostCompileFn | null;
  compileSource?: Host['compileSource'];
  readonly importConfig: LoaderConfig;
  private readonly checkHashBasedPycs: CheckHashBasedPycs;

  constructor(o: NodeHostOptions = {}) {
    this.sysPath = o.sysPath ?? [];
    this.stdlib = o.stdlib ?? null;
    this.compile = o.compile ?? null;
    if (o.compileSource) this.compileSource = o.compileSource;
    this.importConfig = o.config ?? { dontWriteBytecode: true, optimization: 0, pycachePrefix: null };
    this.checkHashBasedPycs = o.checkHashBasedPycs ?? 'default';
  }

  private readonly fs = new NodeFileSystem();
  /** one listing per directory per run, as importlib's FileFinder caches them */
  private readonly directoryCache = new DirectoryCache();

  /**
   * The path-based finder and SourceFileLoader.get_code of @tspyc/loader: a fresh cache is used, a
   * missing or stale one compiled and rewritten atomically (unless -B); an unwritable __pycache__
   * is not an error.
   */
  findModule(fullname: string, path: readonly string[] | null, options?: FindModuleOptions): FoundModule | null {
    const { optimization, pycachePrefix } = this.importConfig;
    const dontWriteBytecode = options?.dontWriteBytecode ?? this.importConfig.dontWriteBytecode;
    try {
      const spec = findSpec(this.fs, fullname, path ?? this.sysPath, { target: PY311, optimization, pycachePrefix, directoryCache: this.directoryCache });
      if (spec === null) return null;
      const compile = this.compile;
      const warnings: HostCompileWarning[] = [];
      const code = getCode(this.fs, spec, {
        target: PY311,
        optimization,
        pycachePrefix,
        dontWriteBytecode,
        checkHashBasedPycs: this.checkHashBasedPycs,
        compile: compile
          ? (source, sourcePath) => compile(source, sourcePath, (w) => warnings.push(w))
          : (_source, sourcePath) => {
            throw new HostImportError('ImportError', `tspyc cannot compile ${sourcePath}: run it with a fresh cache in __pycache__ (its cache is missing or stale)`);
          },
      });
      if (spec.loaderKind === 'extension') throw new HostImportError('ImportError', `tspyc cannot load the extension module ${spec.origin}`);
      return {
        code,
        loaderKind: spec.loaderKind,
        origin: spec.origin,
        hasLocation: spec.hasLocation,
        file: spec.hasLocation ? spec.origin : null,
        cached: spec.cached,
        path: spec.submoduleSearchLocations,
        package: spec.parent,
        warnings: warnings.length ? warnings : undefined,
      };
    } catch (err) {
      if (err instanceof HostImportError) throw err;
      if (err instanceof LoaderError) throw new HostImportError('ImportError', err.message);
      throw err;
    }
  }

  writeStdout(text: string): void {
    writeAll(1, text);
  }
  writeStderr(text: string): void {
    writeAll(2, text);
  }
  private pending = Buffer.alloc(0);
  private eof = false;

  readLine(): string {
    for (;;) {
      const nl = this.pending.indexOf(10);
      if (nl >= 0 || this.eof) {
        const end = nl >= 0 ? nl + 1 : this.pending.length;
        const line = this.pending.subarray(0, end).toString('utf8');
        this.pending = this.pending.subarray(end);
        return line;
      }
      const chunk = Buffer.alloc(65536);
      let n = 0;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        n = 0;
      }
      if (n === 0) this.eof = true;
      else this.pending = Buffer.concat([this.pending, chunk.subarray(0, n)]);
    }
  }

  readSource(path: string): string | null {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  }
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      // The reader went away (`tspyc run x.py | head`): BrokenPipeError in Python, as in CPython.
      if (code === 'EPIPE') throw new HostOSError(32, 'Broken pipe');
      throw err;
    }
  }
}
