// dis.dis(code) text for 3.11, 3.12 and 3.13, byte for byte.
// CPython counterpart: Lib/dis.py (_disassemble_recursive, _disassemble_bytes,
// Instruction._disassemble in 3.11/3.12; Formatter and labels in 3.13).
import type { CodeObject } from '../code-object.js';
import { decodeExceptionTable, ExceptionTableError } from '../exception-table/index.js';
import { findLineStarts, LineTableError } from '../linetable/index.js';
import { opcodeTable } from '../opcodes/index.js';
import type { Target } from '../target.js';
import { findLabels, getInstructions } from './instruction.js';
import { codeRepr, type ReprOptions } from './repr.js';

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;
const NO_LINENO = '  --';

export class DisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DisError';
  }
}

/** The text `dis.dis(co)` prints under `target` (3.11+), nested code objects included. */
export function disassemble(co: CodeObject, target: Target, reprOptions: ReprOptions = {}): string {
  const repr: ReprOptions = { target, ...reprOptions };
  if (target.major !== 3 || target.minor < 11) {
    throw new DisError(`disassembly is implemented for 3.11-3.13 code objects, not ${target.version}`);
  }
  const lines: string[] = [];
  try {
    recurseInto(co, target, repr, lines);
  } catch (err) {
    // A pyc can be well-formed marshal data and still hold a garbled table.
    if (err instanceof LineTableError || err instanceof ExceptionTableError) throw new DisError(err.message);
    throw err;
  }
  return lines.join('\n') + '\n';
}

function recurseInto(co: CodeObject, target: Target, repr: ReprOptions, lines: string[]): void {
  const recurse = (c: CodeObject): void => {
    disassembleOne(c, target, repr, lines);
    for (const nested of c.nestedCode) {
      lines.push('');
      lines.push(`Disassembly of ${codeRepr(nested, repr)}:`);
      recurse(nested);
    }
  };
  recurse(co);
}

function disassembleOne(co: CodeObject, target: Target, repr: ReprOptions, out: string[]): void {
  if (target.minor >= 13) disassemble313(co, target, repr, out);
  else disassemble311(co, target, repr, out);
}

/** dis._parse_exception_table: the entries with byte offsets (the table counts code units). */
function exceptionEntries(co: CodeObject): { start: number; end: number; target: number; depth: number; lasti: boolean }[] {
  return decodeExceptionTable(co.exceptiontable!.value).map((e) => ({
    start: e.start * 2,
    end: e.end * 2,
    target: e.target * 2,
    depth: e.depth,
    lasti: e.lasti,
  }));
}

/** 3.11 and 3.12: line column, `>>` for jump targets, byte offsets, `(to N)`. */
function disassemble311(co: CodeObject, target: Target, repr: ReprOptions, out: string[]): void {
  const table = opcodeTable(target);
  const code = co.code.value;
  const linestarts = new Map(findLineStarts(co, target.minor >= 12) as [number, number][]);
  const entries = exceptionEntries(co);
  const labels = new Set(findLabels(code, table, target.minor));
  for (const e of entries) if (e.end > e.start) labels.add(e.target);

  let linenoWidth = 0;
  if (linestarts.size) {
    let maxLine = 0;
    for (const l of linestarts.values()) if (l > maxLine) maxLine = l;
    linenoWidth = maxLine >= 1000 ? String(maxLine).length : 3;
  }
  const maxOffset = code.length - 2;
  const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;

  for (const ins of getInstructions(co, target, repr)) {
    const startsLine = linestarts.get(ins.offset);
    if (linenoWidth && startsLine !== undefined && ins.offset > 0) out.push('');
    const fields: string[] = [];
    if (linenoWidth) fields.push(startsLine !== undefined ? String(startsLine).padStart(linenoWidth) : ' '.repeat(linenoWidth));
    fields.push('   ');
    fields.push(labels.has(ins.offset) ? '>>' : '  ');
    fields.push(String(ins.offset).padStart(offsetWidth));
    fields.push(ins.opname.padEnd(OPNAME_WIDTH));
    if (ins.arg !== null) {
      fields.push(String(ins.arg).padStart(OPARG_WIDTH));
      if (ins.argrepr) fields.push(`(${ins.argrepr})`);
    }
    out.push(fields.join(' ').trimEnd());
  }
  if (entries.length) {
    out.push('ExceptionTable:');
    for (const e of entries) out.push(`  ${e.start} to ${e.end - 2} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
  }
}

/** 3.13: labels `L1:` instead of offsets, `--` for instructions without a line. */
function disassemble313(co: CodeObject, target: Target, repr: ReprOptions, out: string[]): void {
  const table = opcodeTable(target);
  const code = co.code.value;
  const starts = new Map(findLineStarts(co, true, true));
  const entries = exceptionEntries(co);
  const labelSet = new Set(findLabels(code, table, target.minor));
  for (const e of entries) {
    labelSet.add(e.start);
    labelSet.add(e.end);
    labelSet.add(e.target);
  }
  const sorted = [...labelSet].sort((a, b) => a - b);
  const labelOf = new Map(sorted.map((offset, i) => [offset, i + 1]));
  const labelWidth = 4 + String(labelOf.size).length;

  // _get_lineno_width
  let linenoWidth = 0;
  // max(filter(None, linestarts.values())): line 0 and None do not count.
  let maxLine = -1;
  let anyNone = false;
  for (const l of starts.values()) {
    if (l === null) anyNone = true;
    else if (l !== 0 && l > maxLine) maxLine = l;
  }
  if (maxLine !== -1) {
    linenoWidth = Math.max(3, String(maxLine).length);
    if (linenoWidth < NO_LINENO.length && anyNone) linenoWidth = NO_LINENO.length;
  }

  for (const ins of getInstructions(co, target, repr, (o) => labelOf.get(o))) {
    const startsLine = starts.has(ins.offset);
    const line = starts.get(ins.offset);
    if (linenoWidth > 0 && startsLine && ins.offset > 0) out.push('');
    const fields: string[] = [];
    if (linenoWidth) {
      if (startsLine) fields.push(line === null || line === undefined ? NO_LINENO.padStart(linenoWidth) : String(line).padStart(linenoWidth));
      else fields.push(' '.repeat(linenoWidth));
    }
    const label = labelOf.get(ins.offset);
    fields.push(label !== undefined ? `L${label}:`.padStart(labelWidth) : ' '.repeat(labelWidth));
    fields.push('   ');
    fields.push(ins.opname.padEnd(OPNAME_WIDTH));
    if (ins.arg !== null) {
      const excess = Math.max(0, ins.opname.length - OPNAME_WIDTH);
      fields.push(String(ins.arg).padStart(OPARG_WIDTH - excess));
      if (ins.argrepr) fields.push(`(${ins.argrepr})`);
    }
    out.push(fields.join(' ').trimEnd());
  }
  if (entries.length) {
    out.push('ExceptionTable:');
    for (const e of entries) {
      out.push(`  L${labelOf.get(e.start)} to L${labelOf.get(e.end)} -> L${labelOf.get(e.target)} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
  }
}
