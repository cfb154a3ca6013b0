// A whole pyc: header + marshalled code object. Reading is total: any bytes give a Pyc or a PycError.
// CPython counterpart: SourcelessFileLoader.get_code / _compile_bytecode and py_compile's writer.
import { CodeObject } from '../code-object.js';
import { dumps, loadsAt, marshalOptionsFor, MarshalError } from '../marshal/index.js';
import type { Target } from '../target.js';
import { Kind } from '../values.js';
import { encodeHeader, PycError, readHeader, targetOfPyc, type PycHeader } from './header.js';

export interface Pyc {
  target: Target;
  header: PycHeader;
  code: CodeObject;
}

/**
 * Parse a pyc of any known version. Throws PycError only. With `aliasInput`, bytes objects view
 * `data` itself (see ReadOptions.aliasInput): for callers that own it, such as a file just read.
 */
export function readPyc(data: Uint8Array, options: { aliasInput?: boolean } = {}): Pyc {
  const target = targetOfPyc(data);
  const header = readHeader(data, target);
  let value;
  try {
    value = loadsAt(data, target.headerSize, { ...marshalOptionsFor(target), aliasInput: options.aliasInput }).value;
  } catch (err) {
    if (err instanceof MarshalError) throw new PycError('marshal', err.message, err.offset);
    throw err;
  }
  // Trailing bytes after the code object are ignored, as CPython does.
  if (value.kind !== Kind.Code) throw new PycError('not-code', 'Non-code object in pyc', target.headerSize);
  return { target, header, code: value };
}

/**
 * The bytes of a pyc. The code object is written with FLAG_REF, as CPython's writers do (they hold a
 * second reference to it while marshalling).
 */
export function writePyc(pyc: Pyc): Uint8Array {
  const head = encodeHeader(pyc.target, pyc.header);
  pyc.code.ref = true;
  // the header goes first into the marshal buffer: the body needs no copying after it
  return dumps(pyc.code, marshalOptionsFor(pyc.target), head);
}
