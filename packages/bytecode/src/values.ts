// Format-level Python values: what marshal reads and writes and what co_consts holds.
// CPython counterpart: the objects Python/marshal.c handles (w_object / r_object).
//
// One JS object is one Python object, so JS identity stands for Python identity: marshal's
// back-references (TYPE_REF) point at an object written earlier, and only objects carrying
// FLAG_REF are ever referenced back. `ref` records that flag per object; the marshal writer
// honours it, the reader sets it, and the compiler decides it (CPython sets it when the object's
// refcount is above 1 at write time — see shared/docs/pyc-format.md §4).
//
// These are not the VM's runtime objects: the VM converts a code object's constants once, on load.
import type { CodeObject } from './code-object.js';

export enum Kind {
  None,
  Bool,
  Ellipsis,
  StopIteration,
  Int,
  Float,
  Complex,
  Str,
  Bytes,
  Tuple,
  List,
  Dict,
  Set,
  FrozenSet,
  Code,
}

/** Every value marshal can carry. */
export type PyValue =
  | PyNone
  | PyBool
  | PyEllipsis
  | PyStopIteration
  | PyInt
  | PyFloat
  | PyComplex
  | PyStr
  | PyBytes
  | PyTuple
  | PyList
  | PyDict
  | PySet
  | PyFrozenSet
  | CodeObject;

/** None, True, False, Ellipsis and StopIteration are singletons marshal writes without a flag. */
export class PyNone {
  readonly kind = Kind.None as const;
  private constructor() {}
  static readonly instance = new PyNone();
}
export class PyBool {
  readonly kind = Kind.Bool as const;
  private constructor(readonly value: boolean) {}
  static readonly True = new PyBool(true);
  static readonly False = new PyBool(false);
  static of(value: boolean): PyBool {
    return value ? PyBool.True : PyBool.False;
  }
}
export class PyEllipsis {
  readonly kind = Kind.Ellipsis as const;
  private constructor() {}
  static readonly instance = new PyEllipsis();
}
export class PyStopIteration {
  readonly kind = Kind.StopIteration as const;
  private constructor() {}
  static readonly instance = new PyStopIteration();
}

export const None = PyNone.instance;
export const True = PyBool.True;
export const False = PyBool.False;
export const Ellipsis = PyEllipsis.instance;

/** int of any size. */
export class PyInt {
  readonly kind = Kind.Int as const;
  constructor(
    readonly value: bigint,
    public ref = false,
  ) {}
}

/**
 * float. `bits` keeps the exact IEEE-754 pattern (8 bytes, little-endian) when the value is a NaN,
 * because JS engines may canonicalise NaN payloads; null otherwise.
 */
export class PyFloat {
  readonly kind = Kind.Float as const;
  constructor(
    readonly value: number,
    public ref = false,
    readonly bits: Uint8Array | null = null,
  ) {}
}

export class PyComplex {
  readonly kind = Kind.Complex as const;
  constructor(
    readonly real: number,
    readonly imag: number,
    public ref = false,
    /** exact 16-byte pattern (real then imag, little-endian) when either part is a NaN */
    readonly bits: Uint8Array | null = null,
  ) {}
}

/**
 * str: a sequence of code points, held as a JS string (UTF-16; lone surrogates allowed).
 * `interned` picks the marshal type code (a/A, z/Z, u/t). `utf8` keeps the exact encoded bytes when
 * they cannot be regenerated from `value` (a Python string holding a high and a low surrogate as two
 * separate code points is one astral character to JS); null in the ordinary case.
 */
export class PyStr {
  readonly kind = Kind.Str as const;
  constructor(
    readonly value: string,
    public interned = false,
    public ref = false,
    readonly utf8: Uint8Array | null = null,
  ) {}
}

export class PyBytes {
  readonly kind = Kind.Bytes as const;
  /** the bytes, or null until first asked for when made by viewOf */
  private bytes: Uint8Array | null;
  private store: Uint8Array | null;
  private start: number;
  /** len(): known without making the view */
  private len: number;
  constructor(
    value: Uint8Array,
    public ref = false,
  ) {
    this.bytes = value;
    this.store = null;
    this.start = 0;
    this.len = value.length;
  }

  /**
   * Bytes `start` to `start + length` of `store`, viewed only when first used: a marshal reader
   * makes four per code object, and most are never looked at (a typed array costs about 100 bytes).
   */
  static viewOf(store: Uint8Array, start: number, length: number, ref: boolean): PyBytes {
    const b = new PyBytes(EMPTY, ref);
    b.store = store;
    b.start = start;
    b.len = length;
    b.bytes = null;
    return b;
  }

  get value(): Uint8Array {
    return (this.bytes ??= new Uint8Array(this.store!.buffer, this.store!.byteOffset + this.start, this.len));
  }

  get length(): number {
    return this.len;
  }

  /** value[i], without making the view */
  byteAt(i: number): number {
    return this.bytes !== null ? this.bytes[i]! : this.store![this.start + i]!;
  }
}

const EMPTY = new Uint8Array(0);

export class PyTuple {
  readonly kind = Kind.Tuple as const;
  constructor(
    readonly items: PyValue[],
    public ref = false,
  ) {}
}

export class PyList {
  readonly kind = Kind.List as const;
  constructor(
    readonly items: PyValue[],
    public ref = false,
  ) {}
}

/** dict, in marshal order (insertion order). */
export class PyDict {
  readonly kind = Kind.Dict as const;
  constructor(
    readonly keys: PyValue[],
    readonly values: PyValue[],
    public ref = false,
  ) {}
}

/** set, elements in the order marshal wrote them. */
export class PySet {
  readonly kind = Kind.Set as const;
  constructor(
    readonly items: PyValue[],
    public ref = false,
  ) {}
}

/** frozenset, elements in the order marshal wrote them (CPython's hash order). */
export class PyFrozenSet {
  readonly kind = Kind.FrozenSet as const;
  constructor(
    readonly items: PyValue[],
    public ref = false,
  ) {}
}
