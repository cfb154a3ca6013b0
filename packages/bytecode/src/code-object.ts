// The one code-object model for every CPython version tspyc reads (2.7, 3.6–3.13).
// CPython counterpart: Include/cpython/code.h (PyCodeObject) and the field order of
// Python/marshal.c's TYPE_CODE for each version (see CodeLayout).
//
// Fields hold marshal values (PyBytes, PyTuple, PyStr) rather than raw arrays so that identity and
// reference flags survive a read/write round trip; the accessors below give the plain forms.
import { Kind, type PyBytes, type PyStr, type PyTuple, type PyValue } from './values.js';

/**
 * Which marshal field order a code object has:
 * - Py27:  argcount nlocals stacksize flags code consts names varnames freevars cellvars filename name firstlineno lnotab
 * - Py36:  argcount kwonlyargcount nlocals stacksize flags … (as Py27 from code on; 3.6 and 3.7)
 * - Py38:  argcount posonlyargcount kwonlyargcount nlocals stacksize flags … lnotab (3.8, 3.9)
 * - Py310: as Py38, the last field is the 3.10 co_linetable
 * - Py311: argcount posonlyargcount kwonlyargcount stacksize flags code consts names localsplusnames
 *          localspluskinds filename name qualname firstlineno linetable exceptiontable (3.11–3.13)
 */
export enum CodeLayout {
  Py27,
  Py36,
  Py38,
  Py310,
  Py311,
}

/** co_localspluskinds bits (3.11+). */
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;
export const CO_FAST_HIDDEN = 0x10; // 3.12+: hidden locals of inlined comprehensions

export interface CodeObjectFields {
  layout: CodeLayout;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  /** marshalled before 3.11; derived from localspluskinds after */
  nlocals: number;
  stacksize: number;
  flags: number;
  code: PyBytes;
  consts: PyTuple;
  names: PyTuple;
  /** 3.11+ */
  localsplusnames: PyTuple | null;
  /** 3.11+ */
  localspluskinds: PyBytes | null;
  /** before 3.11 */
  varnames: PyTuple | null;
  freevars: PyTuple | null;
  cellvars: PyTuple | null;
  /** a str (bytes in 2.7, which marshal gives as PyBytes) */
  filename: PyStr | PyBytes;
  name: PyStr | PyBytes;
  /** 3.11+ */
  qualname: PyStr | null;
  firstlineno: number;
  /** co_linetable in 3.10+ (each version's own format), co_lnotab before */
  linetable: PyBytes;
  /** 3.11+ */
  exceptiontable: PyBytes | null;
}

export class CodeObject implements CodeObjectFields {
  readonly kind = Kind.Code as const;
  layout: CodeLayout;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  nlocals: number;
  stacksize: number;
  flags: number;
  code: PyBytes;
  consts: PyTuple;
  names: PyTuple;
  localsplusnames: PyTuple | null;
  localspluskinds: PyBytes | null;
  varnames: PyTuple | null;
  freevars: PyTuple | null;
  cellvars: PyTuple | null;
  filename: PyStr | PyBytes;
  name: PyStr | PyBytes;
  qualname: PyStr | null;
  firstlineno: number;
  linetable: PyBytes;
  exceptiontable: PyBytes | null;
  /** FLAG_REF on the code object itself */
  ref: boolean;

  constructor(f: CodeObjectFields, ref = false) {
    this.layout = f.layout;
    this.argcount = f.argcount;
    this.posonlyargcount = f.posonlyargcount;
    this.kwonlyargcount = f.kwonlyargcount;
    this.nlocals = f.nlocals;
    this.stacksize = f.stacksize;
    this.flags = f.flags;
    this.code = f.code;
    this.consts = f.consts;
    this.names = f.names;
    this.localsplusnames = f.localsplusnames;
    this.localspluskinds = f.localspluskinds;
    this.varnames = f.varnames;
    this.freevars = f.freevars;
    this.cellvars = f.cellvars;
    this.filename = f.filename;
    this.name = f.name;
    this.qualname = f.qualname;
    this.firstlineno = f.firstlineno;
    this.linetable = f.linetable;
    this.exceptiontable = f.exceptiontable;
    this.ref = ref;
  }

  /** co_name as a JS string. */
  get coName(): string {
    return textOf(this.name);
  }
  /** co_qualname (3.11+), else co_name. */
  get coQualname(): string {
    return this.qualname ? this.qualname.value : textOf(this.name);
  }
  get coFilename(): string {
    return textOf(this.filename);
  }
  /** co_names as strings. */
  get coNames(): string[] {
    return this.names.items.map(textOfValue);
  }
  /** co_varnames: the plain-local slice of localsplus in 3.11+, the marshalled tuple before. */
  get coVarnames(): string[] {
    return this.localsplusOfKind(CO_FAST_LOCAL) ?? this.varnames!.items.map(textOfValue);
  }
  /** co_cellvars (cells that are not also arguments come after; order as localsplus). */
  get coCellvars(): string[] {
    return this.localsplusOfKind(CO_FAST_CELL) ?? this.cellvars!.items.map(textOfValue);
  }
  get coFreevars(): string[] {
    return this.localsplusOfKind(CO_FAST_FREE) ?? this.freevars!.items.map(textOfValue);
  }
  /** Nested code objects in co_consts, in order. */
  get nestedCode(): CodeObject[] {
    const out: CodeObject[] = [];
    for (const c of this.consts.items) if (c.kind === Kind.Code) out.push(c);
    return out;
  }

  private localsplusOfKind(bit: number): string[] | null {
    if (!this.localsplusnames || !this.localspluskinds) return null;
    const names = this.localsplusnames.items;
    const kinds = this.localspluskinds.value;
    const out: string[] = [];
    for (let i = 0; i < names.length; i++) if (kinds[i]! & bit) out.push(textOfValue(names[i]!));
    return out;
  }
}

function textOf(v: PyStr | PyBytes): string {
  return v.kind === Kind.Str ? v.value : latin1(v.value);
}

function textOfValue(v: PyValue): string {
  if (v.kind === Kind.Str) return v.value;
  if (v.kind === Kind.Bytes) return latin1(v.value);
  throw new TypeError('expected a str in a names tuple');
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
