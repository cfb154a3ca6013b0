// The FileSystem port over node:fs.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { LoaderError, TEMP_SUFFIX, type FileStat, type FileSystem, type MkdirResult, type WriteOptions, type WriteResult } from './fs.js';

const errnoOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? 'EIO';
const detailOf = (err: unknown): string => (err as Error).message;

/** `<path>.<pid>.<random>.tmp`: unique across processes (importlib's `<path>.<id(path)>` is only unique within one). */
export function tempPathFor(path: string, pid: number, random: string): string {
  return `${path}.${pid}.${random}${TEMP_SUFFIX}`;
}

export class NodeFileSystem implements FileSystem {
  stat(path: string): FileStat | null {
    try {
      // a missing path answers undefined instead of throwing: no Error (and its stack) per miss
      const st = statSync(path, { bigint: true, throwIfNoEntry: false });
      if (st === undefined) return null;
      return {
        size: Number(st.size),
        mtimeMs: Number(st.mtimeMs),
        mtimeNs: st.mtimeNs,
        isFile: st.isFile(),
        isDirectory: st.isDirectory(),
        mode: Number(st.mode & 0o7777n),
      };
    } catch {
      return null;
    }
  }

  readFile(path: string): Uint8Array {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new LoaderError('unreadable', `cannot read ${path}: ${(err as Error).message}`, path, 'OSError');
    }
  }

  listDir(path: string): string[] | null {
    try {
      return readdirSync(path);
    } catch {
      return null;
    }
  }

  mkdir(path: string, mode = 0o777): MkdirResult {
    try {
      mkdirSync(path, { mode });
      return { created: true };
    } catch (err) {
      const errno = errnoOf(err);
      if (errno === 'EEXIST') return { created: false, exists: true };
      return { created: false, exists: false, errno, detail: detailOf(err) };
    }
  }

  writeFileAtomic(path: string, data: Uint8Array, options: WriteOptions = {}): WriteResult {
    // Math.random, not node:crypto, whose loading is a tenth of the VM worker's start-up: the name
    // only has to differ between threads of one process, and 'wx' below refuses a collision anyway.
    const tmp = tempPathFor(path, process.pid, Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0'));
    let fd: number | null = null;
    let created = false;
    try {
      // O_EXCL|O_CREAT|O_WRONLY, as _write_atomic; the umask applies to the mode.
      fd = openSync(tmp, 'wx', (options.mode ?? 0o666) & 0o666);
      created = true;
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      if (options.fsync) fsyncSync(fd);
      closeSync(fd);
      fd = null;
      renameSync(tmp, path);
      return { written: true, path };
    } catch (err) {
      if (fd !== null) {
        try {
          closeSync(fd);
        } catch {
          /* already failing */
        }
      }
      if (created) {
        try {
          unlinkSync(tmp);
        } catch {
          /* nothing more to do */
        }
      }
      return { written: false, path, reason: 'write-failed', errno: errnoOf(err), detail: detailOf(err) };
    }
  }
}
