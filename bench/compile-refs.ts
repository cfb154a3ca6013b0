// canonicalizeRefs alone, over code objects compiled once beforehand: the CPU time of each round
// over the same trees (the model only reads its input), and the best of N.
//   npx tsx bench/compile-refs.ts [--rounds 8] [--limit N]
import { readFileSync } from 'node:fs';
import { canonicalizeRefs, targetForVersion, type CodeObject } from '@tspyc/bytecode';
import { parse } from '../packages/compiler/dist/index.js';
import { codegenModule } from '../packages/compiler/dist/codegen/index.js';
import { stdlibFiles } from '../tools/corpus.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg('--rounds') ?? 8);
const limit = Number(arg('--limit') ?? Infinity);
const target = targetForVersion('3.11')!;
const trees: CodeObject[] = [];
for (const f of stdlibFiles('3.11').slice(0, limit)) {
  const source = new Uint8Array(readFileSync(f));
  try {
    trees.push(codegenModule(parse(source, { filename: f, mode: 'exec', target }), { filename: f, optimize: 0, target, source }));
  } catch {
    /* a file that does not compile */
  }
}
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let best = Infinity;
for (let r = 0; r < rounds; r++) {
  const t0 = cpuMs();
  for (const co of trees) canonicalizeRefs(co, { target });
  const t = cpuMs() - t0;
  best = Math.min(best, t);
  console.log(`round ${r}: ${trees.length} trees  refs ${t.toFixed(0)} ms`);
}
console.log(`best of ${rounds}: refs ${best.toFixed(0)} ms`);
