// `tspyc run` of a generated 200-module project with cold caches (every __pycache__ removed before
// the run: all 200 modules compiled and cached) and warm ones (all loaded from their pycs), beside
// python3.11 doing the same; whole process, best of N rounds. Issue 6 target: warm starts at least
// 10x faster than cold. Also: each process running an empty script, and the ratio of the rest.
//   npm run build && npx tsx bench/run.ts [--rounds 3] [--modules 200] [--extra 4]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracle, oracleEnv } from '../tools/oracles.js';
import { generateProject } from './gen-project.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 3);
const modules = arg('--modules', 200);
// --extra N: N more 40-line blocks per module (4: about 200 lines, the stdlib's median module)
const extra = arg('--extra', 0);
const bin = join(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'tspyc.js');
const py = oracle('3.11');
const dir = mkdtempSync(join(tmpdir(), 'tspyc-bench-run-'));
const env = oracleEnv({ PYTHONDONTWRITEBYTECODE: undefined, PYTHONPYCACHEPREFIX: undefined });

function best(cmd: string, args: string[], cold: boolean): { ms: number; out: string } {
  let ms = Infinity;
  let out = '';
  for (let r = 0; r < rounds; r++) {
    if (cold) rmSync(join(dir, 'proj', '__pycache__'), { recursive: true, force: true });
    const t0 = performance.now();
    const res = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env, maxBuffer: 1 << 26 });
    ms = Math.min(ms, performance.now() - t0);
    out = res.stdout + res.stderr;
  }
  return { ms, out };
}

try {
  generateProject(dir, modules, extra);
  console.log(`run a ${modules}-module project (${extra === 0 ? '45-line modules' : `modules of about ${45 + 40 * extra} lines`}), whole process, best of ${rounds}:`);
  // The same process running an empty script: what both runs pay before the first import (for
  // tspyc, Node's and the VM's start). Subtracted, it leaves the imports' own cold/warm ratio.
  writeFileSync(join(dir, 'empty.py'), '');
  console.log(`  ${''.padEnd(8)}${'cold'.padStart(10)}${'warm'.padStart(10)}${'cold/warm'.padStart(11)}${'start'.padStart(10)}${'imports cold/warm'.padStart(20)}`);
  const row = (name: string, cmd: string, args: string[], empty: string[]) => {
    const cold = best(cmd, args, true);
    const warm = best(cmd, args, false);
    const start = best(cmd, empty, false);
    const same = cold.out === warm.out ? '' : '  (OUTPUT DIFFERS)';
    const imports = `${(cold.ms - start.ms).toFixed(0)}/${(warm.ms - start.ms).toFixed(0)}ms = ${((cold.ms - start.ms) / (warm.ms - start.ms)).toFixed(1)}x`;
    console.log(`  ${name.padEnd(8)}${cold.ms.toFixed(0).padStart(8)}ms${warm.ms.toFixed(0).padStart(8)}ms${(cold.ms / warm.ms).toFixed(1).padStart(10)}x${start.ms.toFixed(0).padStart(8)}ms${imports.padStart(20)}${same}`);
    return { cold, warm };
  };
  const ours = row('tspyc', process.execPath, [bin, 'run', 'main.py'], [bin, 'run', 'empty.py']);
  if (py) {
    const theirs = row('CPython', py, ['main.py'], ['empty.py']);
    if (theirs.warm.out !== ours.warm.out) console.log(`  OUTPUT DIFFERS from CPython's:\n${ours.warm.out}\n${theirs.warm.out}`);
  } else console.log('  (python3.11 not found: no CPython row)');
  console.log(`  issue 6 target: tspyc warm at least 10x faster than cold`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
