// Byte-compiling a copy of the whole 3.11 stdlib: `tspyc compile -q -f -jN` and CPython 3.11's
// `python -m compileall -q -f -jN` over the same tree in one run, for -j1 and -j0 (all cores),
// wall clock including process start, best of N rounds. Both exit 1 (the stdlib's deliberately
// invalid test inputs); the bench only times them.
//   npx tsx bench/compile.ts [--rounds 3] [--subset json]   (--subset: one stdlib directory, for a smoke run)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
// The built package, as users run it (npm ci / npm run build first).
import { compileSource } from '../packages/compiler/dist/index.js';
import { stdlibDir } from '../tools/corpus.js';
import { oracle } from '../tools/oracles.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg('--rounds') ?? 3);
const subset = arg('--subset');
const BIN = join(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'tspyc.js');
const python = oracle('3.11');
if (!python) throw new Error('python3.11 is needed for the comparison');

// The stdlib's .py files (site-packages and caches left out), copied so both write their pycs there.
const src = subset ? join(stdlibDir('3.11'), subset) : stdlibDir('3.11');
const work = mkdtempSync(join(tmpdir(), 'tspyc-bench-compile-'));
const tree = join(work, subset ? basename(subset) : 'Lib');
let files = 0;
cpSync(src, tree, {
  recursive: true,
  filter: (p) => {
    const name = basename(p);
    if (name === 'site-packages' || name === '__pycache__') return false;
    const st = statSync(p);
    if (st.isFile() && name.endsWith('.py')) files++;
    return st.isDirectory() || name.endsWith('.py');
  },
});

/** best wall-clock seconds of `rounds` runs */
function best(cmd: string, args: string[]): number {
  let b = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const p = spawnSync(cmd, args, { stdio: 'ignore', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
    const dt = (performance.now() - t0) / 1000;
    if (p.status !== 0 && p.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${p.status}`);
    b = Math.min(b, dt);
  }
  return b;
}

try {
  compileSource('x = 1\n', '<probe>');
} catch (err) {
  console.log(`*** tspyc cannot compile yet (${(err as Error).message}): its times below are of failing fast, not compiling ***`);
}
console.log(`compile ${files} .py files of the 3.11 stdlib${subset ? ` (${subset} only)` : ''}, -q -f, best of ${rounds}:`);
try {
  for (const j of ['1', '0']) {
    const ts = best(process.execPath, [BIN, 'compile', '-q', '-f', '-j', j, tree]);
    const py = best(python, ['-m', 'compileall', '-q', '-f', '-j', j, tree]);
    console.log(`  -j${j}  tspyc compile ${ts.toFixed(2)} s   python3.11 -m compileall ${py.toFixed(2)} s   ratio ${(ts / py).toFixed(2)}x CPython's time`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
