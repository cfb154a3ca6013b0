// _PyCode_ConstantKey (Objects/codeobject.c): the identity under which the compiler merges
// constants. Equal values of different types stay apart (1, 1.0, True); so do 0.0 and -0.0, and
// tuples or frozensets holding them; code objects are keyed by identity.
import { Kind, type CodeObject, type PyValue } from '@tspyc/bytecode';

const codeIds = new WeakMap<CodeObject, number>();
let nextCodeId = 0;

function floatKey(x: number): string {
  // -0.0 and NaN payloads are distinct constants; Object.is distinguishes -0
  if (Number.isNaN(x)) return 'nan';
  return Object.is(x, -0) ? '-0' : String(x);
}

export function constantKey(v: PyValue): string {
  switch (v.kind) {
    case Kind.None:
      return 'N';
    case Kind.Bool:
      return v.value ? 'T' : 'F';
    case Kind.Ellipsis:
      return '.';
    case Kind.StopIteration:
      return 'S';
    case Kind.Int:
      return 'i' + v.value.toString();
    case Kind.Float:
      return 'f' + floatKey(v.value);
    case Kind.Complex:
      return 'c' + floatKey(v.real) + ',' + floatKey(v.imag);
    case Kind.Str:
      return 's' + v.value.length + ':' + v.value;
    case Kind.Bytes:
      return 'b' + Array.prototype.join.call(v.value, ',');
    case Kind.Tuple:
      return '(' + v.items.map(constantKey).join('|') + ')';
    case Kind.FrozenSet:
      // CPython keys a frozenset by the set of its elements' keys: order does not matter
      return '{' + v.items.map(constantKey).sort().join('|') + '}';
    case Kind.Code: {
      let id = codeIds.get(v);
      if (id === undefined) codeIds.set(v, (id = nextCodeId++));
      return '<code' + id + '>';
    }
    default:
      throw new Error(`not a constant: kind ${v.kind}`);
  }
}
