// The VM beside CPython 3.11: each kernel compiled once by python3.11 to a pyc, then run as a whole
// process by `python3.11 kernel.pyc` and by `tspyc run kernel.pyc` (the built CLI), best wall time
// of N rounds; the hello-world row is start-up time.
//   npm run build && npx tsx bench/vm.ts [--rounds 3]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oracle, oracleEnv, runPython } from '../tools/oracles.js';

const KERNELS: Record<string, string> = {
  hello: `print("hello world")\n`,
  'fib (calls)': `def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(24))\n`,
  'int loop': `t = 0\nfor i in range(1000000):\n    t += i * 2 % 7\nprint(t)\n`,
  'float points': [
    'class P:',
    '    def __init__(self, x, y):',
    '        self.x = x; self.y = y',
    '    def add(self, o):',
    '        return P(self.x + o.x, self.y + o.y)',
    '    def scale(self, k):',
    '        return P(self.x * k, self.y * k)',
    'acc = P(0.0, 0.0)',
    'for i in range(200000):',
    '    acc = acc.add(P(i * 0.5, -i * 0.25)).scale(0.999)',
    'print(round(acc.x, 6), round(acc.y, 6))',
  ].join('\n') + '\n',
  'word count (dict/str)': [
    'words = ("alpha beta gamma delta epsilon zeta eta theta " * 20000).split()',
    'counts = {}',
    'for w in words:',
    '    counts[w] = counts.get(w, 0) + 1',
    'print(sorted(counts.items())[:3], len(words))',
  ].join('\n') + '\n',
  generators: [
    'def gen(n):',
    '    for i in range(n):',
    '        yield i',
    'print(sum(x * x for x in gen(300000) if x % 3))',
  ].join('\n') + '\n',
  'nbody-ish (floats)': [
    'import math',
    'bodies = [[0.0, 0.0, 1.0], [1.0, 0.0, 0.001], [0.0, 2.0, 0.002], [3.0, 1.0, 0.0005]]',
    'vel = [[0.0, 0.0] for _ in bodies]',
    'for step in range(20000):',
    '    for i in range(len(bodies)):',
    '        for j in range(i + 1, len(bodies)):',
    '            dx = bodies[i][0] - bodies[j][0]; dy = bodies[i][1] - bodies[j][1]',
    '            d = math.sqrt(dx * dx + dy * dy) + 0.01',
    '            mag = 0.001 / (d * d * d)',
    '            vel[i][0] -= dx * bodies[j][2] * mag; vel[i][1] -= dy * bodies[j][2] * mag',
    '            vel[j][0] += dx * bodies[i][2] * mag; vel[j][1] += dy * bodies[i][2] * mag',
    '    for b, v in zip(bodies, vel):',
    '        b[0] += 0.01 * v[0]; b[1] += 0.01 * v[1]',
    'print([round(b[0], 6) for b in bodies])',
  ].join('\n') + '\n',
};

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 3;
const py = oracle('3.11');
if (!py) {
  console.log('python3.11 not found: nothing to compare with');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'tspyc-bench-vm-'));
const bin = join(import.meta.dirname ?? '.', '..', 'packages', 'cli', 'bin', 'tspyc.js');

function best(cmd: string, args: string[]): { ms: number; out: string } {
  let ms = Infinity;
  let out = '';
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const res = spawnSync(cmd, args, { encoding: 'utf8', env: oracleEnv(), maxBuffer: 1 << 26 });
    ms = Math.min(ms, performance.now() - t0);
    out = res.stdout + res.stderr;
  }
  return { ms, out };
}

try {
  const ratios: number[] = [];
  console.log(`tspyc run vs python3.11, whole process, best of ${rounds}:`);
  console.log(`  ${'kernel'.padEnd(24)}${'CPython'.padStart(10)}${'tspyc'.padStart(10)}${'ratio'.padStart(8)}`);
  for (const [name, src] of Object.entries(KERNELS)) {
    const file = join(dir, `${name.replace(/\W+/g, '_')}.py`);
    writeFileSync(file, src);
    const pyc = file + 'c';
    runPython('3.11', ['-c', 'import py_compile,sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)', file, pyc]);
    const a = best(py, [pyc]);
    const b = best(process.execPath, [bin, 'run', pyc]);
    const same = a.out === b.out ? '' : '  (OUTPUT DIFFERS)';
    const ratio = b.ms / a.ms;
    if (name !== 'hello') ratios.push(ratio);
    console.log(`  ${name.padEnd(24)}${a.ms.toFixed(0).padStart(8)}ms${b.ms.toFixed(0).padStart(8)}ms${ratio.toFixed(2).padStart(7)}x${same}`);
  }
  const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  console.log(`  geometric mean (kernels, start-up included): ${geo.toFixed(2)}x CPython's time (issue 5 target: at most 3x)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
