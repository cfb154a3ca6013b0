// _PyCode_ConstantKey (Objects/codeobject.c): the identity under which the compiler merges
// constants. Equal values of different types stay apart (1, 1.0, True); so do 0.0 and -0.0, and
// tuples or frozensets holding them; code objects compare by their fields (code_richcompare).
import { Kind, type CodeObject, type PyValue } from '@tspyc/bytecode';

const codeKeys = new WeakMap<CodeObject, string>();

/** the bytes as a string of char codes 0-255 (one char a byte: cheap to build and to hash) */
function bytesKey(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode.apply(null, b.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

/**
 * code objects are their own keys, compared with code_richcompare: equal code (the same function
 * compiled twice, as the two copies of a while loop's test) is one constant
 */
function codeKey(co: CodeObject): string {
  let key = codeKeys.get(co);
  if (key === undefined) {
    const names = (t: { items: PyValue[] } | null) => (t ? t.items.map(constantKey).join('|') : '');
    key = [
      co.coName, co.argcount, co.posonlyargcount, co.kwonlyargcount, co.flags, co.firstlineno, bytesKey(co.code.value),
      names(co.consts), names(co.names), names(co.localsplusnames), bytesKey(co.linetable.value), bytesKey(co.exceptiontable?.value ?? new Uint8Array(0)),
    ].join(';');
    codeKeys.set(co, key);
  }
  return key;
}

const nanIds = new WeakMap<object, number>();
let nextNanId = 0;

/** -0.0 is a constant of its own; a NaN is never equal to anything, not even another NaN */
function floatKey(x: number, owner: object): string {
  if (Number.isNaN(x)) {
    let id = nanIds.get(owner);
    if (id === undefined) nanIds.set(owner, (id = nextNanId++));
    return 'nan' + id;
  }
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
      return 'f' + floatKey(v.value, v);
    case Kind.Complex:
      return 'c' + floatKey(v.real, v) + ',' + floatKey(v.imag, v);
    case Kind.Str:
      // a string whose code points JS cannot hold apart (split surrogates) is keyed by its UTF-8
      return v.utf8 ? 'S' + bytesKey(v.utf8) : 's' + v.value;
    case Kind.Bytes:
      return 'b' + Array.prototype.join.call(v.value, ',');
    case Kind.Tuple:
      return '(' + v.items.map(constantKey).join('|') + ')';
    case Kind.FrozenSet:
      // CPython keys a frozenset by the set of its elements' keys: order does not matter
      return '{' + v.items.map(constantKey).sort().join('|') + '}';
    case Kind.Code:
      return '<code ' + codeKey(v) + '>';
    default:
      throw new Error(`not a constant: kind ${v.kind}`);
  }
}
