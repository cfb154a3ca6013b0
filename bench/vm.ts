// The VM beside CPython 3.11 on the kernels of issue 5 (bench/vm-kernels/*.py): each compiled once
// by python3.11 to a pyc, then run as a whole process by `python3.11 K.pyc` and by `tspyc run K.pyc`
// (the built CLI), the two interleaved round by round, best wall time of N rounds. Columns: the
// whole-process ratio, the ratio with each side's hello-world time (start-up) subtracted, and each
// side's peak RSS and the ratio of CPU times (user + system; measured by /usr/bin/time when it
// exists: on a busy machine wall times swing, CPU times much less). Outputs must match CPython's.
//   npm run build && npx tsx bench/vm.ts [--rounds 3] [--only nbody,fannkuch]
// To profile a kernel: `node --cpu-prof --cpu-prof-dir=prof packages/cli/bin/tspyc.js run K.pyc`
// writes one profile per thread; the VM runs in the worker's (the second file, *.1.002.*).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracle, oracleEnv, runPython } from '../tools/oracles.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg('--rounds') ?? 3);
const only = arg('--only')?.split(',');
const py = oracle('3.11');
if (!py) {
  console.log('python3.11 not found: nothing to compare with');
  process.exit(0);
}
const kernelDir = join(import.meta.dirname ?? '.', 'vm-kernels');
const bin = join(import.meta.dirname ?? '.', '..', 'packages', 'cli', 'bin', 'tspyc.js');
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);
const dir = mkdtempSync(join(tmpdir(), 'tspyc-bench-vm-'));
const rssFile = join(dir, 'rss');

interface Run {
  ms: number;
  /** peak resident set size in KiB, NaN when it cannot be measured */
  rssKb: number;
  /** user + system CPU seconds, NaN when they cannot be measured */
  cpu: number;
  out: string;
}

/** One whole-process run, wall time measured here, peak RSS by /usr/bin/time. */
function runOnce(cmd: string, args: string[]): Run {
  const [c, a] = haveTime ? [TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const res = spawnSync(c, a, { encoding: 'utf8', env: oracleEnv(), maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const [rss, user, sys] = haveTime ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, rssKb: rss!, cpu: user! + sys!, out: res.stdout + res.stderr };
}

/** The better of two runs: least wall time, least CPU time, most memory. */
function keepBest(old: Run | null, r: Run): Run {
  if (old === null) return r;
  return { ms: Math.min(old.ms, r.ms), cpu: Math.min(old.cpu, r.cpu), rssKb: Math.max(old.rssKb, r.rssKb), out: r.out };
}

/** Best of `rounds` for both sides, alternating so that machine load falls on both alike. */
function compare(pyc: string): { a: Run; b: Run } {
  let a: Run | null = null;
  let b: Run | null = null;
  for (let r = 0; r < rounds; r++) {
    const x = runOnce(py!, [pyc]);
    const y = runOnce(process.execPath, [bin, 'run', pyc]);
    a = keepBest(a, x);
    b = keepBest(b, y);
  }
  return { a: a!, b: b! };
}

function compile(name: string, src: string): string {
  const file = join(dir, `${name}.py`);
  writeFileSync(file, src);
  const pyc = file + 'c';
  runPython('3.11', ['-c', 'import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)', file, pyc]);
  return pyc;
}

const geo = (xs: number[]) => Math.exp(xs.reduce((s, r) => s + Math.log(r), 0) / xs.length);
const mb = (kb: number) => (Number.isNaN(kb) ? 'n/a' : (kb / 1024).toFixed(0) + 'MB');

try {
  const hello = compare(compile('hello', 'print("hello world")\n'));
  const kernels = readdirSync(kernelDir)
    .filter((f) => f.endsWith('.py'))
    .map((f) => f.slice(0, -3))
    .filter((k) => !only || only.includes(k))
    .sort();
  console.log(`tspyc run vs python3.11, whole process, best of ${rounds} (interleaved):`);
  const head = ['kernel'.padEnd(16), 'CPython'.padStart(9), 'tspyc'.padStart(9), 'ratio'.padStart(8), '-startup'.padStart(9), 'CPU'.padStart(7), 'CPy RSS'.padStart(9), 'tspyc RSS'.padStart(10)];
  console.log('  ' + head.join(''));
  const row = (name: string, a: Run, b: Run, ratio: string, net: string, note = '') =>
    console.log(`  ${name.padEnd(16)}${a.ms.toFixed(0).padStart(7)}ms${b.ms.toFixed(0).padStart(7)}ms${ratio.padStart(8)}${net.padStart(9)}${((b.cpu / a.cpu).toFixed(2) + 'x').padStart(7)}${mb(a.rssKb).padStart(9)}${mb(b.rssKb).padStart(10)}${note}`);
  row('hello (start-up)', hello.a, hello.b, (hello.b.ms / hello.a.ms).toFixed(2) + 'x', '');
  const ratios: number[] = [];
  const netRatios: number[] = [];
  const cpuRatios: number[] = [];
  let peakA = hello.a.rssKb;
  let peakB = hello.b.rssKb;
  for (const k of kernels) {
    const { a, b } = compare(compile(k, readFileSync(join(kernelDir, `${k}.py`), 'utf8')));
    const ratio = b.ms / a.ms;
    // start-up subtracted on both sides: what the eval loop itself costs
    const net = Math.max(1, b.ms - hello.b.ms) / Math.max(1, a.ms - hello.a.ms);
    ratios.push(ratio);
    netRatios.push(net);
    cpuRatios.push(b.cpu / a.cpu);
    peakA = Math.max(peakA, a.rssKb);
    peakB = Math.max(peakB, b.rssKb);
    row(k, a, b, ratio.toFixed(2) + 'x', net.toFixed(2) + 'x', a.out === b.out ? '' : '  (OUTPUT DIFFERS)');
  }
  console.log(`  geometric mean: ${geo(ratios).toFixed(2)}x whole process, ${geo(netRatios).toFixed(2)}x start-up subtracted, ${geo(cpuRatios).toFixed(2)}x CPU time (issue 5 target: at most 3x)`);
  console.log(`  peak RSS over all kernels: CPython ${mb(peakA)}, tspyc ${mb(peakB)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
