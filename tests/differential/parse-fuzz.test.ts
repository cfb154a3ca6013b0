// Mutated stdlib sources (tools/fuzz-parse.ts) parsed by us and by python3.11: the same tree or the
// same exception, message and positions for every case, and never anything but a SyntaxError from
// us. 400 cases in a normal run, 4,000 in CI (fixed seeds, so a failure reproduces).
import { describe, expect, it } from 'vitest';
import { fullCorpus } from '../../tools/corpus.js';
import { fuzzCases, runFuzz } from '../../tools/fuzz-parse.js';
import { oracle } from '../../tools/oracles.js';

describe.skipIf(!oracle('3.11'))('parser fuzz against python3.11', () => {
  it('mutated sources: same result, no crash', () => {
    const seeds = fullCorpus() ? [1, 2, 3, 4] : [1];
    const perSeed = fullCorpus() ? 1000 : 400;
    let cases = 0;
    let valid = 0;
    const problems: string[] = [];
    for (const seed of seeds) {
      const r = runFuzz(fuzzCases(perSeed, seed));
      cases += r.cases;
      valid += r.accepted;
      problems.push(...r.crashes, ...r.mismatches);
    }
    console.log(`parse fuzz: ${cases - problems.length}/${cases} mutated sources identical to python3.11 (${valid} still valid)`);
    expect(problems.slice(0, 5)).toEqual([]);
  }, 600_000);
});
