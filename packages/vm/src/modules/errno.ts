// The errno module: Linux's error numbers and errorcode. CPython counterpart: Modules/errnomodule.c.
import { intFromNumber } from '../objects/int.js';
import { PyDict } from '../objects/dict.js';
import { newStr } from '../objects/str.js';
import { PyModule } from '../objects/module.js';

/** Linux's numbering (asm-generic/errno-base.h and errno.h), the names CPython exports. */
export const ERRNO: readonly (readonly [string, number])[] = [
  ['EPERM', 1], ['ENOENT', 2], ['ESRCH', 3], ['EINTR', 4], ['EIO', 5], ['ENXIO', 6], ['E2BIG', 7], ['ENOEXEC', 8],
  ['EBADF', 9], ['ECHILD', 10], ['EAGAIN', 11], ['EWOULDBLOCK', 11], ['ENOMEM', 12], ['EACCES', 13], ['EFAULT', 14],
  ['ENOTBLK', 15], ['EBUSY', 16], ['EEXIST', 17], ['EXDEV', 18], ['ENODEV', 19], ['ENOTDIR', 20], ['EISDIR', 21],
  ['EINVAL', 22], ['ENFILE', 23], ['EMFILE', 24], ['ENOTTY', 25], ['ETXTBSY', 26], ['EFBIG', 27], ['ENOSPC', 28],
  ['ESPIPE', 29], ['EROFS', 30], ['EMLINK', 31], ['EPIPE', 32], ['EDOM', 33], ['ERANGE', 34], ['EDEADLK', 35],
  ['ENAMETOOLONG', 36], ['ENOLCK', 37], ['ENOSYS', 38], ['ENOTEMPTY', 39], ['ELOOP', 40], ['ENOTSUP', 95],
  ['EOPNOTSUPP', 95], ['EADDRINUSE', 98], ['EADDRNOTAVAIL', 99], ['ENETDOWN', 100], ['ENETUNREACH', 101],
  ['ECONNABORTED', 103], ['ECONNRESET', 104], ['ENOBUFS', 105], ['EISCONN', 106], ['ENOTCONN', 107],
  ['ETIMEDOUT', 110], ['ECONNREFUSED', 111], ['EHOSTUNREACH', 113], ['EALREADY', 114], ['EINPROGRESS', 115],
];

export function makeErrno(): PyModule {
  const m = new PyModule('errno');
  const codes = new PyDict();
  for (const [name, n] of ERRNO) {
    m.dict.setStr(name, intFromNumber(n));
    // errorcode keeps the first name of a number (EAGAIN, not EWOULDBLOCK), as CPython's
    if (codes.get(intFromNumber(n)) === undefined) codes.set(intFromNumber(n), newStr(name));
  }
  m.dict.setStr('errorcode', codes);
  return m;
}
