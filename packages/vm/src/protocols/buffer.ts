// The buffer protocol as far as the VM has it: the bytes of a bytes, bytearray or memoryview
// argument (PyObject_GetBuffer with PyBUF_SIMPLE), or CPython's TypeError for anything else.
import { raise } from '../errors.js';
import type { PyObject } from '../objects/object.js';
import { bytesLike } from '../objects/bytes.js';
import { PyMemoryView } from '../objects/memoryview.js';
import { typeErrorType } from '../objects/exception-types.js';

/** The bytes behind a bytes-like object, or null. */
export function bufferOf(o: PyObject): Uint8Array | null {
  return o instanceof PyMemoryView ? o.bytes : bytesLike(o);
}

/** The bytes behind a bytes-like argument; "a bytes-like object is required, not 'str'" otherwise. */
export function bufferArg(o: PyObject | undefined): Uint8Array {
  const b = o === undefined ? null : bufferOf(o);
  if (b === null) raise(typeErrorType, `a bytes-like object is required, not '${o?.type.name ?? 'NoneType'}'`);
  return b;
}
