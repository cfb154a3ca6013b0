// The key under which the compiler's constant cache merges equal constants.
// CPython counterpart: Objects/codeobject.c, _PyCode_ConstantKey() (3.11–3.13).
//
// Keys are type-tagged so that 1, 1.0 and True stay apart, and floats and complexes compare by
// their bit patterns so that 0.0 and -0.0 (and 0j and -0j) stay apart. A NaN never equals
// anything, not even another NaN with the same bits, so each NaN object gets a key of its own —
// as does every object CPython keys by identity (code objects, lists, dicts, sets).
import { Kind, type PyValue } from '../../values.js';

const identityKeys = new WeakMap<object, string>();
let nextIdentity = 0;

function identityKey(v: object): string {
  let k = identityKeys.get(v);
  if (k === undefined) {
    k = `#${nextIdentity++}`;
    identityKeys.set(v, k);
  }
  return k;
}

const scratch = new DataView(new ArrayBuffer(8));

function doubleBits(x: number): string {
  scratch.setFloat64(0, x, true);
  return scratch.getBigUint64(0, true).toString(16);
}

/** the bytes as one char each (0-255), length first: cheap to build, and no separator can fool it */
export function byteChars(bytes: Uint8Array): string {
  let s = `${bytes.length}:`;
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

/** A string equal for two constants exactly when CPython's constant cache would merge them. */
export function constantKey(v: PyValue): string {
  switch (v.kind) {
    case Kind.None:
      return 'N';
    case Kind.Ellipsis:
      return '.';
    case Kind.StopIteration:
      return 'S';
    case Kind.Bool:
      return v.value ? 'T' : 'F';
    case Kind.Int:
      return `i${v.value}`;
    case Kind.Float:
      return v.value !== v.value ? identityKey(v) : `f${doubleBits(v.value)}`;
    case Kind.Complex:
      return v.real !== v.real || v.imag !== v.imag ? identityKey(v) : `c${doubleBits(v.real)},${doubleBits(v.imag)}`;
    case Kind.Str:
      // the exact code points (the utf8 form when the JS string cannot hold them apart); the
      // length prefix keeps a string holding ',' or ')' from colliding with tuple syntax
      return v.utf8 ? `u${byteChars(v.utf8)}` : `s${v.value.length}:${v.value}`;
    case Kind.Bytes:
      return `b${byteChars(v.value)}`;
    case Kind.Tuple:
      return `(${v.items.map(constantKey).join(',')})`;
    case Kind.FrozenSet:
      // a frozenset of keys: element order does not matter
      return `{${v.items.map(constantKey).sort().join(',')}}`;
    default:
      return identityKey(v);
  }
}
