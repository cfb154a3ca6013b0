// Compare our compiler's code objects with python3.11's for files or directories:
//   npx tsx tools/codegen-compare.ts [-O N] [--limit N] [--show N] PATH...
// prints each differing file's first difference, then counts by field.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithOracle, oracleCode } from './codegen-oracle.js';

function pyFiles(path: string, out: string[]): void {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) pyFiles(join(path, name), out);
  } else if (path.endsWith('.py')) out.push(path);
}

const args = process.argv.slice(2);
let optimize: 0 | 1 | 2 = 0;
let limit = Infinity;
let show = 40;
const paths: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '-O') optimize = Number(args[++i]) as 0 | 1 | 2;
  else if (a === '--limit') limit = Number(args[++i]);
  else if (a === '--show') show = Number(args[++i]);
  else pyFiles(a, paths);
}
const files = paths.slice(0, limit);
const oracle = oracleCode(files, optimize);
const counts = new Map<string, number>();
let shown = 0;
for (const f of files) {
  const o = compareWithOracle(f, oracle.get(f)!, optimize);
  const key = o.status === 'different' ? `different: ${o.diff.field}` : o.status;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (o.status === 'identical' || o.status === 'same-error') continue;
  if (shown++ >= show) continue;
  if (o.status === 'different') {
    console.log(`${f}: ${o.diff.qualname} ${o.diff.field}: ${o.diff.detail}`);
    for (const line of o.diff.context ?? []) console.log('    ' + line);
  } else if (o.status === 'error-mismatch') console.log(`${f}: ours ${o.ours} / python3.11 ${o.theirs}`);
  else console.log(`${f}: CRASH ${o.message}`);
}
console.log(`\n${files.length} files`);
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${k}`);
