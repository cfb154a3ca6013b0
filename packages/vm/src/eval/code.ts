// The runtime form of a code object: what the eval loop reads, prepared once on load.
// CPython counterpart: Objects/codeobject.c (PyCodeObject, _PyCode_Validate, co_positions).
import {
  CO_FAST_CELL,
  CO_FAST_FREE,
  CO_FAST_LOCAL,
  decodeExceptionTable,
  decodeLocationTable,
  Kind,
  type CodeObject,
  type ExceptionTableEntry,
  type LocationEntry,
  type PyValue,
} from '@tspyc/bytecode';
import { builtinType, Ellipsis, None, PyObject } from '../objects/object.js';
import { False, newInt, True } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyComplex } from '../objects/complex.js';
import { internStr, newStr, PyStr } from '../objects/str.js';
import { PyBytes } from '../objects/bytes.js';
import { newTuple } from '../objects/tuple.js';
import { newFrozenSet, newSet } from '../objects/set.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { stopIterationType } from '../objects/exception-types.js';
import { InternalError } from '../errors.js';
import type { AttrEntry } from './attr-cache.js';
import type { GlobalEntry } from './global-cache.js';

export const codeType = builtinType('code', undefined, 0);

/** co_flags bits. */
export const CO_OPTIMIZED = 0x1;
export const CO_NEWLOCALS = 0x2;
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_NESTED = 0x10;
export const CO_GENERATOR = 0x20;
export const CO_COROUTINE = 0x80;
export const CO_ITERABLE_COROUTINE = 0x100;
export const CO_ASYNC_GENERATOR = 0x200;

/**
 * constsCache and namesCache before they are made: arrays of the same elements kind as the made ones,
 * not null, so the fields keep one representation and the eval loop's loads of them stay cheap.
 */
const NOT_MADE_CONSTS: PyObject[] = [None];
NOT_MADE_CONSTS.length = 0;
const NOT_MADE_NAMES: string[] = ['?'];
NOT_MADE_NAMES.length = 0;

export class Code extends PyObject {
  readonly co: CodeObject;
  readonly localsplusNames: string[];
  readonly nlocalsplus: number;
  readonly ncells: number;
  readonly nfrees: number;
  readonly argcount: number;
  readonly posonlyargcount: number;
  readonly kwonlyargcount: number;
  readonly flags: number;
  readonly stacksize: number;
  readonly name: string;
  readonly qualname: string;
  readonly filename: string;
  readonly firstlineno: number;
  /**
   * co_consts, co_names and the exception table, made when first needed: most code objects of a
   * module (the bodies of functions never called) are never run, and converting their constants
   * was most of the cost of loading a pyc. decode fills constsCache and namesCache before the code
   * first runs, so the eval loop reads them as plain fields.
   */
  constsCache: PyObject[];
  namesCache: string[];
  private nameObjsCache: PyStr[] | null;
  private exceptionTableCache: ExceptionTableEntry[] | null;
  /** the conversion this code was made in, which its constants join (see convertConst) */
  private readonly conversion: Map<PyValue, PyObject> | null;
  /** line of each code unit, decoded on first use (tracebacks only) */
  private lines: Int32Array | null;
  private spans: LocationEntry[] | null;
  /** the instruction stream pre-decoded for the eval loop (eval/decode.ts), made on first run */
  decoded: Int32Array | null;
  /** inline caches of LOAD_GLOBAL, by code unit (eval/global-cache.ts), made on first use */
  globalCaches: (GlobalEntry | undefined)[] | null;
  /** inline caches of the attribute instructions, by code unit (eval/attr-cache.ts), made on first use */
  attrCaches: (AttrEntry | undefined)[] | null;

