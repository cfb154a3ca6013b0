// Reading every 3.11 stdlib pyc into CodeObjects: tspyc's marshal reader beside CPython 3.11's
// marshal.loads, on the same bodies, file reading excluded, best of N rounds each.
//   npx tsx bench/marshal.ts [--rounds 10]
import { readFileSync } from 'node:fs';
// The built package, as users run it (npm ci / npm run build first).
import { loadsAt } from '../packages/bytecode/dist/index.js';
import { runPython } from '../tools/oracles.js';
import { stdlibPycs } from '../tools/pyc-corpus.js';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 10;
const files = stdlibPycs('3.11').entries.map((e) => e.pyc);
const bodies = files.map((f) => new Uint8Array(readFileSync(f)));

let best = Infinity;
for (let r = 0; r < rounds + 1; r++) {
  const t0 = performance.now();
  for (const b of bodies) loadsAt(b, 16, { aliasInput: true }); // as tspyc reads a pyc it just loaded
  const dt = (performance.now() - t0) / 1000;
  if (r > 0) best = Math.min(best, dt); // the first round warms the JIT up
}
const py = JSON.parse(runPython('3.11', ['tools/oracle/bench_marshal.py', String(rounds)], { input: files.join('\n') + '\n' }).stdout) as {
  seconds: number;
  bytes: number;
};
const mb = py.bytes / 2 ** 20;
console.log(`marshal read, ${files.length} pycs of the 3.11 stdlib (${mb.toFixed(1)} MB), best of ${rounds}:`);
console.log(`  tspyc      ${(best * 1000).toFixed(0)} ms  (${(mb / best).toFixed(0)} MB/s)`);
console.log(`  CPython    ${(py.seconds * 1000).toFixed(0)} ms  (${(mb / py.seconds).toFixed(0)} MB/s)`);
console.log(`  ratio      ${(best / py.seconds).toFixed(2)}x CPython's time (acceptance: at most 1.5x)`);
