// `tspyc watch` save-to-cache latency: a watcher on a generated 50-module project; 20 edits to
// one module (each changes its value, alternating sizes), each timed from the write to the moment
// the module's checked-hash cache holds the new source's hash (polled). Beside it, python3.11's
// nearest figure: `python -m py_compile` of the same file, a whole process. Issue 6 target: median
// under 50 ms.
//   npm run build && npx tsx bench/watch.ts [--edits 20]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFromSource, sourceHash, targetForVersion } from '@tspyc/bytecode';
import { oracle, oracleEnv } from '../tools/oracles.js';
import { WatchProcess } from '../tests/cli/watch-process.js';
import { generateProject, moduleSource } from './gen-project.js';

const i = process.argv.indexOf('--edits');
const edits = i >= 0 ? Number(process.argv[i + 1]) : 20;
const target = targetForVersion('3.11')!;
const dir = mkdtempSync(join(tmpdir(), 'tspyc-bench-watch-'));

/** Whether the cache now holds `source`'s hash (a checked-hash pyc for exactly these bytes). */
function cacheHolds(cache: string, hash: Uint8Array): boolean {
  try {
    const data = readFileSync(cache);
    return data.length > 16 && hash.every((b, k) => data[8 + k] === b);
  } catch {
    return false;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

let watcher: WatchProcess | null = null;
try {
  generateProject(dir, 50);
  const file = join(dir, 'proj', 'm25.py');
  const cache = cacheFromSource(file, { target });
  watcher = new WatchProcess([join(dir, 'proj')]);
  await watcher.waitFor(/^watching /, 120_000, 0);
  const latencies: number[] = [];
  for (let e = 1; e <= edits; e++) {
    const text = moduleSource(25, e % 2 ? e * 1001 : e); // different sizes on alternate edits
    const hash = sourceHash(target, Buffer.from(text));
    await new Promise((r) => setTimeout(r, 60)); // edits apart, as a person saves
    const t0 = performance.now();
    writeFileSync(file, text);
    while (!cacheHolds(cache, hash)) {
      if (performance.now() - t0 > 10_000) throw new Error(`edit ${e}: the cache was not rewritten within 10 s`);
      await new Promise((r) => setImmediate(r));
    }
    latencies.push(performance.now() - t0);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`tspyc watch, save-to-cache latency over ${edits} edits of a 50-line module (checked-hash):`);
  console.log(`  median ${median(latencies).toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (issue 6 target: median under 50 ms)`);
  const py = oracle('3.11');
  if (py) {
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      spawnSync(py, ['-m', 'py_compile', file], { env: oracleEnv({ PYTHONDONTWRITEBYTECODE: undefined }) });
      runs.push(performance.now() - t0);
    }
    console.log(`  CPython has no watch mode; python3.11 -m py_compile of the same file: median ${median(runs).toFixed(1)} ms (a whole process)`);
  }
} finally {
  if (watcher) await watcher.stop();
  rmSync(dir, { recursive: true, force: true });
}
