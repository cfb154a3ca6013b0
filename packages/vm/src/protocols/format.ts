// format(). CPython counterpart: Objects/abstract.c (PyObject_Format).
import { raise } from '../errors.js';
import { PyObject } from '../objects/object.js';
import { PyStr, internStr, strType } from '../objects/str.js';
import { typeErrorType } from '../objects/exception-types.js';
import { callSpecial } from './call.js';
import { str } from './repr.js';

export function format(o: PyObject, spec: string): string {
  if (spec === '' && o.type === strType) return (o as PyStr).value;
  const m = o.type.lookup('__format__');
  if (m === undefined) return str(o);
  const r = callSpecial(m, o, [internStr(spec)]);
  if (!(r instanceof PyStr)) raise(typeErrorType, `__format__ must return a str, not ${r.type.name}`);
  return r.value;
}
