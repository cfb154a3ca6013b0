import { readFileSync } from 'node:fs';
import { compileSource } from '@tspyc/compiler';
import { oracleCode } from '/work/main/tools/codegen-oracle.ts';
const f = process.argv[2]!;
const a = compileSource(readFileSync(f), f).code.value;
const b = oracleCode([f]).get(f)!.code!.code.value;
for (let i = 0; i < Math.max(a.length, b.length); i += 2) if (a[i] !== b[i] || a[i + 1] !== b[i + 1]) { console.log(i, a.slice(i - 4, i + 6), b.slice(i - 4, i + 6)); break; }
console.log(a.length, b.length);
