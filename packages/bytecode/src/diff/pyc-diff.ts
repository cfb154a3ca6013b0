// Why two pycs differ: the header first (magic, flags, mtime/size or hash), then the first code
// object (depth first, in co_consts order) whose fields differ, field by field in a fixed order,
// each explained in its own terms (instructions, constants, positions, handler ranges); when every
// field is equal and the bytes are not, the marshal encoding differs (reference flags or type
// codes). Built for `tspyc diff` and for comparing tspyc's output with CPython's.
import type { CodeObject } from '../code-object.js';
import { CodeLayout } from '../code-object.js';
import { pyRepr } from '../dis/repr.js';
import { getInstructions, type Instruction } from '../dis/instruction.js';
import { decodeExceptionTable, type ExceptionTableEntry } from '../exception-table/exception-table.js';
import { positions } from '../linetable/positions.js';
import { coLines } from '../linetable/line-starts.js';
import { readPyc, type Pyc } from '../pyc/pyc-file.js';
import type { PycHeader } from '../pyc/header.js';
import type { Target } from '../target.js';
import { Kind, type PyValue } from '../values.js';

export type DiffField =
  | 'magic'
  | 'flags'
  | 'mtime'
  | 'size'
  | 'hash'
  | 'check_source'
  | 'co_argcount'
  | 'co_posonlyargcount'
  | 'co_kwonlyargcount'
  | 'co_nlocals'
  | 'co_stacksize'
  | 'co_flags'
  | 'co_code'
  | 'co_consts'
  | 'co_names'
  | 'co_localsplusnames'
  | 'co_localspluskinds'
  | 'co_varnames'
  | 'co_freevars'
  | 'co_cellvars'
  | 'co_filename'
  | 'co_name'
  | 'co_qualname'
  | 'co_firstlineno'
  | 'co_linetable'
  | 'co_exceptiontable'
  | 'reference flags'
  | 'marshal encoding';

export interface HeaderDifference {
  field: DiffField;
  a: string;
  b: string;
}

export interface CodeDifference {
  /** qualified name of the code object (co_qualname, or the path of co_names before 3.11) */
  qualname: string;
  /** its place in the tree: indices into co_consts from the module down */
  path: number[];
  field: DiffField;
  /** a one-line account of the difference */
  detail: string;
  /** for co_code: a side-by-side disassembly around the first differing instruction */
  context?: string[];
}

export interface PycDiff {
  identical: boolean;
  versions: [string, string];
  header: HeaderDifference[];
  /** the first differing code object and field, or null */
  code: CodeDifference | null;
}

function headerFields(h: PycHeader): Partial<Record<DiffField, string>> {
  const flags = `${h.flags} (${h.kind === 'timestamp' ? 'timestamp' : h.checkSource ? 'checked-hash' : 'unchecked-hash'})`;
  if (h.kind === 'timestamp') return { flags, mtime: String(h.mtime), size: h.size === null ? 'none' : String(h.size) };
  return { flags, hash: Array.from(h.hash, (b) => b.toString(16).padStart(2, '0')).join(''), check_source: String(h.checkSource) };
}

function strOf(v: PyValue | null): string {
  if (v === null) return 'None';
  if (v.kind === Kind.Str) return v.value;
  return pyRepr(v);
}

function tupleRepr(t: { items: PyValue[] } | null, target: Target): string {
  return t === null ? 'None' : `(${t.items.map((x) => (x.kind === Kind.Code ? '<code>' : pyRepr(x, { target }))).join(', ')}${t.items.length === 1 ? ',' : ''})`;
}

function firstDifference<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!same(a[i]!, b[i]!)) return i;
  return a.length === b.length ? -1 : n;
}

