// How much of a `tspyc compile` run is V8 warming up: the whole 3.11 stdlib compiled in memory
// (sources read beforehand, nothing written) several times over in one process, on T compile
// threads that each take every T-th file, as `tspyc compile -jT` shares them. Pass 0 is what a
// fresh `tspyc compile` pays (its threads start cold); the later passes are the same compiler with
// its JIT warm. Beside it, CPython 3.11 doing the same in one process (compile + the pyc's bytes).
//   npx tsx bench/compile-warmup.ts [--threads 1,2] [--passes 3]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { stdlibDir, stdlibFiles } from '../tools/corpus.js';
import { runPython } from '../tools/oracles.js';

const PACKAGES = pathToFileURL(join(import.meta.dirname, '..', 'packages')).href;

async function main(): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const threads = (arg('--threads') ?? '1,2').split(',').map(Number);
  const passes = Number(arg('--passes') ?? 3);
  const files = stdlibFiles('3.11');
  console.log(`compile ${files.length} .py files of the 3.11 stdlib in memory, ${passes} passes (ms per pass; pass 0 = cold JIT):`);
  for (const t of threads) {
    const { times, compiled } = await tspycPasses(files, t, passes);
    console.log(`  tspyc, ${t} thread${t > 1 ? 's' : ' '}        ${row(times)}   cold/warm ${(times[0]! / Math.min(...times.slice(1))).toFixed(2)}, ${compiled} compiled`);
  }
  const py = cpythonPasses(passes);
  console.log(`  python3.11, 1 process  ${row(py.times)}   ${py.compiled} compiled`);
}

const row = (times: number[]): string => times.map((ms) => String(Math.round(ms)).padStart(6)).join('');

/** Wall time of each pass over `files` shared by `t` compile threads, which run each pass together. */
async function tspycPasses(files: string[], t: number, passes: number): Promise<{ times: number[]; compiled: number }> {
  const workers = Array.from({ length: t }, (_, k) => {
    const share = { dist: PACKAGES, files: files.filter((_, i) => i % t === k) };
    // the resource limits `tspyc compile` gives its threads (packages/cli/src/commands/compile-pool.ts)
    return new Worker(COMPILE_THREAD, { eval: true, workerData: share, resourceLimits: { stackSizeMb: 256, maxYoungGenerationSizeMb: 128 } });
  });
  const answer = (w: Worker) =>
    new Promise<number>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
  try {
    await Promise.all(workers.map(answer)); // loaded, sources read
    const times: number[] = [];
    let compiled = 0;
    for (let p = 0; p < passes; p++) {
      const t0 = performance.now();
      const counts = await Promise.all(
        workers.map((w) => {
          const done = answer(w);
          w.postMessage(p);
          return done;
        }),
      );
      times.push(performance.now() - t0);
      compiled = counts.reduce((a, b) => a + b, 0);
    }
    return { times, compiled };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * A compile thread: the built packages (as `tspyc compile` runs them), its share of the sources
 * read, then one pass per message. Plain JavaScript evaluated in the thread, since tsx's loader
 * does not reach worker threads.
 */
const COMPILE_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
(async () => {
  const { compileSource } = await import(workerData.dist + '/compiler/dist/index.js');
  const { codeToPyc } = await import(workerData.dist + '/loader/dist/index.js');
  const { targetForVersion } = await import(workerData.dist + '/bytecode/dist/index.js');
  const target = targetForVersion('3.11');
  const files = workerData.files;
  const sources = files.map((f) => new Uint8Array(readFileSync(f)));
  parentPort.on('message', () => {
    let ok = 0;
    for (let i = 0; i < sources.length; i++) {
      // the stdlib's deliberately invalid files raise: as compileall, go on
      try { codeToPyc(target, compileSource(sources[i], files[i], {}), { bytes: sources[i], mtimeNs: 0n }, 'timestamp'); ok++; } catch {}
    }
    parentPort.postMessage(ok);
  });
  parentPort.postMessage('ready');
})();
`;

/** CPython's passes: compile() and the timestamp pyc's bytes of every file, sources read beforehand. */
function cpythonPasses(passes: number): { times: number[]; compiled: number } {
  const script = `
import importlib._bootstrap_external as be, os, sys, time
root, passes = sys.argv[1], int(sys.argv[2])
files = []
for d, dirs, names in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
    files += [os.path.join(d, n) for n in sorted(names) if n.endswith('.py')]
srcs = [(f, open(f, 'rb').read()) for f in files]
for p in range(passes):
    t0, ok = time.perf_counter(), 0
    for f, s in srcs:
        try:
            be._code_to_timestamp_pyc(compile(s, f, 'exec', dont_inherit=True), 0, len(s))
            ok += 1
        except (SyntaxError, ValueError):
            pass
    print(round((time.perf_counter() - t0) * 1000), ok)
`;
  const r = runPython('3.11', ['-c', script, stdlibDir('3.11'), String(passes)]);
  if (r.status !== 0) throw new Error(`python3.11 failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n').map((line) => line.split(' ').map(Number));
  return { times: lines.map((l) => l[0]!), compiled: lines[0]![1]! };
}

await main();
