// The FileSystem port over node:fs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { LoaderError, type FileStat, type FileSystem } from './fs.js';

export class NodeFileSystem implements FileSystem {
  stat(path: string): FileStat | null {
    try {
      const st = statSync(path, { bigint: true });
      return {
        size: Number(st.size),
        mtimeMs: Number(st.mtimeMs),
        mtimeNs: st.mtimeNs,
        isFile: st.isFile(),
        isDirectory: st.isDirectory(),
      };
    } catch {
      return null;
    }
  }

  readFile(path: string): Uint8Array {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new LoaderError('unreadable', `cannot read ${path}: ${(err as Error).message}`, path);
    }
  }

  listDir(path: string): string[] | null {
    try {
      return readdirSync(path);
    } catch {
      return null;
    }
  }
}
