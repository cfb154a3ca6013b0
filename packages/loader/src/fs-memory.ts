// The FileSystem port in memory: for tests, and for hosts without a file system (browsers).
import { LoaderError, type FileStat, type FileSystem } from './fs.js';

interface Entry {
  data: Uint8Array;
  mtimeNs: bigint;
}

export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, Entry>();

  /** Add or replace a file; `mtimeNs` defaults to now. */
  writeFile(path: string, data: Uint8Array | string, mtimeNs: bigint = BigInt(Date.now()) * 1_000_000n): void {
    this.files.set(path, { data: typeof data === 'string' ? new TextEncoder().encode(data) : data, mtimeNs });
  }

  stat(path: string): FileStat | null {
    const f = this.files.get(path);
    if (f) return { size: f.data.length, mtimeMs: Number(f.mtimeNs / 1_000_000n), mtimeNs: f.mtimeNs, isFile: true, isDirectory: false };
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const p of this.files.keys()) {
      if (p.startsWith(prefix)) return { size: 0, mtimeMs: 0, mtimeNs: 0n, isFile: false, isDirectory: true };
    }
    return null;
  }

  readFile(path: string): Uint8Array {
    const f = this.files.get(path);
    if (!f) throw new LoaderError('unreadable', `cannot read ${path}: no such file`, path);
    return f.data;
  }

  listDir(path: string): string[] | null {
    const prefix = path.endsWith('/') ? path : path + '/';
    const names = new Set<string>();
    for (const p of this.files.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
    return names.size ? [...names].sort() : null;
  }
}
