// _operator._compare_digest (hmac.compare_digest, secrets.compare_digest): equality of two ASCII
// strs or two buffers. CPython's loop is constant-time against timing attacks; in a VM whose
// timings are its own that property cannot be promised, so this is plain equality with C's errors.
// CPython counterpart: Modules/_operator.c (_operator__compare_digest_impl).
import { raise } from '../errors.js';
import { PyObject } from '../objects/object.js';
import { pyBool } from '../objects/int.js';
import { PyStr } from '../objects/str.js';
import { bufferOf } from '../protocols/buffer.js';
import { builtinFunction } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

export const compareDigest = builtinFunction('_compare_digest', (a) => {
  if (a.length !== 2) raise(typeErrorType, `_compare_digest expected 2 arguments, got ${a.length}`);
  const [x, y] = a as [PyObject, PyObject];
  if (x instanceof PyStr && y instanceof PyStr) {
    if (!isAscii(x.value) || !isAscii(y.value)) raise(typeErrorType, 'comparing strings with non-ASCII characters is not supported');
    return pyBool(x.value === y.value);
  }
  const bx = bufferOf(x);
  const by = bufferOf(y);
  if (bx === null && by === null) raise(typeErrorType, `unsupported operand types(s) or combination of types: '${x.type.name}' and '${y.type.name}'`);
  if (bx === null) raise(typeErrorType, `a bytes-like object is required, not '${x.type.name}'`);
  if (by === null) raise(typeErrorType, `a bytes-like object is required, not '${y.type.name}'`);
  return pyBool(bx.length === by.length && bx.every((v, i) => v === by[i]));
});
