// Parsing the whole 3.11 stdlib in memory into an AST: tspyc's tokenizer alone, tspyc's parser, and
// CPython 3.11's ast.parse over the same files in one run, file reading excluded, best of N rounds.
//   npx tsx bench/parse.ts [--rounds 3]
import { readFileSync } from 'node:fs';
// The built package, as users run it (npm ci / npm run build first).
import { parse, PySyntaxError, Tokenizer } from '../packages/compiler/dist/index.js';
import { stdlibFiles } from '../tools/corpus.js';
import { runPython } from '../tools/oracles.js';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 3;
const files = stdlibFiles('3.11');
const datas = files.map((f) => new Uint8Array(readFileSync(f)));
const texts = datas.map((d) => new TextDecoder().decode(d).replace(/\r\n?/g, '\n'));

/** best of N wall-clock rounds after a warm-up */
function best(fn: () => void): number {
  let b = Infinity;
  for (let r = 0; r < rounds + 1; r++) {
    const t0 = performance.now();
    fn();
    const dt = (performance.now() - t0) / 1000;
    if (r > 0) b = Math.min(b, dt);
  }
  return b;
}

let tokens = 0;
const tokenizeSeconds = best(() => {
  tokens = 0;
  for (const t of texts) {
    const tok = new Tokenizer(t, '<bench>', { typeComments: false });
    try {
      while (tok.next().type !== 0) tokens++;
    } catch {
      // deliberately broken test inputs
    }
  }
});
let rejected = 0;
const parseSeconds = best(() => {
  rejected = 0;
  for (const d of datas) {
    try {
      parse(d);
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      rejected++;
    }
  }
});
const peakMb = process.resourceUsage().maxRSS / 1024;
const py = JSON.parse(runPython('3.11', ['tools/oracle/bench_parse.py', String(rounds)], { input: files.join('\n') + '\n' }).stdout) as {
  seconds: number;
  bytes: number;
  peak_kb: number;
};
const mb = py.bytes / 2 ** 20;
console.log(`parse, ${files.length} files of the 3.11 stdlib (${mb.toFixed(1)} MB, ${tokens} tokens, ${rejected} rejected by both), best of ${rounds}:`);
console.log(`  tspyc tokenizer     ${tokenizeSeconds.toFixed(2)} s  (${(mb / tokenizeSeconds).toFixed(1)} MB/s)`);
console.log(`  tspyc parse → AST   ${parseSeconds.toFixed(2)} s  (${(mb / parseSeconds).toFixed(1)} MB/s), peak RSS ${peakMb.toFixed(0)} MB`);
console.log(`  CPython ast.parse   ${py.seconds.toFixed(2)} s  (${(mb / py.seconds).toFixed(1)} MB/s), peak RSS ${(py.peak_kb / 1024).toFixed(0)} MB`);
console.log(`  ratio               ${(parseSeconds / py.seconds).toFixed(2)}x CPython's time`);
