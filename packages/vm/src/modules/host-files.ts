// What open() and the os functions share: the host's files (or the OSError a host without them
// gives), path arguments (os.fspath), and HostOSErrors turned into OSError(errno, strerror,
// filename[, None, filename2]) — FileNotFoundError and its siblings by errno, as CPython's.
import { PyError, raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { PyBytes } from '../objects/bytes.js';
import { newStr, PyStr } from '../objects/str.js';
import { osErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { callObject, callSpecial } from '../protocols/call.js';
import { ts } from '../eval/state.js';
import { HostOSError, type HostFiles } from '../host.js';

const ENOSYS = 38;

/** OSError(errno, strerror[, filename[, None, filename2]]) */
export function osError(errno: number, strerror: string, filename?: PyObject, filename2?: PyObject): PyError {
  const args: PyObject[] = [intFromNumber(errno), newStr(strerror)];
  if (filename !== undefined) args.push(filename);
  if (filename2 !== undefined) args.push(None, filename2);
  return new PyError(callObject(osErrorType, args, null));
}

/** The host's files; a host without them answers every call with ENOSYS. */
export function hostFiles(what: string, filename?: PyObject): HostFiles {
  const files = ts.host.files;
  if (files === undefined) throw osError(ENOSYS, `Function not implemented (tspyc's host has no file system: ${what})`, filename);
  return files;
}

/** Run a host file call; its HostOSError becomes the Python OSError naming the file(s). */
export function osCall<T>(f: () => T, filename?: PyObject, filename2?: PyObject): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof HostOSError) throw osError(err.errno, err.strerror, filename, filename2);
    throw err;
  }
}

/** os.fspath: str and bytes as they are, else __fspath__(). */
export function fspath(o: PyObject): PyObject {
  if (o instanceof PyStr || o instanceof PyBytes) return o;
  const m = o.type.lookup('__fspath__');
  if (m === undefined) raise(typeErrorType, `expected str, bytes or os.PathLike object, not ${o.type.name}`);
  const r = callSpecial(m, o, []);
  if (!(r instanceof PyStr || r instanceof PyBytes)) raise(typeErrorType, `expected ${o.type.name}.__fspath__() to return str or bytes, not ${r.type.name}`);
  return r;
}

/**
 * A path argument as the host takes it (bytes paths as UTF-8, the file system encoding), with
 * path_converter's errors; `accepts` names what else the function takes ("integer", "None").
 */
export function pathText(o: PyObject, fname: string, argName = 'path', accepts: string[] = []): string {
  if (!(o instanceof PyStr || o instanceof PyBytes) && o.type.lookup('__fspath__') === undefined) {
    const kinds = ['string', 'bytes', 'os.PathLike', ...accepts];
    const list = kinds.length === 3 ? 'string, bytes or os.PathLike' : `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`;
    raise(typeErrorType, `${fname}: ${argName} should be ${list}, not ${o.type.name}`);
  }
  const p = fspath(o);
  const text = p instanceof PyStr ? p.value : new TextDecoder().decode((p as PyBytes).value);
  if (text.includes('\0')) raise(valueErrorType, 'embedded null byte');
  return text;
}
