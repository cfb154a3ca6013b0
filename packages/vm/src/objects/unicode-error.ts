// UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their five fields (encoding,
// object, start, end, reason), kept on the object as CPython's PyUnicodeErrorObject keeps them
// (args stay what the caller passed), settable afterwards, and their messages. CPython
// counterpart: Objects/exceptions.c (UnicodeEncodeError_init/_str, UnicodeDecodeError_init/_str,
// UnicodeTranslateError_init/_str, UnicodeError_members).
import { raise } from '../errors.js';
import { None, PyObject, type PyType } from './object.js';
import { newStr, PyStr } from './str.js';
import { intFromNumber, PyInt } from './int.js';
import { PyDict } from './dict.js';
import { PyBytes } from './bytes.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import {
  overflowErrorType,
  PyBaseException,
  typeErrorType,
  unicodeDecodeErrorType,
  unicodeEncodeErrorType,
  unicodeErrorType,
  unicodeTranslateErrorType,
} from './exception-types.js';
import { asIndex } from '../protocols/number.js';
import { bufferOf } from '../protocols/buffer.js';
import { str } from '../protocols/repr.js';
import { noKeywords } from './exceptions.js';

export class PyUnicodeErrorObject extends PyBaseException {
  encoding: PyObject | null = null;
  object: PyObject | null = null;
  start = 0;
  end = 0;
  reason: PyObject | null = null;
}

/** A UnicodeEncodeError / UnicodeDecodeError as a codec raises it (args as given). */
export function newUnicodeError(type: PyType, encoding: string, object: PyObject, start: number, end: number, reason: string): PyUnicodeErrorObject {
  const e = new PyUnicodeErrorObject(type, [newStr(encoding), object, intFromNumber(start), intFromNumber(end), newStr(reason)]);
  e.dict = new PyDict();
  e.encoding = e.args[0]!;
  e.object = object;
  e.start = start;
  e.end = end;
  e.reason = e.args[4]!;
  return e;
}

function self(o: PyObject): PyUnicodeErrorObject {
  if (!(o instanceof PyUnicodeErrorObject)) raise(typeErrorType, `descriptor requires a 'UnicodeError' object but received a '${o.type.name}'`);
  return o;
}

const SSIZE_MAX = (1n << 63n) - 1n;
/** PyArg_ParseTuple's "n": a Py_ssize_t through __index__. */
function ssize(o: PyObject): number {
  const v = asIndex(o);
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) raise(overflowErrorType, 'Python int too large to convert to C ssize_t');
  return Number(v);
}

/** PyArg_ParseTuple's "U": a str, named by its position in the message. */
function strArg(o: PyObject, i: number): PyStr {
  if (!(o instanceof PyStr)) raise(typeErrorType, `argument ${i} must be str, not ${o.type.name}`);
  return o;
}

/** PyArg_ParseTuple's count check (the format names no function). */
function arity(n: number, given: number): never {
  raise(typeErrorType, `function takes exactly ${n} arguments (${given} given)`);
}

