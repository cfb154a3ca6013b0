// NodeFileSystem.writeFileAtomic (fs-node.ts), asynchronously: the same temp file, mode and
// cleanup, with the system calls on libuv's thread pool. A caller with other work to do
// (`tspyc compile`'s main thread, which feeds the compile threads) is not held up by a slow rename
// (ext4 starts writeback when a rename replaces a file: a millisecond or more), and several writes
// overlap. Never throws, as the port's writes.
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { tempPathFor } from './fs-node.js';
import type { WriteOptions, WriteResult } from './fs.js';

export async function writeFileAtomicAsync(path: string, data: Uint8Array, options: WriteOptions = {}): Promise<WriteResult> {
  const tmp = tempPathFor(path, process.pid, Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0'));
  let fh: FileHandle | null = null;
  let created = false;
  try {
    // O_EXCL|O_CREAT|O_WRONLY, as _write_atomic; the umask applies to the mode.
    fh = await open(tmp, 'wx', (options.mode ?? 0o666) & 0o666);
    created = true;
    await fh.writeFile(data);
    if (options.fsync) await fh.sync();
    const closing = fh;
    fh = null;
    await closing.close();
    await rename(tmp, path);
    return { written: true, path };
  } catch (err) {
    await fh?.close().catch(() => {});
    if (created) await unlink(tmp).catch(() => {});
    return { written: false, path, reason: 'write-failed', errno: (err as NodeJS.ErrnoException).code ?? 'EIO', detail: (err as Error).message };
  }
}
