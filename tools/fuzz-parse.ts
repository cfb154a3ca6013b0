// Mutated real sources against the parser and python3.11's: each case is a stdlib file with a few
// random token-level edits (a token deleted, duplicated, swapped, or replaced by another's text),
// kept small by cutting to a window of lines. Both must agree: the same tree (when both accept) or
// the same exception, message and positions. Our parser must never throw anything else or hang.
//   npx tsx tools/fuzz-parse.ts [--cases N] [--seed S]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dump, parse, PySyntaxError } from '../packages/compiler/src/index.js';
import { stdlibFiles } from './corpus.js';
import { runPython } from './oracles.js';
import { join, dirname } from 'node:path';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'oracle', 'compile_sources.py');

/** a small deterministic PRNG (mulberry32) */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['(', ')', '[', ']', '{', '}', ':', ',', '=', '==', ':=', '*', '**', '.', '...', ';', '\\\n', '\n', '    ', '\t', '#', "'", '"', '"""', 'f"{', '}"', 'lambda', 'if', 'else', 'for', 'in', 'not', 'is', 'def', 'class', 'return', 'yield', 'await', 'async', 'with', 'as', 'try', 'except', 'except*', 'finally', 'match', 'case', '_', 'import', 'from', 'global', 'nonlocal', 'del', '@', '->', '0x', '1_', '0o8', '1e', '\\', '$', '?', '!', '€', ' ', 'None', 'True', 'print '];

export interface FuzzCase {
  name: string;
  source: string;
}

/** cases as Latin-1 text (one char per byte), so they can carry any bytes */
export function fuzzCases(n: number, seed: number): FuzzCase[] {
  const files = stdlibFiles('3.11');
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: FuzzCase[] = [];
  while (out.length < n) {
    const file = pick(files);
    const lines = Buffer.from(readFileSync(file)).toString('latin1').split('\n');
    const start = Math.floor(rand() * Math.max(1, lines.length - 30));
    let text = lines.slice(start, start + 5 + Math.floor(rand() * 25)).join('\n') + '\n';
    // dedent the window so it starts at column 0 more often than not
    const indent = /^[ \t]*/.exec(text)![0];
    if (indent && rand() < 0.8) text = text.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n');
    const edits = 1 + Math.floor(rand() * 3);
    for (let e = 0; e < edits && text.length > 0; e++) {
      const at = Math.floor(rand() * text.length);
      const kind = rand();
      if (kind < 0.3) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 4));
      else if (kind < 0.7) text = text.slice(0, at) + Buffer.from(pick(PIECES), 'utf8').toString('latin1') + text.slice(at);
      else if (kind < 0.85) {
        const len = 1 + Math.floor(rand() * 8);
        text = text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
      } else text = text.slice(0, at) + String.fromCharCode(Math.floor(rand() * 256)) + text.slice(at + 1);
    }
    out.push({ name: `${file.split('/').slice(-2).join('/')}@${start}#${out.length}`, source: text });
  }
  return out;
}

export interface FuzzResult {
  cases: number;
  accepted: number;
  rejected: number;
  mismatches: string[];
  crashes: string[];
}

export function runFuzz(cases: FuzzCase[]): FuzzResult {
  const oracleOut = runPython('3.11', [SCRIPT], { input: cases.map((c) => JSON.stringify(c)).join('\n') + '\n' })
    .stdout.trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { name: string; error: unknown[] | null });
  const result: FuzzResult = { cases: cases.length, accepted: 0, rejected: 0, mismatches: [], crashes: [] };
  cases.forEach((c, i) => {
    const want = oracleOut[i]!;
    const bytes = Uint8Array.from(c.source, (ch) => ch.charCodeAt(0));
    let got: unknown[] | null;
    try {
      dump(parse(bytes, { filename: '<fuzz>' }));
      got = null;
    } catch (e) {
      if (!(e instanceof PySyntaxError)) {
        result.crashes.push(`${c.name}: ${e instanceof Error ? e.stack?.split('\n').slice(0, 3).join(' | ') : String(e)}`);
        return;
      }
      got = [e.type, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset];
    }
    if (want.error === null) result.accepted++;
    else result.rejected++;
    if (JSON.stringify(got) !== JSON.stringify(want.error)) result.mismatches.push(`${c.name}: ours ${JSON.stringify(got)} / python3.11 ${JSON.stringify(want.error)}\n${JSON.stringify(c.source)}`);
  });
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (f: string, d: number) => (process.argv.includes(f) ? Number(process.argv[process.argv.indexOf(f) + 1]) : d);
  const r = runFuzz(fuzzCases(arg('--cases', 1000), arg('--seed', 1)));
  console.log(`parse fuzz: ${r.cases} cases (${r.accepted} valid, ${r.rejected} invalid for CPython): ${r.mismatches.length} mismatches, ${r.crashes.length} crashes`);
  for (const m of [...r.crashes, ...r.mismatches].slice(0, 20)) console.log(m);
}
