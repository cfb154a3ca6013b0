// bytes' methods (the common ones). CPython counterpart: Objects/bytesobject.c.
import { bytesRepr } from '@tspyc/bytecode';
import { raise } from '../errors.js';
import { NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, intFromNumber, pyBool } from './int.js';
import { PyStr, newStr } from './str.js';
import { PyList } from './list.js';
import { PyBytes, bytesType } from './bytes.js';
import { PySlice, sliceArray } from './slice.js';
import { defMethod } from './native.js';
import { PyNativeIter, seqIteratorType } from './iterators.js';
import { indexErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { toArray } from '../protocols/iter.js';
import { asIndex, indexOrTypeError } from '../protocols/number.js';
import { valueHash, PyBytes as FmtBytes, targetForVersion } from '@tspyc/bytecode';

const T311 = targetForVersion('3.11')!;

function b(o: PyObject): Uint8Array {
  return (o as PyBytes).value;
}

export function initBytes(): void {
  const t = bytesType;
  defMethod(t, '__new__', (a) => {
    const cls = a[0] as PyType;
    const src = a[1];
    let v: Uint8Array;
    if (src === undefined) v = new Uint8Array(0);
    else if (src instanceof PyStr) {
      if (a[2] === undefined) raise(typeErrorType, 'string argument without an encoding');
      v = new TextEncoder().encode(src.value);
    } else if (src instanceof PyInt) v = new Uint8Array(Number(src.value));
    else if (src instanceof PyBytes) v = src.value;
    else {
      v = Uint8Array.from(toArray(src).map((x) => {
        const n = Number(asIndex(x));
        if (n < 0 || n > 255) raise(valueErrorType, 'bytes must be in range(0, 256)');
        return n;
      }));
    }
    return new PyBytes(v, cls);
  });
  defMethod(t, '__repr__', (a) => newStr(bytesRepr(b(a[0]!))));
  defMethod(t, '__len__', (a) => intFromNumber(b(a[0]!).length));
  defMethod(t, '__hash__', (a) => new PyInt(valueHash(new FmtBytes(b(a[0]!)), T311) ?? 0n));
  defMethod(t, '__iter__', (a) => {
    const v = b(a[0]!);
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => (i < v.length ? intFromNumber(v[i++]!) : null));
  });
  defMethod(t, '__getitem__', (a) => {
    const v = b(a[0]!);
    if (a[1] instanceof PySlice) return new PyBytes(Uint8Array.from(sliceArray(Array.from(v), a[1])));
    let i = indexOrTypeError(a[1]!, 'byte');
    if (i < 0) i += v.length;
    if (i < 0 || i >= v.length) raise(indexErrorType, 'index out of range');
    return intFromNumber(v[i]!);
  });
  defMethod(t, '__add__', (a) => {
    if (!(a[1] instanceof PyBytes)) return NotImplemented;
    const x = b(a[0]!);
    const out = new Uint8Array(x.length + a[1].value.length);
    out.set(x);
    out.set(a[1].value, x.length);
    return new PyBytes(out);
  });
  defMethod(t, '__eq__', (a) => {
    if (!(a[1] instanceof PyBytes)) return NotImplemented;
    const x = b(a[0]!);
    const y = a[1].value;
    return pyBool(x.length === y.length && x.every((c, i) => c === y[i]));
  });
  defMethod(t, '__contains__', (a) => {
    const v = b(a[0]!);
    if (a[1] instanceof PyInt) return pyBool(v.includes(Number(a[1].value)));
    const sub = b(a[1]!);
    outer: for (let i = 0; i + sub.length <= v.length; i++) {
      for (let j = 0; j < sub.length; j++) if (v[i + j] !== sub[j]) continue outer;
      return pyBool(true);
    }
    return pyBool(false);
  });
  defMethod(t, 'decode', (a) => newStr(new TextDecoder('utf-8').decode(b(a[0]!))));
  defMethod(t, 'hex', (a) => newStr(Array.from(b(a[0]!), (c) => c.toString(16).padStart(2, '0')).join('')));
  defMethod(t, 'split', (a) => {
    const s = Array.from(b(a[0]!), (c) => String.fromCharCode(c)).join('');
    const sep = a[1] ? Array.from(b(a[1]), (c) => String.fromCharCode(c)).join('') : null;
    const parts = sep === null ? s.split(/\s+/).filter(Boolean) : s.split(sep);
    return new PyList(parts.map((p) => new PyBytes(Uint8Array.from(p, (c) => c.charCodeAt(0)))));
  });
}
