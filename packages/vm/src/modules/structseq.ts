// PyStructSequence types (sys.version_info, time.struct_time, os.terminal_size, ...): tuples
// with named fields, made from one sequence, whose repr says module.name(field=value, ...).
// Built on the VM's namedtuple. CPython counterpart: Objects/structseq.c.
import { raise } from '../errors.js';
import { PyObject, PyType } from '../objects/object.js';
import { newStr } from '../objects/str.js';
import { PyTuple } from '../objects/tuple.js';
import { defMethod } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { repr } from '../protocols/repr.js';
import { toArray } from '../protocols/iter.js';
import { namedtuple } from './collections.js';

/** The type `module.name` with the space-separated `names` as its fields. */
export function structSeqType(module: string, name: string, names: string): PyType {
  const fields = names.split(' ');
  const cls = namedtuple([newStr(name), newStr(names)], new Map([['module', newStr(module)]])) as PyType;
  const n = fields.length;
  // structseq_new(type, sequence, dict=None)
  defMethod(cls, '__new__', (a) => {
    if (a[1] === undefined) raise(typeErrorType, `${module}.${name}() missing required argument 'sequence' (pos 1)`);
    const items = toArray(a[1]);
    if (items.length !== n) raise(typeErrorType, `${module}.${name}() takes a ${n}-sequence (${items.length}-sequence given)`);
    return new PyTuple(items, a[0] as PyType);
  });
  defMethod(cls, '__repr__', (a) => {
    const t = a[0] as PyTuple;
    return newStr(`${module}.${name}(${fields.map((f, k) => `${f}=${repr(t.items[k]!)}`).join(', ')})`);
  });
  return cls;
}

/** An instance of a structseq type made for it alone (sys's constants). */
export function structSeq(module: string, name: string, names: string, values: PyObject[]): PyObject {
  return new PyTuple(values, structSeqType(module, name, names));
}