function bytesEqual(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function instructionText(i: Instruction): string {
  return `${String(i.offset).padStart(4)} ${i.opname}${i.arg !== null ? ` ${i.arg}` : ''}${i.argrepr ? ` (${i.argrepr})` : ''}`;
}

/** side-by-side instructions around the first differing one */
function codeContext(a: CodeObject, b: CodeObject, target: Target): { detail: string; context: string[] } {
  let ia: Instruction[];
  let ib: Instruction[];
  try {
    ia = getInstructions(a, target);
    ib = getInstructions(b, target);
  } catch {
    const at = firstDifference(Array.from(a.code.value), Array.from(b.code.value), (x, y) => x === y);
    return { detail: `co_code differs at byte ${at}`, context: [] };
  }
  const at = firstDifference(ia, ib, (x, y) => x.offset === y.offset && x.opcode === y.opcode && x.arg === y.arg && x.argrepr === y.argrepr);
  const offset = (ia[at] ?? ib[at])?.offset ?? 0;
  const from = Math.max(0, at - 3);
  const to = Math.min(Math.max(ia.length, ib.length), at + 4);
  const width = Math.max(24, ...ia.slice(from, to).map((i) => instructionText(i).length));
  const context: string[] = [`${'A'.padEnd(width)} | B`];
  for (let k = from; k < to; k++) {
    const l = ia[k] ? instructionText(ia[k]!) : '';
    const r = ib[k] ? instructionText(ib[k]!) : '';
    context.push(`${l.padEnd(width)} ${k === at ? '>' : '|'} ${r}`);
  }
  const what = ia[at] && ib[at] ? `${ia[at]!.opname} vs ${ib[at]!.opname}` : ia[at] ? 'B ends first' : 'A ends first';
  return { detail: `co_code differs at offset ${offset} (instruction ${at}: ${what}; ${ia.length} vs ${ib.length} instructions)`, context };
}

function positionText(p: { line: number | null; endLine: number | null; col: number | null; endCol: number | null }): string {
  return `(${p.line ?? 'None'}, ${p.endLine ?? 'None'}, ${p.col ?? 'None'}, ${p.endCol ?? 'None'})`;
}

function entryText(e: ExceptionTableEntry | undefined): string {
  return e ? `${e.start * 2} to ${e.end * 2} -> ${e.target * 2} [${e.depth}]${e.lasti ? ' lasti' : ''}` : 'none';
}

/** compare one pair of code objects (not their nested code), or null when equal */
function compareCode(a: CodeObject, b: CodeObject, target: Target): { field: DiffField; detail: string; context?: string[] } | null {
  const ints: [DiffField, keyof CodeObject][] = [
    ['co_argcount', 'argcount'],
    ['co_posonlyargcount', 'posonlyargcount'],
    ['co_kwonlyargcount', 'kwonlyargcount'],
    ['co_nlocals', 'nlocals'],
    ['co_stacksize', 'stacksize'],
    ['co_flags', 'flags'],
  ];
  for (const [field, key] of ints) {
    if (a[key] !== b[key]) {
      const fmt = (v: unknown) => (field === 'co_flags' ? `0x${(v as number).toString(16)}` : String(v));
      return { field, detail: `${field} ${fmt(a[key])} vs ${fmt(b[key])}` };
    }
  }
  if (!bytesEqual(a.code.value, b.code.value)) {
    const c = codeContext(a, b, target);
    return { field: 'co_code', detail: c.detail, context: c.context };
  }
  const consts = firstDifference(a.consts.items, b.consts.items, (x, y) => (x.kind === Kind.Code && y.kind === Kind.Code) || pyRepr(x, { target }) === pyRepr(y, { target }));
  if (consts >= 0) {
    const show = (v: PyValue | undefined) => (v === undefined ? 'nothing' : v.kind === Kind.Code ? '<code>' : pyRepr(v, { target }));
    return { field: 'co_consts', detail: `co_consts[${consts}]: ${show(a.consts.items[consts])} vs ${show(b.consts.items[consts])} (${a.consts.items.length} vs ${b.consts.items.length} constants)` };
  }
  const tuples: [DiffField, 'names' | 'localsplusnames' | 'varnames' | 'freevars' | 'cellvars'][] = [
    ['co_names', 'names'],
    ['co_localsplusnames', 'localsplusnames'],
    ['co_varnames', 'varnames'],
    ['co_freevars', 'freevars'],
    ['co_cellvars', 'cellvars'],
  ];
  for (const [field, key] of tuples) {
    const ta = a[key];
    const tb = b[key];
    if (tupleRepr(ta, target) !== tupleRepr(tb, target)) return { field, detail: `${field} ${tupleRepr(ta, target)} vs ${tupleRepr(tb, target)}` };
  }
  if (!bytesEqual(a.localspluskinds?.value ?? null, b.localspluskinds?.value ?? null)) {
    const hex = (x: Uint8Array | undefined) => (x ? Array.from(x, (v) => v.toString(16).padStart(2, '0')).join(' ') : 'None');
    return { field: 'co_localspluskinds', detail: `co_localspluskinds ${hex(a.localspluskinds?.value)} vs ${hex(b.localspluskinds?.value)}` };
  }
  for (const [field, key] of [
    ['co_filename', 'filename'],
    ['co_name', 'name'],
    ['co_qualname', 'qualname'],
  ] as const) {
    if (strOf(a[key]) !== strOf(b[key])) return { field, detail: `${field} ${JSON.stringify(strOf(a[key]))} vs ${JSON.stringify(strOf(b[key]))}` };
  }
  if (a.firstlineno !== b.firstlineno) return { field: 'co_firstlineno', detail: `co_firstlineno ${a.firstlineno} vs ${b.firstlineno}` };
  if (!bytesEqual(a.linetable.value, b.linetable.value)) {
    if (a.layout === CodeLayout.Py311 && b.layout === CodeLayout.Py311) {
      const units = a.code.value.length / 2;
      const pa = positions(a.linetable.value, a.firstlineno, units);
      const pb = positions(b.linetable.value, b.firstlineno, units);
      const i = firstDifference(pa, pb, (x, y) => x.line === y.line && x.endLine === y.endLine && x.col === y.col && x.endCol === y.endCol);
      if (i >= 0) return { field: 'co_linetable', detail: `co_positions() at offset ${i * 2}: ${positionText(pa[i]!)} vs ${positionText(pb[i]!)}` };
      return { field: 'co_linetable', detail: 'co_linetable bytes differ, co_positions() are the same (a different encoding of the same table)' };
    }
    const la = coLines(a, false);
    const lb = coLines(b, false);
    const i = firstDifference(la, lb, (x, y) => JSON.stringify(x) === JSON.stringify(y));
    return { field: 'co_linetable', detail: i >= 0 ? `co_lines() entry ${i}: ${JSON.stringify(la[i] ?? null)} vs ${JSON.stringify(lb[i] ?? null)}` : 'line table bytes differ, co_lines() are the same' };
  }
  if (!bytesEqual(a.exceptiontable?.value ?? null, b.exceptiontable?.value ?? null)) {
    const ea = decodeExceptionTable(a.exceptiontable?.value ?? new Uint8Array(0));
    const eb = decodeExceptionTable(b.exceptiontable?.value ?? new Uint8Array(0));
    const i = firstDifference(ea, eb, (x, y) => x.start === y.start && x.end === y.end && x.target === y.target && x.depth === y.depth && x.lasti === y.lasti);
    return { field: 'co_exceptiontable', detail: `exception table entry ${i}: ${entryText(ea[i])} vs ${entryText(eb[i])}` };
  }
  return null;
}

function qualnameOf(co: CodeObject, parents: string[]): string {
  if (co.qualname) return co.qualname.value;
  return [...parents, co.coName].join('.');
}

function walk(a: CodeObject, b: CodeObject, target: Target, path: number[], parents: string[]): CodeDifference | null {
  const here = compareCode(a, b, target);
  const qualname = qualnameOf(a, parents);
  if (here) return { qualname, path, ...here };
  const na = a.consts.items;
  const nb = b.consts.items;
  for (let i = 0; i < na.length; i++) {
    const x = na[i]!;
    const y = nb[i]!;
    if (x.kind === Kind.Code && y.kind === Kind.Code) {
      const d = walk(x, y, target, [...path, i], [...parents, a.coName]);
      if (d) return d;
    }
  }
  return null;
}

/** the first differing code object (depth first) and field between two code-object trees */
export function diffCode(a: CodeObject, b: CodeObject, target: Target): CodeDifference | null {
  return walk(a, b, target, [], []);
}

/** the first value (depth first) whose FLAG_REF differs, as a path */
function refDifference(a: PyValue, b: PyValue, where: string): string | null {
  const ra = (a as { ref?: boolean }).ref ?? false;
  const rb = (b as { ref?: boolean }).ref ?? false;
  if (ra !== rb) return `${where}: FLAG_REF ${ra ? 'set' : 'clear'} vs ${rb ? 'set' : 'clear'}`;
  if (a.kind === Kind.Code && b.kind === Kind.Code) {
    const fields = ['code', 'consts', 'names', 'localsplusnames', 'localspluskinds', 'varnames', 'freevars', 'cellvars', 'filename', 'name', 'qualname', 'linetable', 'exceptiontable'] as const;
    for (const f of fields) {
      const x = a[f];
      const y = b[f];
      if (x && y) {
        const d = refDifference(x, y, `${where}.co_${f}`);
        if (d) return d;
      }
    }
  }
  if ((a.kind === Kind.Tuple || a.kind === Kind.List || a.kind === Kind.Set || a.kind === Kind.FrozenSet) && a.kind === b.kind) {
    const xs = (a as { items: PyValue[] }).items;
    const ys = (b as { items: PyValue[] }).items;
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
      const d = refDifference(xs[i]!, ys[i]!, `${where}[${i}]`);
      if (d) return d;
    }
  }
  return null;
}

