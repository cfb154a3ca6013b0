// Public API of bytecode/pyc: pyc headers (PEP 552) and whole pyc files.
export { encodeHeader, hashHeader, PycError, readHeader, targetOfPyc, timestampHeader } from './header.js';
export type { PycErrorCode, PycHeader } from './header.js';
export { readPyc, writePyc, type Pyc } from './pyc-file.js';
