// The Node host: the one file of the VM that touches `process`.
import { readFileSync, readSync, writeSync } from 'node:fs';
import type { Host } from './host.js';

/** Writes synchronously to fds 1 and 2, so output order and exit codes behave like CPython's. */
export class NodeHost implements Host {
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