export function diffPycs(a: Pyc, b: Pyc, bytesA: Uint8Array, bytesB: Uint8Array): PycDiff {
  const out: PycDiff = { identical: bytesEqual(bytesA, bytesB), versions: [a.target.version, b.target.version], header: [], code: null };
  if (out.identical) return out;
  if (a.target.magic !== b.target.magic) {
    out.header.push({ field: 'magic', a: `${a.target.magic} (${a.target.version})`, b: `${b.target.magic} (${b.target.version})` });
    return out;
  }
  const ha = headerFields(a.header);
  const hb = headerFields(b.header);
  for (const f of ['flags', 'mtime', 'size', 'hash', 'check_source'] as const) {
    if (ha[f] !== hb[f] && (ha[f] !== undefined || hb[f] !== undefined)) out.header.push({ field: f, a: ha[f] ?? '-', b: hb[f] ?? '-' });
  }
  out.code = walk(a.code, b.code, a.target, [], []);
  if (out.code === null) {
    const headerLength = a.target.headerSize;
    const bodyA = bytesA.subarray(headerLength);
    const bodyB = bytesB.subarray(headerLength);
    if (!bytesEqual(bodyA, bodyB)) {
      const ref = refDifference(a.code, b.code, '<module>');
      out.code = ref
        ? { qualname: '<module>', path: [], field: 'reference flags', detail: `only marshal reference flags differ; first at ${ref}` }
        : { qualname: '<module>', path: [], field: 'marshal encoding', detail: 'the same values, marshalled with different type codes (e.g. interned or short-string forms)' };
    }
  }
  return out;
}

/** read both files' bytes (PycError for an unreadable one) and compare */
export function diffPycBytes(bytesA: Uint8Array, bytesB: Uint8Array): PycDiff {
  return diffPycs(readPyc(bytesA), readPyc(bytesB), bytesA, bytesB);
}
