// Shared by the tests of the libm fast paths (packages/bytecode/src/libm/*-dd.test.ts): a seeded
// generator of arguments, and parity with python3.11's math module. glibc's exp, sin, cos and tan
// are not correctly rounded everywhere (glibc 2.28 dropped their slow paths): where python3.11
// differs, the test asks mpmath (when the oracle has it) and requires ours to be the correctly
// rounded value.
import { runPython } from '../../tools/oracles.js';

/** mulberry32: a fixed seed keeps a failure reproducible */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random double with a full 53-bit mantissa in [2**e, 2**(e+1)), random sign. */
export function randomInBinade(rnd: () => number, e: number): number {
  return (rnd() < 0.5 ? -1 : 1) * (1 + rnd() + rnd() * 2 ** -32) * 2 ** e;
}

export interface ParityReport {
  compared: number;
  /** results differing from python3.11's */
  different: number;
  /** of those, how many mpmath checked */
  checked: number;
  /** differences that are not one ulp with ours correctly rounded */
  wrong: string[];
}

/**
 * Compare ours(name)(x) with python3.11's math.<name>(x) for each name and argument (one process).
 * `args` are the arguments of a one-argument function, or pairs (pow, hypot).
 */
export function parityWithPython(
  names: readonly string[],
  args: readonly (number | readonly [number, number])[],
  ours: (name: string, arg: number | readonly [number, number]) => number,
): ParityReport {
  const script = `
import math, sys
try:
    import mpmath
    mpmath.mp.prec = 400
except ImportError:
    mpmath = None
names = sys.argv[1:]
for i, line in enumerate(sys.stdin):
    fields = line.split()
    xs = [float(f) for f in fields[:-len(names)]]
    for name, our in zip(names, fields[-len(names):]):
        theirs = getattr(math, name)(*xs)
        if float(our) != theirs or (theirs == 0 and repr(float(our)) != repr(theirs)):
            exact = None
            if mpmath:
                a = [mpmath.mpf(x) for x in xs]
                f = {"pow": mpmath.power, "log2": lambda v: mpmath.log(v, 2), "hypot": lambda a, b: mpmath.sqrt(a * a + b * b)}.get(name) or getattr(mpmath, name)
                exact = float(f(*a))
            print(i, name, repr(theirs), repr(exact))
`;
  const results = args.map((a) => names.map((n) => ours(n, a)));
  const input = args.map((a, i) => `${typeof a === 'number' ? a : a.join(' ')} ${results[i]!.join(' ')}`).join('\n') + '\n';
  const r = runPython('3.11', ['-c', script, ...names], { input });
  if (r.stderr !== '') throw new Error(`python3.11: ${r.stderr}`);
  const differences = r.stdout.split('\n').filter(Boolean);
  const report: ParityReport = { compared: args.length * names.length, different: differences.length, checked: 0, wrong: [] };
  for (const line of differences) {
    const [i, name, theirs, exact] = line.split(' ') as [string, string, string, string];
    const our = results[Number(i)]![names.indexOf(name)]!;
    const oneUlp = Math.abs(our - Number(theirs)) <= Math.abs(our) * 2 ** -52;
    if (exact !== 'None') report.checked++;
    if (!oneUlp || (exact !== 'None' && !Object.is(our, Number(exact)))) {
      report.wrong.push(`${name}(${String(args[Number(i)])}): ours ${our}, python3.11 ${theirs}, mpmath ${exact}`);
    }
  }
  return report;
}

/** The one-line summary a parity test prints. */
export function describeParity(what: string, r: ParityReport): string {
  return (
    `${what}: ${r.compared - r.different} of ${r.compared} results equal python3.11's; ` +
    `${r.different} differ, ${r.checked} of them checked against mpmath`
  );
}

export interface FastPathReport {
  /** arguments where the fast path could not decide */
  fallbacks: number;
  /** arguments where it decided on a different double than the exact evaluation (the first 20) */
  mismatches: string[];
}

/**
 * Run a fast path (NaN: undecided) and the exact evaluation it falls back to on each argument;
 * every decided result must equal the exact one.
 */
export function fastVsExact<A>(args: readonly A[], fast: (a: A) => number, exact: (a: A) => number, show: (a: A) => string): FastPathReport {
  const report: FastPathReport = { fallbacks: 0, mismatches: [] };
  for (const a of args) {
    const f = fast(a);
    if (f !== f) {
      report.fallbacks++;
      continue;
    }
    const e = exact(a);
    if (!Object.is(f, e) && report.mismatches.length < 20) report.mismatches.push(`${show(a)}: ${f} vs ${e}`);
  }
  return report;
}

/** v * 2**bits as a BigInt, truncated toward zero (exact when v's last bit is at least 2**-bits). */
export function fixedPoint(v: number, bits: number): bigint {
  if (v === 0 || !Number.isFinite(v)) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(v));
  const biased = (view.getUint32(0) >>> 20) & 0x7ff;
  const fraction = view.getBigUint64(0) & ((1n << 52n) - 1n);
  const m = biased === 0 ? fraction : fraction | (1n << 52n);
  const sh = (biased === 0 ? -1074 : biased - 1075) + bits;
  const f = sh >= 0 ? m << BigInt(sh) : m >> BigInt(-sh);
  return v < 0 ? -f : f;
}
