// An OSError as py_compile and compileall let Python print it: `PermissionError: [Errno 13]
// Permission denied: 'path'`. The subclass follows the errno (PEP 3151), the text is glibc's
// strerror, the paths are repr()s. CPython counterpart: Objects/exceptions.c OSError_str.
import { constants } from 'node:os';
import { PyStr, strRepr } from '@tspyc/bytecode';

/** glibc's strerror for the errnos a compile can meet; others fall back to the errno's name. */
const STRERROR: Record<string, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EIO: 'Input/output error',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  EXDEV: 'Invalid cross-device link',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  EMFILE: 'Too many open files',
  ETXTBSY: 'Text file busy',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  EDQUOT: 'Disk quota exceeded',
};

/** The OSError subclass CPython raises for an errno. */
const SUBCLASS: Record<string, string> = {
  EPERM: 'PermissionError',
  EACCES: 'PermissionError',
  ENOENT: 'FileNotFoundError',
  EEXIST: 'FileExistsError',
  ENOTDIR: 'NotADirectoryError',
  EISDIR: 'IsADirectoryError',
};

export class PyOSError extends Error {
  constructor(
    /** the Python class name: PermissionError, NotADirectoryError, …, or OSError */
    readonly pythonType: string,
    /** str(exc), e.g. "[Errno 13] Permission denied: 'x'" */
    readonly text: string,
  ) {
    super(text);
    this.name = pythonType;
  }

  /** OSError(errno, strerror, filename[, filename2]) for a POSIX errno name such as 'EACCES'. */
  static fromErrno(errno: string, filename: string, filename2?: string): PyOSError {
    const number = (constants.errno as Record<string, number | undefined>)[errno];
    const strerror = STRERROR[errno] ?? errno;
    const paths = strRepr(new PyStr(filename)) + (filename2 === undefined ? '' : ` -> ${strRepr(new PyStr(filename2))}`);
    const text = number === undefined ? `${strerror}: ${paths}` : `[Errno ${number}] ${strerror}: ${paths}`;
    return new PyOSError(SUBCLASS[errno] ?? 'OSError', text);
  }

  /** An OSError raised with a message only, as py_compile's FileExistsError for a symlinked cfile. */
  static withMessage(pythonType: string, message: string): PyOSError {
    return new PyOSError(pythonType, message);
  }
}
