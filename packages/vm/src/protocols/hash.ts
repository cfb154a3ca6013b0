// hash(). CPython counterpart: Objects/object.c (PyObject_Hash), Python/pyhash.c,
// Objects/tupleobject.c (tuplehash). Values match CPython's with PYTHONHASHSEED=0.
import { floatHash, intHash } from '@tspyc/bytecode';
import { raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { PyInt, intType, boolType } from '../objects/int.js';
import { PyFloat, floatType } from '../objects/float.js';
import { PyStr, strType } from '../objects/str.js';
import { strHashValue } from '../objects/str-hash.js';
import { typeErrorType } from '../objects/exception-types.js';
import { callSpecial } from './call.js';

const U64 = (1n << 64n) - 1n;

export function strHash(s: PyStr): bigint {
  if (s.hash === null) s.hash = strHashValue(s.value);
  return s.hash;
}

/** PyObject_Hash */
export function pyHash(o: PyObject): bigint {
  const t = o.type;
  if (t === strType) return strHash(o as PyStr);
  if (t === intType || t === boolType) {
    // a safe int is below the modulus 2**61 - 1: its own hash, but for -1
    const n = (o as PyInt).num;
    if (n === n) return n === -1 ? -2n : (o as PyInt).value;
    return intHash((o as PyInt).value);
  }
  if (t === floatType) return floatHashOf(o as PyFloat);
  const h = t.lookup('__hash__');
  if (h === undefined || h === None) raise(typeErrorType, `unhashable type: '${t.tpName ?? t.name}'`);
  const r = callSpecial(h, o, []);
  if (!(r instanceof PyInt)) raise(typeErrorType, '__hash__ method should return an integer');
  const v = r.value;
  return v >= -(1n << 63n) && v < 1n << 63n && v !== -1n ? v : intHash(v);
}

export function floatHashOf(f: PyFloat): bigint {
  return floatHash(f.value) ?? idHash(f);
}

const ids = new WeakMap<PyObject, number>();
let nextId = 0x7f0000001000;

/** id(o): a stable number per object (CPython gives the address). */
export function objectId(o: PyObject): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId;
    nextId += 16;
    ids.set(o, id);
  }
  return id;
}

/** object.__hash__: the id rotated by 4 bits, as _Py_HashPointer. */
export function idHash(o: PyObject): bigint {
  const id = BigInt(objectId(o));
  const h = ((id >> 4n) | (id << 60n)) & U64;
  const s = h >= 1n << 63n ? h - (1n << 64n) : h;
  return s === -1n ? -2n : s;
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** tuplehash (xxHash-based). */
export function tupleHash(items: PyObject[]): bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = pyHash(item);
    acc = (acc + (lane & U64) * XXPRIME_2) & U64;
    acc = ((acc << 31n) | (acc >> 33n)) & U64;
    acc = (acc * XXPRIME_1) & U64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & U64;
  if (acc === U64) return 1546275796n;
  return acc >= 1n << 63n ? acc - (1n << 64n) : acc;
}
