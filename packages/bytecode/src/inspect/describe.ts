// A plain, JSON-ready description of a pyc: the header and every field of every code object.
// This is the model behind `tspyc inspect` (text and --json); it has no CPython counterpart
// (xdis and pycdas are the tools people compare it with).
import { CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN, CO_FAST_LOCAL, CodeLayout, type CodeObject } from '../code-object.js';
import { pyRepr, type ReprOptions } from '../dis/index.js';
import { decodeExceptionTable } from '../exception-table/index.js';
import { decodeLocationTable, findLineStarts, LineTableError } from '../linetable/index.js';
import { opcodeTable } from '../opcodes/index.js';
import type { Pyc } from '../pyc/index.js';
import type { Target } from '../target.js';
import { Kind, type PyValue } from '../values.js';

export interface HeaderDescription {
  magic: number;
  magicHex: string;
  version: string;
  flags: number;
  kind: 'timestamp' | 'unchecked-hash' | 'checked-hash';
  /** timestamp pycs */
  mtime?: number;
  mtimeIso?: string;
  size?: number | null;
  /** hash-based pycs */
  sourceHash?: string;
  checkSource?: boolean;
}

export interface ConstDescription {
  type: string;
  repr: string;
}

export interface CodeDescription {
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  nlocals: number;
  stacksize: number;
  flags: number;
  flagNames: string[];
  names: string[];
  /** 3.11+: every local, cell and free variable with its kinds */
  localsplus?: { name: string; kinds: string[] }[];
  /** before 3.11 */
  varnames?: string[];
  cellvars?: string[];
  freevars?: string[];
  consts: (ConstDescription | { type: 'code'; code: CodeDescription })[];
  codeHex: string;
  /** 3.11+: one entry per location-table run (start/end in code units) */
  locations?: { start: number; end: number; line: number | null; endLine: number | null; col: number | null; endCol: number | null }[];
  /** where each source line starts (byte offset, line) */
  lineStarts: [number, number | null][];
  linetableHex: string;
  exceptionTable?: { start: number; end: number; target: number; depth: number; lasti: boolean }[];
  exceptionTableHex?: string;
}

export interface PycDescription {
  header: HeaderDescription;
  code: CodeDescription;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function describeHeader(pyc: Pyc): HeaderDescription {
  const { target, header } = pyc;
  const base = {
    magic: target.magic,
    magicHex: hex(target.magicBytes),
    version: target.version,
    flags: header.flags,
  };
  if (header.kind === 'hash') {
    return {
      ...base,
      kind: header.checkSource ? 'checked-hash' : 'unchecked-hash',
      sourceHash: hex(header.hash),
      checkSource: header.checkSource,
    };
  }
  return {
    ...base,
    kind: 'timestamp',
    mtime: header.mtime,
    mtimeIso: new Date(header.mtime * 1000).toISOString(),
    size: header.size,
  };
}

function flagNames(flags: number, target: Target): string[] {
  const names = opcodeTable(target).facts.COMPILER_FLAG_NAMES ?? {};
  const out: string[] = [];
  for (let bit = 0; bit < 32; bit++) {
    const mask = 2 ** bit;
    if (flags & mask) out.push(names[String(mask)] ?? `0x${mask.toString(16)}`);
  }
  return out;
}

function kindNames(k: number): string[] {
  const out: string[] = [];
  if (k & CO_FAST_LOCAL) out.push('local');
  if (k & CO_FAST_CELL) out.push('cell');
  if (k & CO_FAST_FREE) out.push('free');
  if (k & CO_FAST_HIDDEN) out.push('hidden');
  const rest = k & ~(CO_FAST_LOCAL | CO_FAST_CELL | CO_FAST_FREE | CO_FAST_HIDDEN);
  if (rest) out.push(`0x${rest.toString(16)}`);
  return out;
}

function typeName(v: PyValue): string {
  return ['NoneType', 'bool', 'ellipsis', 'type', 'int', 'float', 'complex', 'str', 'bytes', 'tuple', 'list', 'dict', 'set', 'frozenset', 'code'][v.kind]!;
}

export function describeCode(co: CodeObject, target: Target, repr: ReprOptions = {}): CodeDescription {
  const modern = co.layout >= CodeLayout.Py311;
  const d: CodeDescription = {
    name: co.coName,
    qualname: co.coQualname,
    filename: co.coFilename,
    firstlineno: co.firstlineno,
    argcount: co.argcount,
    posonlyargcount: co.posonlyargcount,
    kwonlyargcount: co.kwonlyargcount,
    nlocals: co.nlocals,
    stacksize: co.stacksize,
    flags: co.flags,
    flagNames: flagNames(co.flags, target),
    names: co.coNames,
    consts: co.consts.items.map((c) =>
      c.kind === Kind.Code ? { type: 'code' as const, code: describeCode(c, target, repr) } : { type: typeName(c), repr: pyRepr(c, { target, ...repr }) },
    ),
    codeHex: hex(co.code.value),
    lineStarts: safe(() => findLineStarts(co, target.minor >= 12, target.minor >= 13), []),
    linetableHex: hex(co.linetable.value),
  };
  if (modern) {
    const kinds = co.localspluskinds!.value;
    d.localsplus = co.localsplusnames!.items.map((n, i) => ({ name: n.kind === Kind.Str ? n.value : '?', kinds: kindNames(kinds[i]!) }));
    d.locations = safe(
      () =>
        decodeLocationTable(co.linetable.value, co.firstlineno).map((e) => ({
          start: e.start,
          end: e.start + e.units,
          line: e.line,
          endLine: e.endLine,
          col: e.col,
          endCol: e.endCol,
        })),
      [],
    );
    d.exceptionTable = safe(() => decodeExceptionTable(co.exceptiontable!.value), []);
    d.exceptionTableHex = hex(co.exceptiontable!.value);
  } else {
    d.varnames = co.coVarnames;
    d.cellvars = co.coCellvars;
    d.freevars = co.coFreevars;
  }
  return d;
}

/** A corrupt table is shown as its hex only; the decoded form is then empty. */
function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof LineTableError || (err instanceof Error && err.name === 'ExceptionTableError')) return fallback;
    throw err;
  }
}

export function describePyc(pyc: Pyc, repr: ReprOptions = {}): PycDescription {
  return { header: describeHeader(pyc), code: describeCode(pyc.code, pyc.target, repr) };
}
