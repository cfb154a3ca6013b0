// Reading a .pyc named on the command line: every failure becomes one CliError line.
import { readFileSync } from 'node:fs';
import { PycError, readPyc, type Pyc } from '@tspyc/bytecode';
import { CliError } from './errors.js';

/** The file's bytes, or a CliError naming the file and what went wrong. */
export function readInputFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'No such file or directory'
      : code === 'EISDIR' ? 'Is a directory'
      : code === 'EACCES' ? 'Permission denied'
      : (err as Error).message;
    throw new CliError(`can't open file '${path}': ${why}`);
  }
}

/** The parsed pyc, or a CliError such as "x.pyc: bad magic number: 00 00 0d 0a". */
export function readPycFile(path: string): Pyc {
  const data = readInputFile(path);
  try {
    return readPyc(data, { aliasInput: true }); // the buffer was just read and is ours
  } catch (err) {
    if (err instanceof PycError) {
      const where = err.offset > 0 ? ` (at byte ${err.offset})` : '';
      throw new CliError(`${path}: ${err.message}${where}`);
    }
    throw err;
  }
}
