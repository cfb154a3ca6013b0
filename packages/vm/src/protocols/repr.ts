// repr() and str(). CPython counterpart: Objects/object.c (PyObject_Repr, PyObject_Str,
// Py_ReprEnter/Py_ReprLeave).
import { PyStr as FmtStr, strRepr as fmtStrRepr, targetForVersion, formatFloatRepr } from '@tspyc/bytecode';
import { raise } from '../errors.js';
import { PyObject } from '../objects/object.js';
import { PyInt, intDecimal, intType } from '../objects/int.js';
import { PyFloat, floatType } from '../objects/float.js';
import { PyStr, strType } from '../objects/str.js';
import { typeErrorType } from '../objects/exception-types.js';
import { withRecursionCheck } from '../eval/recursion.js';
import { callSpecial } from './call.js';

const T311 = targetForVersion('3.11')!;

/** repr of a str value, with CPython's quoting and escapes. */
export function strRepr(s: string): string {
  return fmtStrRepr(new FmtStr(s), T311);
}

export function floatRepr(x: number): string {
  return formatFloatRepr(x);
}

/** PyObject_Repr, as a JS string. */
export function repr(o: PyObject): string {
  const t = o.type;
  if (t === strType) return strRepr((o as PyStr).value);
  if (t === intType) return intDecimal((o as PyInt).value);
  if (t === floatType) return formatFloatRepr((o as PyFloat).value);
  const r = t.lookup('__repr__');
  if (r === undefined) return `<${t.name} object>`;
  const s = withRecursionCheck(' while getting the repr of an object', () => callSpecial(r, o, []));
  if (!(s instanceof PyStr)) raise(typeErrorType, `__repr__ returned non-string (type ${s.type.name})`);
  return s.value;
}

/** PyObject_Str, as a JS string. */
export function str(o: PyObject): string {
  const t = o.type;
  if (t === strType) return (o as PyStr).value;
  if (t === intType) return intDecimal((o as PyInt).value);
  if (t === floatType) return formatFloatRepr((o as PyFloat).value);
  const r = t.lookup('__str__');
  if (r === undefined) return repr(o);
  const s = withRecursionCheck(' while getting the str of an object', () => callSpecial(r, o, []));
  if (!(s instanceof PyStr)) raise(typeErrorType, `__str__ returned non-string (type ${s.type.name})`);
  return s.value;
}

/** Objects whose repr is in progress (Py_ReprEnter): recursive containers print as [...]. */
const reprStack = new Set<PyObject>();

/** Run `f` unless `o` is already being repr'd, in which case return `recursive`. */
export function withReprGuard(o: PyObject, recursive: string, f: () => string): string {
  if (reprStack.has(o)) return recursive;
  reprStack.add(o);
  try {
    return f();
  } finally {
    reprStack.delete(o);
  }
}
