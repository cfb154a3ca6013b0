// Fuzzes the pyc readers with mutated real pycs: readPyc must return or throw PycError, and for
// what it returns, disassemble must return or throw DisError and describePyc must return — never
// another exception, never a hang, never unbounded memory.
//   npx tsx tools/fuzz-pyc.ts [--cases 100000] [--seed 1] [--versions 3.11,3.12,3.13,2.7,3.8]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describePyc, disassemble, DisError, PycError, readPyc } from '../packages/bytecode/src/index.js';
import { stdlibPycs } from './pyc-corpus.js';

export interface FuzzReport {
  cases: number;
  parsed: number;
  pycErrors: number;
  disErrors: number;
  crashes: { seed: number; caseIndex: number; error: string }[];
  slowest: number;
  peakHeapMB: number;
}

/** xorshift32: reproducible from the seed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>>= 0);
  };
}

/** One mutation of `data`: bit flips, byte edits, truncation, insertion, deletion, length smashing, splicing. */
function mutate(data: Uint8Array, other: Uint8Array, next: () => number): Uint8Array {
  const pick = (n: number) => next() % Math.max(1, n);
  const out = Uint8Array.from(data);
  switch (next() % 8) {
    case 0: // flip a few bits
      for (let k = 0, n = 1 + pick(8); k < n; k++) out[pick(out.length)]! ^= 1 << pick(8);
      return out;
    case 1: // overwrite bytes with random values
      for (let k = 0, n = 1 + pick(16); k < n; k++) out[pick(out.length)] = next() & 0xff;
      return out;
    case 2: // truncate
      return out.subarray(0, pick(out.length));
    case 3: { // insert random bytes
      const at = pick(out.length);
      const ins = Uint8Array.from({ length: 1 + pick(32) }, () => next() & 0xff);
      return Uint8Array.from([...out.subarray(0, at), ...ins, ...out.subarray(at)]);
    }
    case 4: { // delete a run
      const at = pick(out.length);
      return Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + 1 + pick(64))]);
    }
    case 5: { // smash a 4-byte little-endian field with an extreme value
      const at = pick(Math.max(1, out.length - 4));
      const values = [0x7fffffff, 0xffffffff, 0x80000000, 0x40000000, 0xffff, 0];
      new DataView(out.buffer).setUint32(at, values[pick(values.length)]!, true);
      return out;
    }
    case 6: { // splice in a run of another pyc
      const at = pick(out.length);
      const from = pick(other.length);
      const len = pick(256);
      return Uint8Array.from([...out.subarray(0, at), ...other.subarray(from, from + len), ...out.subarray(at)]);
    }
    default: { // replace a byte with a marshal type code, flagged or not
      const codes = [0x28, 0x29, 0x5b, 0x7b, 0x3c, 0x3e, 0x63, 0x72, 0x73, 0x74, 0x75, 0x61, 0x7a, 0x6c, 0x69, 0x67, 0x79, 0x30, 0x3f];
      out[pick(out.length)] = codes[pick(codes.length)]! | (next() & 1 ? 0x80 : 0);
      return out;
    }
  }
}

export function fuzz(options: { cases: number; seed: number; versions: string[]; filesPerVersion?: number }): FuzzReport {
  const inputs: Uint8Array[] = [];
  for (const v of options.versions) {
    const entries = stdlibPycs(v).entries;
    // Smaller files keep cases fast; take a spread of them.
    const chosen = entries.filter((_, i) => i % Math.max(1, Math.floor(entries.length / (options.filesPerVersion ?? 40))) === 0);
    for (const e of chosen) {
      const data = readFileSync(e.pyc);
      if (data.length < 64 * 1024) inputs.push(new Uint8Array(data));
    }
  }
  const next = rng(options.seed);
  const report: FuzzReport = { cases: 0, parsed: 0, pycErrors: 0, disErrors: 0, crashes: [], slowest: 0, peakHeapMB: 0 };
  for (let i = 0; i < options.cases; i++) {
    const base = inputs[next() % inputs.length]!;
    const other = inputs[next() % inputs.length]!;
    const data = mutate(base, other, next);
    const t0 = performance.now();
    try {
      const pyc = readPyc(data);
      report.parsed++;
      describePyc(pyc);
      try {
        if (pyc.target.minor >= 11) disassemble(pyc.code, pyc.target);
      } catch (err) {
        if (!(err instanceof DisError)) throw err;
        report.disErrors++;
      }
    } catch (err) {
      if (err instanceof PycError) report.pycErrors++;
      else report.crashes.push({ seed: options.seed, caseIndex: i, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
    const dt = performance.now() - t0;
    if (dt > report.slowest) report.slowest = dt;
    report.cases++;
    if (i % 1000 === 0) report.peakHeapMB = Math.max(report.peakHeapMB, process.memoryUsage().heapUsed / 2 ** 20);
  }
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1]! : fallback;
  };
  const t0 = performance.now();
  const r = fuzz({
    cases: Number(arg('--cases', '100000')),
    seed: Number(arg('--seed', '1')),
    versions: arg('--versions', '3.11,3.12,3.13,3.8,2.7').split(','),
  });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `fuzz: ${r.cases} cases in ${secs}s: ${r.parsed} parsed, ${r.pycErrors} PycError, ${r.disErrors} DisError, ` +
      `${r.crashes.length} crashes; slowest case ${r.slowest.toFixed(1)} ms; peak heap ${r.peakHeapMB.toFixed(0)} MB`,
  );
  for (const c of r.crashes.slice(0, 10)) console.log(`  crash: seed ${c.seed} case ${c.caseIndex}: ${c.error}`);
  process.exitCode = r.crashes.length ? 1 : 0;
}