/** "\xNN", "\uNNNN" or "\UNNNNNNNN": how the messages show the character they could not handle. */
function badChar(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** The code point at `i` of a str, or null past its end. */
function charAt(s: PyStr, i: number): number | null {
  if (i < 0 || i >= s.length) return null;
  const cps = s.codePoints();
  return cps ? cps[i]! : s.value.charCodeAt(i);
}

export function initUnicodeErrors(): void {
  defMethod(unicodeErrorType, '__new__', (a) => {
    const e = new PyUnicodeErrorObject(a[0] as PyType, a.slice(1));
    e.dict = new PyDict();
    return e;
  });
  // UnicodeEncodeError(encoding, object, start, end, reason), UnicodeDecodeError likewise (object:
  // any bytes-like, kept as bytes), UnicodeTranslateError(object, start, end, reason)
  const defInit = (type: PyType, hasEncoding: boolean, objectOf: (o: PyObject) => PyObject) =>
    defMethod(type, '__init__', (a, kw) => {
      noKeywords(a[0]!, kw);
      const e = self(a[0]!);
      const args = a.slice(1);
      e.args = args;
      const n = hasEncoding ? 5 : 4;
      if (args.length !== n) arity(n, args.length);
      const at = hasEncoding ? 1 : 0;
      if (hasEncoding) e.encoding = strArg(args[0]!, 1);
      e.object = objectOf(args[at]!);
      e.start = ssize(args[at + 1]!);
      e.end = ssize(args[at + 2]!);
      e.reason = strArg(args[at + 3]!, n);
      return None;
    });
  defInit(unicodeEncodeErrorType, true, (o) => strArg(o, 2));
  defInit(unicodeDecodeErrorType, true, (o) => {
    const data = o instanceof PyBytes ? o : bufferOf(o);
    if (data === null) raise(typeErrorType, `a bytes-like object is required, not '${o.type.name}'`);
    return data instanceof PyBytes ? data : new PyBytes(data.slice());
  });
  defInit(unicodeTranslateErrorType, false, (o) => strArg(o, 1));

  // the messages: encoding and reason through str(), as the user may have replaced them
  defMethod(unicodeEncodeErrorType, '__str__', (a) => {
    const e = self(a[0]!);
    if (e.object === null) return newStr('');
    const reason = str(e.reason ?? None);
    const encoding = str(e.encoding ?? None);
    const c = e.object instanceof PyStr && e.end === e.start + 1 ? charAt(e.object, e.start) : null;
    if (c !== null) return newStr(`'${encoding}' codec can't encode character '${badChar(c)}' in position ${e.start}: ${reason}`);
    return newStr(`'${encoding}' codec can't encode characters in position ${e.start}-${e.end - 1}: ${reason}`);
  });
  defMethod(unicodeDecodeErrorType, '__str__', (a) => {
    const e = self(a[0]!);
    if (e.object === null) return newStr('');
    const reason = str(e.reason ?? None);
    const encoding = str(e.encoding ?? None);
    const data = e.object instanceof PyBytes ? e.object.value : null;
    if (data !== null && e.start >= 0 && e.start < data.length && e.end === e.start + 1) {
      return newStr(`'${encoding}' codec can't decode byte 0x${data[e.start]!.toString(16).padStart(2, '0')} in position ${e.start}: ${reason}`);
    }
    return newStr(`'${encoding}' codec can't decode bytes in position ${e.start}-${e.end - 1}: ${reason}`);
  });
  defMethod(unicodeTranslateErrorType, '__str__', (a) => {
    const e = self(a[0]!);
    if (e.object === null) return newStr('');
    const reason = str(e.reason ?? None);
    const c = e.object instanceof PyStr && e.end === e.start + 1 ? charAt(e.object, e.start) : null;
    if (c !== null) return newStr(`can't translate character '${badChar(c)}' in position ${e.start}: ${reason}`);
    return newStr(`can't translate characters in position ${e.start}-${e.end - 1}: ${reason}`);
  });

  // UnicodeError_members: T_OBJECT fields read None when unset; start and end are Py_ssize_t
  for (const name of ['encoding', 'object', 'reason'] as const) {
    defGetSet(
      unicodeErrorType,
      name,
      (o) => self(o)[name] ?? None,
      (o, v) => {
        self(o)[name] = v;
      },
    );
  }
  for (const name of ['start', 'end'] as const) {
    defGetSet(
      unicodeErrorType,
      name,
      (o) => intFromNumber(self(o)[name]),
      (o, v) => {
        if (v === null) raise(typeErrorType, "can't delete numeric/char attribute");
        if (!(v instanceof PyInt)) raise(typeErrorType, 'an integer is required');
        self(o)[name] = ssize(v);
      },
    );
  }
}
