// PyObject_IsTrue for the constants the optimizer folds conditions on.
import { Kind, type PyValue } from '@tspyc/bytecode';

export function constIsTrue(v: PyValue): boolean {
  switch (v.kind) {
    case Kind.None:
      return false;
    case Kind.Bool:
      return v.value;
    case Kind.Int:
      return v.value !== 0n;
    case Kind.Float:
      return v.value !== 0; // a NaN is true
    case Kind.Complex:
      return v.real !== 0 || v.imag !== 0;
    case Kind.Str:
      return v.value.length > 0;
    case Kind.Bytes:
      return v.value.length > 0;
    case Kind.Tuple:
    case Kind.List:
    case Kind.Set:
    case Kind.FrozenSet:
      return v.items.length > 0;
    case Kind.Dict:
      return v.keys.length > 0;
    default:
      return true; // Ellipsis, StopIteration, code objects
  }
}
