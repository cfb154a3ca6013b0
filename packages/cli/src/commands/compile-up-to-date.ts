// Whether compileall may skip a source (no -f): every requested pyc already holds this source, in
// the requested invalidation mode. compileall only compares the timestamp header's magic, flags and
// mtime, so it recompiles hash-based pycs every time (cpython #121577) and keeps a timestamp pyc
// when another mode was asked for (cpython #117204). Here the loader's own validation decides
// (mtime and size, or the source hash, plus tspyc's same-second window), and the mode must match.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Target } from '@tspyc/bytecode';
import { validatePyc, type InvalidationMode } from '@tspyc/loader';

/** The first 16 bytes of a file, or null when it cannot be read. */
function readHeaderBytes(path: string): Uint8Array | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buf = new Uint8Array(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function upToDate(source: string, cfiles: string[], mode: InvalidationMode, target: Target): boolean {
  let st;
  try {
    st = statSync(source, { bigint: true });
  } catch {
    return false;
  }
  let bytes: Uint8Array | null = null;
  const facts = { mtimeNs: st.mtimeNs, size: Number(st.size), bytes: () => (bytes ??= readFileSync(source)) };
  for (const cfile of cfiles) {
    const header = readHeaderBytes(cfile);
    if (header === null) return false;
    let cacheMtimeNs: bigint;
    try {
      cacheMtimeNs = statSync(cfile, { bigint: true }).mtimeNs;
    } catch {
      return false;
    }
    try {
      const verdict = validatePyc(header, facts, target, { checkHashBasedPycs: 'always', cacheMtimeNs });
      if (!verdict.fresh || verdict.kind !== mode) return false;
    } catch {
      return false; // the source cannot be read for its hash: compile, and report that
    }
  }
  return true;
}
