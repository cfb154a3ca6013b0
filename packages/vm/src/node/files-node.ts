// The program's files on Node: HostFiles over node:fs's synchronous calls, each Node error turned
// into a HostOSError with Linux's errno and glibc's strerror text (what CPython's OSError shows).
import {
  chmodSync,
  closeSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import { isatty } from 'node:tty';
import { HostOSError, type HostFiles, type HostStat } from '../host.js';

/** Linux errno values and glibc's texts for the errors file calls give. */
const ERRORS: Readonly<Record<string, [number, string]>> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  EBADF: [9, 'Bad file descriptor'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EPIPE: [32, 'Broken pipe'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** Run a node:fs call, answering its failure as the POSIX error. */
function posix<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const known = e.code !== undefined ? ERRORS[e.code] : undefined;
    if (known !== undefined) throw new HostOSError(known[0], known[1]);
    if (typeof e.errno === 'number') throw new HostOSError(-e.errno, e.code ?? 'Unknown error');
    // node:fs checks a descriptor's range itself (a negative one): the system call would say EBADF
    if (e.code === 'ERR_OUT_OF_RANGE') throw new HostOSError(9, 'Bad file descriptor');
    throw err;
  }
}

function hostStat(s: BigIntStats): HostStat {
  return {
    mode: Number(s.mode),
    ino: s.ino,
    dev: s.dev,
    nlink: Number(s.nlink),
    uid: Number(s.uid),
    gid: Number(s.gid),
    size: Number(s.size),
    atimeNs: s.atimeNs,
    mtimeNs: s.mtimeNs,
    ctimeNs: s.ctimeNs,
    blksize: Number(s.blksize),
    blocks: Number(s.blocks),
    rdev: Number(s.rdev),
  };
}

/** Where each descriptor is: node:fs reads and writes at an explicit position. */
const positions = new Map<number, number>();
/** descriptors opened with O_APPEND: every write goes to the end */
const appending = new Set<number>();
const O_APPEND = 1024;

export const nodeFiles: HostFiles = {
  open(path, flags, mode) {
    const fd = posix(() => openSync(path, flags, mode));
    positions.set(fd, 0);
    if (flags & O_APPEND) appending.add(fd);
    return fd;
  },
  read(fd, n) {
    return posix(() => {
      const pos = positions.get(fd) ?? null;
      const size = n >= 0 ? n : Math.max(0, Number(fstatSync(fd, { bigint: true }).size) - (pos ?? 0));
      const chunks: Uint8Array[] = [];
      let total = 0;
      // n < 0 reads to the end, which may lie beyond what fstat said (a growing file, a pipe)
      for (;;) {
        const want = n >= 0 ? n - total : Math.max(size - total, 65536);
        if (want <= 0) break;
        const buf = new Uint8Array(want);
        const got = readSync(fd, buf, 0, want, pos === null ? null : pos + total);
        if (got === 0) break;
        chunks.push(buf.subarray(0, got));
        total += got;
        if (n >= 0) break;
      }
      if (pos !== null) positions.set(fd, pos + total);
      if (chunks.length === 1) return chunks[0]!;
      const out = new Uint8Array(total);
      let off = 0;
      for (const c of chunks) {
        out.set(c, off);
        off += c.length;
      }
      return out;
    });
  },
  write(fd, data) {
    return posix(() => {
      if (appending.has(fd)) positions.set(fd, Number(fstatSync(fd, { bigint: true }).size));
      const pos = positions.get(fd) ?? null;
      const n = writeSync(fd, data, 0, data.length, pos);
      if (pos !== null) positions.set(fd, pos + n);
      return n;
    });
  },
  seek(fd, offset, whence) {
    return posix(() => {
      const st = fstatSync(fd, { bigint: true });
      if (!st.isFile() && !st.isBlockDevice()) throw Object.assign(new Error('ESPIPE'), { code: 'ESPIPE' });
      const base = whence === 0 ? 0 : whence === 1 ? (positions.get(fd) ?? 0) : Number(st.size);
      const next = base + offset;
      if (next < 0) throw Object.assign(new Error('EINVAL'), { code: 'EINVAL' });
      positions.set(fd, next);
      return next;
    });
  },
  close(fd) {
    // only what open() gave: another descriptor of the process is not the program's to close
    // (0-2 stay with the host's streams)
    if (!positions.has(fd)) {
      if (fd > 2) throw new HostOSError(9, 'Bad file descriptor');
      return;
    }
    posix(() => closeSync(fd));
    positions.delete(fd);
    appending.delete(fd);
  },
  truncate(fd, size) {
    posix(() => ftruncateSync(fd, size));
  },
  fstat: (fd) => hostStat(posix(() => fstatSync(fd, { bigint: true }))),
  stat: (path, follow) => hostStat(posix(() => (follow ? statSync(path, { bigint: true }) : lstatSync(path, { bigint: true })))),
  isatty: (fd) => isatty(fd),
  listdir: (path) => posix(() => readdirSync(path)),
  mkdir: (path, mode) => posix(() => void mkdirSync(path, { mode })),
  rmdir: (path) => posix(() => rmdirSync(path)),
  unlink: (path) => posix(() => unlinkSync(path)),
  rename: (from, to) => posix(() => renameSync(from, to)),
  getcwd: () => process.cwd(),
  // a worker thread cannot change the process's directory
  chdir: () => {
    throw new HostOSError(38, 'Function not implemented');
  },
  readlink: (path) => posix(() => readlinkSync(path)),
  chmod: (path, mode) => posix(() => chmodSync(path, mode)),
  utime: (path, atimeNs, mtimeNs) => posix(() => utimesSync(path, Number(atimeNs) / 1e9, Number(mtimeNs) / 1e9)),
};
