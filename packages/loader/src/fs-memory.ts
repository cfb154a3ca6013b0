// The FileSystem port in memory: for tests, and for hosts without a file system (browsers).
// Directories exist explicitly (mkdir) or implicitly (any file below them). Failures can be
// injected per operation and path, so tests can model a read-only tree even when running as root,
// where chmod does not stop writes.
import { LoaderError, TEMP_SUFFIX, type FileStat, type FileSystem, type MkdirResult, type WriteOptions, type WriteResult } from './fs.js';

interface Entry {
  data: Uint8Array;
  mtimeNs: bigint;
  mode: number;
}

/** The steps of a write a failure can be injected into. */
export type MemoryOp = 'mkdir' | 'create' | 'write' | 'rename';

/** Returns an errno name (e.g. 'EROFS') to make `op` on `path` fail, or null to let it happen. */
export type FailureInjector = (op: MemoryOp, path: string) => string | null;

const parentOf = (path: string): string => {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : i === 0 ? '/' : path.slice(0, i);
};

export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, Entry>();
  private readonly dirs = new Map<string, number>();
  private failure: FailureInjector | null = null;
  private tempCounter = 0;
  /** bumped by every change; directories report it as their mtime, so listings cached by mtime refresh */
  private generation = 1n;
  /** the file mode creation mask, as the process umask */
  umask = 0o022;
  /** every temp path a write created, in order (tests check none is left behind) */
  readonly tempFiles: string[] = [];
  /** the clock writes use for mtimes; tests may replace it */
  now: () => bigint = () => BigInt(Date.now()) * 1_000_000n;

  /** Add or replace a file; `mtimeNs` defaults to now. */
  writeFile(path: string, data: Uint8Array | string, mtimeNs: bigint = this.now(), mode = 0o644): void {
    this.files.set(path, { data: typeof data === 'string' ? new TextEncoder().encode(data) : data, mtimeNs, mode });
    this.generation++;
  }

  removeFile(path: string): boolean {
    this.generation++;
    return this.files.delete(path);
  }

  /** Make writes fail: `injector(op, path)` returns an errno name to fail with, or null. */
  injectFailures(injector: FailureInjector | null): void {
    this.failure = injector;
  }

  /** Paths of every file, sorted. */
  listFiles(): string[] {
    return [...this.files.keys()].sort();
  }

  stat(path: string): FileStat | null {
    const f = this.files.get(path);
    if (f) return { size: f.data.length, mtimeMs: Number(f.mtimeNs / 1_000_000n), mtimeNs: f.mtimeNs, isFile: true, isDirectory: false, mode: f.mode };
    const mode = path === '/' ? 0o755 : this.dirs.get(path);
    if (mode !== undefined) return { size: 0, mtimeMs: 0, mtimeNs: this.generation, isFile: false, isDirectory: true, mode };
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const p of [...this.files.keys(), ...this.dirs.keys()]) {
      if (p.startsWith(prefix)) return { size: 0, mtimeMs: 0, mtimeNs: this.generation, isFile: false, isDirectory: true, mode: 0o755 };
    }
    return null;
  }

  readFile(path: string): Uint8Array {
    const f = this.files.get(path);
    if (!f) throw new LoaderError('unreadable', `cannot read ${path}: no such file`, path, 'OSError');
    return f.data.slice();
  }

  listDir(path: string): string[] | null {
    if (!this.stat(path)?.isDirectory) return null;
    const prefix = path.endsWith('/') ? path : path + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs.keys()]) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
    return [...names].sort();
  }

  mkdir(path: string, mode = 0o777): MkdirResult {
    if (this.stat(path)) return { created: false, exists: true };
    const parent = parentOf(path);
    const parentStat = parent ? this.stat(parent) : null;
    if (parent && !parentStat) return { created: false, exists: false, errno: 'ENOENT', detail: `No such file or directory: '${path}'` };
    if (parentStat && !parentStat.isDirectory) return { created: false, exists: false, errno: 'ENOTDIR', detail: `Not a directory: '${path}'` };
    const injected = this.failure?.('mkdir', path) ?? null;
    if (injected) return { created: false, exists: false, errno: injected, detail: `${injected}: '${path}'` };
    this.dirs.set(path, mode & ~this.umask & 0o7777);
    this.generation++;
    return { created: true };
  }

  writeFileAtomic(path: string, data: Uint8Array, options: WriteOptions = {}): WriteResult {
    const fail = (errno: string): WriteResult => ({ written: false, path, reason: 'write-failed', errno, detail: `${errno}: '${path}'` });
    const parent = parentOf(path);
    const parentStat = parent ? this.stat(parent) : null;
    if (parent && !parentStat) return fail('ENOENT');
    if (parentStat && !parentStat.isDirectory) return fail('ENOTDIR');
    const tmp = `${path}.${globalThis.process?.pid ?? 0}.${(++this.tempCounter).toString(16)}${Math.random().toString(16).slice(2, 8)}${TEMP_SUFFIX}`;
    const created = this.failure?.('create', tmp) ?? null;
    if (created) return fail(created);
    this.tempFiles.push(tmp);
    const mode = (options.mode ?? 0o666) & 0o666 & ~this.umask;
    this.files.set(tmp, { data: new Uint8Array(0), mtimeNs: this.now(), mode });
    const failed = this.failure?.('write', tmp) ?? this.failure?.('rename', path) ?? null;
    if (failed) {
      this.files.delete(tmp);
      return fail(failed);
    }
    this.files.delete(tmp);
    this.files.set(path, { data: data.slice(), mtimeNs: this.now(), mode });
    this.generation++;
    return { written: true, path };
  }
}
