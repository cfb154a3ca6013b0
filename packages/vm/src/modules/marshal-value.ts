// A Python object as a marshal value (@tspyc/bytecode's model), for marshal.dumps and
// code.replace. CPython counterpart: Python/marshal.c w_object, which takes exact types only.
import {
  Ellipsis as MEllipsis,
  False as MFalse,
  None as MNone,
  PyBytes as MBytes,
  PyComplex as MComplex,
  PyDict as MDict,
  PyFloat as MFloat,
  PyFrozenSet as MFrozenSet,
  PyInt as MInt,
  PyList as MList,
  PySet as MSet,
  PyStopIteration as MStopIteration,
  PyStr as MStr,
  PyTuple as MTuple,
  True as MTrue,
  type PyValue,
} from '@tspyc/bytecode';
import { Code } from '../eval/code.js';
import { Ellipsis, None, PyObject } from '../objects/object.js';
import { False, PyInt, True } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyComplex } from '../objects/complex.js';
import { PyStr } from '../objects/str.js';
import { PyBytes } from '../objects/bytes.js';
import { PyTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PySet } from '../objects/set.js';
import { stopIterationType } from '../objects/exception-types.js';
import { bufferOf } from '../protocols/buffer.js';

/** A constant as marshal holds it (what co_consts may hold), or null for any other object. */
export function constValue(o: PyObject): PyValue | null {
  if (o === None) return MNone;
  if (o === True) return MTrue;
  if (o === False) return MFalse;
  if (o === Ellipsis) return MEllipsis;
  if (o instanceof Code) return o.co;
  if (o instanceof PyInt && o.type.name === 'int') return new MInt(o.value);
  if (o instanceof PyFloat && o.type.name === 'float') return new MFloat(o.value);
  if (o instanceof PyComplex && o.type.name === 'complex') return new MComplex(o.real, o.imag);
  if (o instanceof PyStr && o.type.name === 'str') return new MStr(o.value);
  if (o instanceof PyBytes && o.type.name === 'bytes') return new MBytes(o.value);
  if (o instanceof PyTuple && o.type.name === 'tuple') return sequence(o.items, constValue, MTuple);
  if (o instanceof PySet && o.type.name === 'frozenset') return sequence(o.items(), constValue, MFrozenSet);
  return null;
}

/** Any object marshal.dumps takes (the containers too, and bytes-like objects as bytes), or null. */
export function marshalValue(o: PyObject): PyValue | null {
  const c = constValue(o);
  if (c !== null) return c;
  if (o === stopIterationType) return MStopIteration.instance;
  if (o instanceof PyTuple && o.type.name === 'tuple') return sequence(o.items, marshalValue, MTuple);
  if (o instanceof PySet && o.type.name === 'frozenset') return sequence(o.items(), marshalValue, MFrozenSet);
  if (o instanceof PySet && o.type.name === 'set') return sequence(o.items(), marshalValue, MSet);
  if (o instanceof PyList && o.type.name === 'list') return sequence(o.items, marshalValue, MList);
  if (o instanceof PyDict && o.type.name === 'dict') {
    const keys: PyValue[] = [];
    const values: PyValue[] = [];
    for (const [k, v] of o.entries()) {
      const mk = marshalValue(k);
      const mv = marshalValue(v);
      if (mk === null || mv === null) return null;
      keys.push(mk);
      values.push(mv);
    }
    return new MDict(keys, values);
  }
  const buffer = bufferOf(o);
  return buffer !== null ? new MBytes(buffer.slice()) : null;
}

function sequence<V>(items: PyObject[], convert: (o: PyObject) => PyValue | null, Make: new (items: PyValue[]) => V): V | null {
  const out: PyValue[] = [];
  for (const item of items) {
    const v = convert(item);
    if (v === null) return null;
    out.push(v);
  }
  return new Make(out);
}
