// `tspyc inspect FILE.pyc [--json]`: the header and every field of every code object, for any
// CPython version tspyc knows (2.7, 3.6–3.13).
//
// --json prints one document: { file, header: HeaderDescription, code: CodeDescription }, the
// types of packages/bytecode/src/inspect/describe.ts (nested code objects appear in `consts` as
// { type: "code", code: {...} }).
import type { Command } from 'commander';
import { describePyc, type CodeDescription, type HeaderDescription } from '@tspyc/bytecode';
import { stableAddresses } from '../code-address.js';
import { readPycFile } from '../pyc-input.js';

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('show the header and every code object field of a .pyc (any CPython 2.7, 3.6-3.13)')
    .argument('<file>', 'a .pyc file')
    .option('--json', 'print one JSON document instead of text')
    .action((file: string, opts: { json?: boolean }) => {
      const pyc = readPycFile(file);
      const d = describePyc(pyc, stableAddresses(pyc.code));
      if (opts.json) process.stdout.write(JSON.stringify({ file, ...d }, null, 2) + '\n');
      else process.stdout.write(formatHeader(file, d.header) + formatCode(d.code, ''));
    });
}

function formatHeader(file: string, h: HeaderDescription): string {
  const lines = [`file: ${file}`, `magic: ${h.magic} (${h.magicHex}) = CPython ${h.version}`];
  lines.push(`flags: ${h.flags} (${h.kind})`);
  if (h.kind === 'timestamp') {
    lines.push(`mtime: ${h.mtime} (${h.mtimeIso})`);
    if (h.size !== null && h.size !== undefined) lines.push(`source size: ${h.size}`);
  } else {
    lines.push(`source hash: ${h.sourceHash}`, `check_source: ${h.checkSource ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

function formatCode(c: CodeDescription, indent: string): string {
  const i2 = indent + '  ';
  const out: string[] = [];
  out.push(`${indent}code object ${c.qualname} (file "${c.filename}", line ${c.firstlineno})`);
  out.push(`${i2}argcount: ${c.argcount}  posonlyargcount: ${c.posonlyargcount}  kwonlyargcount: ${c.kwonlyargcount}`);
  out.push(`${i2}nlocals: ${c.nlocals}  stacksize: ${c.stacksize}`);
  out.push(`${i2}flags: 0x${c.flags.toString(16).padStart(8, '0')} (${c.flagNames.join(', ')})`);
  out.push(`${i2}name: ${c.name}`);
  out.push(`${i2}names: ${c.names.join(', ') || '-'}`);
  if (c.localsplus) {
    out.push(`${i2}localsplus:${c.localsplus.length ? '' : ' -'}`);
    c.localsplus.forEach((l, i) => out.push(`${i2}  ${i}: ${l.name} (${l.kinds.join(', ')})`));
  } else {
    out.push(`${i2}varnames: ${c.varnames!.join(', ') || '-'}`);
    out.push(`${i2}cellvars: ${c.cellvars!.join(', ') || '-'}`);
    out.push(`${i2}freevars: ${c.freevars!.join(', ') || '-'}`);
  }
  out.push(`${i2}consts:`);
  const nested: CodeDescription[] = [];
  c.consts.forEach((k, i) => {
    if ('code' in k) {
      nested.push(k.code);
      out.push(`${i2}  ${i}: <code object ${k.code.name}, line ${k.code.firstlineno}>`);
    } else out.push(`${i2}  ${i}: ${k.repr}`);
  });
  out.push(`${i2}code (${c.codeHex.length / 2} bytes): ${c.codeHex}`);
  out.push(`${i2}line starts: ${c.lineStarts.map(([o, l]) => `${o}:${l ?? '-'}`).join(' ') || '-'}`);
  if (c.locations) {
    out.push(`${i2}locations (code units: line,end_line,col,end_col):`);
    for (const e of c.locations) {
      out.push(`${i2}  ${e.start}-${e.end}: ${[e.line, e.endLine, e.col, e.endCol].map((x) => x ?? '-').join(',')}`);
    }
  } else {
    out.push(`${i2}linetable: ${c.linetableHex || '-'}`);
  }
  if (c.exceptionTable) {
    out.push(`${i2}exception table (code units):${c.exceptionTable.length ? '' : ' -'}`);
    for (const e of c.exceptionTable) out.push(`${i2}  ${e.start} to ${e.end} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
  }
  let text = out.join('\n') + '\n';
  for (const n of nested) text += formatCode(n, i2);
  return text;
}
