// A minimal posix module, enough for Lib/os.py and posixpath: the file functions over the host's
// files (posix-files.ts; OSError ENOSYS in a host without them), an empty environment, urandom
// from the platform's crypto.
// CPython counterpart: Modules/posixmodule.c.
import { raise, PyError, newException } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { intFromNumber, PyInt, pyBool } from '../objects/int.js';
import { PyBytes } from '../objects/bytes.js';
import { PyDict } from '../objects/dict.js';
import { PyList } from '../objects/list.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { osErrorType, systemExitType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { structSeqType } from './structseq.js';
import { fspath, osError } from './host-files.js';
import { installFileFunctions } from './posix-files.js';

const ENOSYS = 38;

/** OSError(errno, strerror, filename): what the absent file system answers */

const OPEN_FLAGS: Readonly<Record<string, number>> = {
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_ACCMODE: 3, O_CREAT: 64, O_EXCL: 128, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024,
  O_NONBLOCK: 2048, O_NDELAY: 2048, O_DSYNC: 4096, O_ASYNC: 8192, O_DIRECT: 16384, O_LARGEFILE: 0, O_DIRECTORY: 65536,
  O_NOFOLLOW: 131072, O_NOATIME: 262144, O_CLOEXEC: 524288, O_SYNC: 1052672, O_RSYNC: 1052672, O_FSYNC: 1052672,
  O_PATH: 2097152, O_TMPFILE: 4259840,
};

export function makePosix(): PyModule {
  const m = new PyModule('posix');
  const d = m.dict;
  const def = (name: string, f: Parameters<typeof builtinFunction>[1]) => d.setStr(name, builtinFunction(name, f));
  d.setStr('environ', new PyDict());
  d.setStr('terminal_size', structSeqType('os', 'terminal_size', 'columns lines'));
  def('get_terminal_size', () => {
    throw osError(ENOSYS, 'Function not implemented (tspyc has no file system: get_terminal_size)');
  });
  d.setStr('_have_functions', new PyList([]));
  d.setStr('error', osErrorType);
  for (const [name, v] of [['F_OK', 0], ['R_OK', 4], ['W_OK', 2], ['X_OK', 1]] as const) d.setStr(name, intFromNumber(v));
  // open() flags, Linux's values (tempfile and others build their flags from them at import)
  for (const [name, v] of Object.entries(OPEN_FLAGS)) d.setStr(name, intFromNumber(v));
  def('fspath', (a) => fspath(a[0]!));
  def('getpid', () => intFromNumber(1));
  def('urandom', (a) => {
    const n = a[0] instanceof PyInt ? Number(a[0].value) : -1;
    if (n < 0) raise(valueErrorType, 'negative argument not allowed');
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
    return new PyBytes(out);
  });
  def('_exit', (a) => {
    const e = newException(systemExitType, null);
    (e as unknown as { args: PyObject[] }).args = [a[0] ?? None];
    throw new PyError(e);
  });
  // wait statuses (pure arithmetic on Linux's encoding); there are no child processes to wait for
  const status = (a: PyObject[]) => Number(BigInt.asIntN(32, (a[0] as PyInt).value));
  def('WIFEXITED', (a) => pyBool((status(a) & 0x7f) === 0));
  def('WEXITSTATUS', (a) => intFromNumber((status(a) >> 8) & 0xff));
  def('WIFSIGNALED', (a) => pyBool(((status(a) & 0x7f) + 1) >> 1 > 0));
  def('WTERMSIG', (a) => intFromNumber(status(a) & 0x7f));
  def('WIFSTOPPED', (a) => pyBool((status(a) & 0xff) === 0x7f));
  def('WSTOPSIG', (a) => intFromNumber((status(a) >> 8) & 0xff));
  def('waitstatus_to_exitcode', (a) => {
    const st = status(a);
    if ((st & 0x7f) === 0) return intFromNumber((st >> 8) & 0xff);
    if (((st & 0x7f) + 1) >> 1 > 0) return intFromNumber(-(st & 0x7f));
    raise(valueErrorType, `invalid wait status: ${st}`);
  });
  d.setStr('WNOHANG', intFromNumber(1));
  def('pipe', () => {
    throw osError(38, 'Function not implemented (tspyc has no pipes)');
  });
  def('waitpid', () => {
    throw osError(10, 'No child processes');
  });
  // the file functions, over the host's files (posix-files.ts)
  installFileFunctions(d);
  return m;
}
