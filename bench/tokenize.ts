// Tokenizing the whole 3.11 stdlib in memory: tspyc's port of Lib/tokenize.py beside CPython 3.11
// running tokenize.tokenize itself, same files, file reading excluded, best of N rounds each.
//   npx tsx bench/tokenize.ts [--rounds 3]
import { readFileSync } from 'node:fs';
// The built package, as users run it (npm ci / npm run build first).
import { tokenizeBytes } from '../packages/compiler/dist/index.js';
import { stdlibFiles } from '../tools/corpus.js';
import { runPython } from '../tools/oracles.js';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 3;
const files = stdlibFiles('3.11');
const datas = files.map((f) => new Uint8Array(readFileSync(f)));

let best = Infinity;
let tokens = 0;
for (let r = 0; r < rounds + 1; r++) {
  tokens = 0;
  const t0 = performance.now();
  for (const d of datas) {
    try {
      tokens += tokenizeBytes(d, null).length;
    } catch {
      // the deliberately broken test inputs fail as they do in CPython
    }
  }
  const dt = (performance.now() - t0) / 1000;
  if (r > 0) best = Math.min(best, dt);
}
const py = JSON.parse(runPython('3.11', ['tools/oracle/bench_tokenize.py', String(rounds)], { input: files.join('\n') + '\n' }).stdout) as {
  seconds: number;
  bytes: number;
};
const mb = py.bytes / 2 ** 20;
console.log(`tokenize (Lib/tokenize.py semantics), ${files.length} files of the 3.11 stdlib (${mb.toFixed(1)} MB, ${tokens} tokens), best of ${rounds}:`);
console.log(`  tspyc      ${best.toFixed(2)} s  (${(mb / best).toFixed(1)} MB/s)`);
console.log(`  CPython    ${py.seconds.toFixed(2)} s  (${(mb / py.seconds).toFixed(1)} MB/s)`);
console.log(`  speed-up   ${(py.seconds / best).toFixed(1)}x`);