  constructor(co: CodeObject) {
    super(codeType);
    this.co = co;
    this.constsCache = NOT_MADE_CONSTS;
    this.namesCache = NOT_MADE_NAMES;
    this.nameObjsCache = null;
    this.exceptionTableCache = null;
    this.conversion = converted;
    if (!co.localsplusnames || !co.localspluskinds) throw new InternalError('not a 3.11 code object');
    this.localsplusNames = co.localsplusnames.items.map((v) => (v.kind === Kind.Str ? v.value : '?'));
    const kinds = co.localspluskinds;
    this.nlocalsplus = this.localsplusNames.length;
    let ncells = 0;
    let nfrees = 0;
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds.byteAt(i);
      if (k & CO_FAST_FREE) nfrees++;
      else if (k & CO_FAST_CELL) ncells++;
    }
    this.ncells = ncells;
    this.nfrees = nfrees;
    this.argcount = co.argcount;
    this.posonlyargcount = co.posonlyargcount;
    this.kwonlyargcount = co.kwonlyargcount;
    this.flags = co.flags;
    this.stacksize = co.stacksize;
    this.name = co.coName;
    this.qualname = co.coQualname;
    this.filename = co.coFilename;
    this.firstlineno = co.firstlineno;
    this.lines = null;
    this.spans = null;
    this.attrCaches = null;
    this.decoded = null;
    this.globalCaches = null;
  }

  /** the instruction stream: opcode, oparg pairs (CACHE entries included) */
  get bytes(): Uint8Array {
    return this.co.code.value;
  }

  get localsplusKinds(): Uint8Array {
    return this.co.localspluskinds!.value;
  }

  get consts(): PyObject[] {
    if (this.constsCache === NOT_MADE_CONSTS) this.constsCache = this.inConversion(() => this.co.consts.items.map(convertConst));
    return this.constsCache;
  }

  /** `make` run inside the conversion this code was made in (or a new one), so shared constants stay one object. */
  private inConversion<T>(make: () => T): T {
    const outer = converted;
    converted = this.conversion ?? outer ?? new Map();
    try {
      return make();
    } finally {
      converted = outer;
    }
  }

  /** Makes constsCache and namesCache (decode calls this before the code first runs). */
  prepareRun(): void {
    void this.consts;
    void this.names;
  }

  /** co_consts[0] when it is a str (a function's __doc__), without converting the other constants. */
  get docConst(): PyObject | null {
    if (this.constsCache !== NOT_MADE_CONSTS) {
      const first = this.constsCache[0];
      return first instanceof PyStr ? first : null;
    }
    const first = this.co.consts.items[0];
    if (first === undefined || first.kind !== Kind.Str) return null;
    return this.inConversion(() => convertConst(first));
  }

  /** co_consts as given to code.replace() (objects marshal cannot hold included). */
  setConsts(consts: PyObject[]): void {
    this.constsCache = consts;
  }

  get names(): string[] {
    if (this.namesCache === NOT_MADE_NAMES) {
      const objs = this.nameObjs;
      // the interned strs' own JS strings: equal names of all code objects are one JS string, so
      // dict lookups by name (instance attributes, globals) compare pointers, not characters
      this.namesCache = objs.map((o) => o.value);
    }
    return this.namesCache;
  }

  get nameObjs(): PyStr[] {
    return (this.nameObjsCache ??= this.co.coNames.map(internStr));
  }

  get exceptionTable(): ExceptionTableEntry[] {
    return (this.exceptionTableCache ??= this.co.exceptiontable ? decodeExceptionTable(this.co.exceptiontable.value) : []);
  }

  /** co_positions() of code unit `unit`: lines and UTF-8 byte columns, null where unknown. */
  positionAt(unit: number): LocationEntry | null {
    if (this.spans === null) {
      try {
        this.spans = decodeLocationTable(this.co.linetable.value, this.firstlineno);
      } catch {
        this.spans = [];
      }
    }
    for (const e of this.spans) if (unit >= e.start && unit < e.start + e.units) return e;
    return null;
  }

  /** The source line of the instruction at code unit `unit`, or null. */
  lineOf(unit: number): number | null {
    if (!this.lines) {
      const n = this.bytes.length >> 1;
      const lines = new Int32Array(n).fill(-1);
      try {
        for (const e of decodeLocationTable(this.co.linetable.value, this.firstlineno)) {
          for (let i = 0; i < e.units && e.start + i < n; i++) lines[e.start + i] = e.line ?? -1;
        }
      } catch {
        /* a malformed table gives no lines */
      }
      this.lines = lines;
    }
    const l = this.lines[unit];
    return l === undefined || l < 0 ? null : l;
  }

  /** Whether localsplus slot `i` is a plain local (co_varnames). */
  isLocal(i: number): boolean {
    return (this.localsplusKinds[i]! & CO_FAST_LOCAL) !== 0;
  }
}

/**
 * The runtime objects made so far by the conversion under way: one runtime object per marshalled
 * value, so a value the pyc shares between code objects (a marshal reference, as CPython's compiler
 * merges equal constants module-wide) stays one object. One plain Map per module tree, kept by its
 * code objects for the constants they convert later, is far cheaper than a WeakMap entry per
 * constant of the process.
 */
let converted: Map<PyValue, PyObject> | null = null;

/** The runtime code for a format-level code object (its constants, nested code among them, are made when it first runs). */
export function codeFor(co: CodeObject): Code {
  return convertConst(co) as Code;
}

/** A marshalled constant as a Python object (code objects as runtime code). */
export function convertConst(v: PyValue): PyObject {
  if (v.kind === Kind.None) return None;
  if (converted !== null) return convertShared(v, converted);
  const seen = new Map<PyValue, PyObject>();
  converted = seen;
  try {
    return convertShared(v, seen);
  } finally {
    converted = null;
  }
}

function convertShared(v: PyValue, seen: Map<PyValue, PyObject>): PyObject {
  let o = seen.get(v);
  if (o === undefined) {
    o = convertConstOnce(v);
    seen.set(v, o);
  }
  return o;
}

function convertConstOnce(v: PyValue): PyObject {
  switch (v.kind) {
    case Kind.None:
      return None;
    case Kind.Bool:
      return v.value ? True : False;
    case Kind.Ellipsis:
      return Ellipsis;
    case Kind.Int:
      return newInt(v.value);
    case Kind.Float:
      return new PyFloat(v.value);
    case Kind.Str:
      return v.value.length < 40 ? internStr(v.value) : newStr(v.value);
    case Kind.Bytes:
      return new PyBytes(v.value);
    case Kind.Tuple:
      return newTuple(v.items.map(convertConst));
    case Kind.FrozenSet:
      return newFrozenSet(v.items.map(convertConst));
    case Kind.Code:
      return new Code(v);
    case Kind.Complex:
      return new PyComplex(v.real, v.imag);
    // what marshal.loads may also meet (never in co_consts)
    case Kind.List:
      return new PyList(v.items.map(convertConst));
    case Kind.Set:
      return newSet(v.items.map(convertConst));
    case Kind.Dict: {
      const d = new PyDict();
      for (let i = 0; i < v.keys.length; i++) d.set(convertConst(v.keys[i]!), convertConst(v.values[i]!));
      return d;
    }
    case Kind.StopIteration:
      return stopIterationType;
    default:
      throw new InternalError(`marshal value of kind ${Kind[(v as PyValue).kind]} cannot be converted`);
  }
}
