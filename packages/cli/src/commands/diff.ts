// `tspyc diff A.pyc B.pyc [--json]`: why two pycs differ — the header, then the first differing
// code object by qualname and field, explained in that field's terms. Exit 0 when the files are
// identical, 1 when they differ, 2 when one cannot be read (as diff(1)).
import type { Command } from 'commander';
import { diffPycs, type PycDiff } from '@tspyc/bytecode';
import { CliError } from '../errors.js';
import { readInputFile, readPycFile } from '../pyc-input.js';

export function formatDiff(d: PycDiff, nameA: string, nameB: string): string {
  if (d.identical) return `${nameA} and ${nameB} are identical\n`;
  const lines: string[] = [`--- ${nameA} (CPython ${d.versions[0]})`, `+++ ${nameB} (CPython ${d.versions[1]})`];
  if (d.header.length === 0) lines.push('header: identical');
  for (const h of d.header) lines.push(`header ${h.field}: ${h.a} vs ${h.b}`);
  if (d.code) {
    const where = d.code.path.length ? ` (co_consts path ${d.code.path.join('.')})` : '';
    lines.push(`code ${d.code.qualname}${where}: ${d.code.field}: ${d.code.detail}`);
    for (const c of d.code.context ?? []) lines.push(`    ${c}`);
  } else if (d.header.length && d.header[0]!.field !== 'magic') lines.push('code: identical');
  return lines.join('\n') + '\n';
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('explain why two .pyc files differ (header, then the first differing code object and field)')
    .argument('<a>', 'a .pyc file')
    .argument('<b>', 'another .pyc file')
    .option('--json', 'print the result as one JSON document')
    .action((a: string, b: string, opts: { json?: boolean }) => {
      let d: PycDiff;
      try {
        const pa = readPycFile(a);
        const pb = readPycFile(b);
        d = diffPycs(pa, pb, readInputFile(a), readInputFile(b));
      } catch (err) {
        if (err instanceof CliError) throw new CliError(err.message, 2);
        throw err;
      }
      process.stdout.write(opts.json ? JSON.stringify({ a, b, ...d }, null, 2) + '\n' : formatDiff(d, a, b));
      process.exitCode = d.identical ? 0 : 1;
    });
}
