// bytearray.__reduce__ and __reduce_ex__: how copy and pickle take a bytearray apart (latin-1 text
// below protocol 3, for Python 2; bytes from 3 on).
// CPython counterpart: Objects/bytearrayobject.c (_common_reduce).
import { PyObject } from './object.js';
import { newStr } from './str.js';
import { newTuple } from './tuple.js';
import { PyByteArray, PyBytes, byteArrayType } from './bytes.js';
import { defMethod } from './native.js';
import { objectGetState } from './object-reduce.js';
import { asJsIndex } from '../protocols/number.js';

function commonReduce(self: PyByteArray, proto: number): PyObject {
  const state = objectGetState(self);
  if (self.data.length === 0) return newTuple([self.type, newTuple([]), state]);
  if (proto < 3) {
    const latin1 = newStr(String.fromCharCode(...self.data));
    return newTuple([self.type, newTuple([latin1, newStr('latin-1')]), state]);
  }
  return newTuple([self.type, newTuple([new PyBytes(Uint8Array.from(self.data))]), state]);
}

export function initByteArrayReduce(): void {
  defMethod(byteArrayType, '__reduce__', (a) => commonReduce(a[0] as PyByteArray, 2));
  defMethod(byteArrayType, '__reduce_ex__', (a) => commonReduce(a[0] as PyByteArray, a[1] instanceof PyObject ? asJsIndex(a[1]) : 0));
}
