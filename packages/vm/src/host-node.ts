// The Node host: the one file of the VM that touches `process`.
import { readFileSync, readSync, writeSync } from 'node:fs';
import { targetForVersion } from '@tspyc/bytecode';
import { findSpec, getCode, LoaderError, NodeFileSystem } from '@tspyc/loader';
import { HostImportError, type FoundModule, type Host } from './host.js';

const PY311 = targetForVersion('3.11')!;

/** Writes synchronously to fds 1 and 2, so output order and exit codes behave like CPython's. */
export class NodeHost implements Host {
  /** sys.path for imports: the main script's directory first, as CPython sets it */
  constructor(readonly sysPath: readonly string[] = []) {}

  private readonly fs = new NodeFileSystem();

  /** the path-based finder and the cache rules of @tspyc/loader; fresh caches and sourceless pycs only */
  findModule(fullname: string, path: readonly string[] | null): FoundModule | null {
    try {
      const spec = findSpec(this.fs, fullname, path ?? this.sysPath, { target: PY311 });
      if (spec === null) return null;
      const code = getCode(this.fs, spec, {
        target: PY311,
        dontWriteBytecode: true,
        compile: (_source, sourcePath) => {
          throw new HostImportError('ImportError', `tspyc cannot compile ${sourcePath} yet: run it with a fresh cache in __pycache__ (its cache is missing or stale)`);
        },
      });
      return {
        code,
        file: spec.hasLocation ? spec.origin : null,
        cached: spec.cached,
        path: spec.submoduleSearchLocations,
        package: spec.parent,
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
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw err;
    }
  }
}
