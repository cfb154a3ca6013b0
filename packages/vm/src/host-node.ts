// The Node host: the one file of the VM that touches `process`.
import { readFileSync, writeSync } from 'node:fs';
import type { Host } from './host.js';

/** Writes synchronously to fds 1 and 2, so output order and exit codes behave like CPython's. */
export class NodeHost implements Host {
  writeStdout(text: string): void {
    writeAll(1, text);
  }
  writeStderr(text: string): void {
    writeAll(2, text);
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
