// What our pattern-matching code does, run: each match statement of fixtures/codegen/match-cases.txt
// is compiled by compileMatch (match-harness.ts) and its blocks, before the flow-graph passes, are
// executed by a small interpreter (match-vm.ts) on each subject of fixtures/codegen/match-subjects.txt,
// with the guard flag off and on; the names bound (the case taken, its captures, **rest dicts,
// *star lists) must be python3.11's, and the stack must end empty. Bytecode parity is
// match-codegen.test.ts; this checks what the fail_pop / rotation / store logic does, directly.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureSections } from '../../tools/fixture-sections.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { compileMatches } from './match-harness.js';
import { makeGlobals, run, type Value } from './match-vm.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CASES = join(ROOT, 'fixtures', 'codegen', 'match-cases.txt');
const SUBJECTS = join(ROOT, 'fixtures', 'codegen', 'match-subjects.txt');
const SCRIPT = join(ROOT, 'tools', 'oracle', 'match_semantics.py');

type Env = Record<string, Value> | { error: string };

interface Oracle {
  subjects: Value[];
  results: Record<string, [Env[], Env[]]>;
}

function ours(source: Uint8Array, subject: Value, flag: boolean): Env {
  const unit = compileMatches(source);
  const globals = makeGlobals();
  globals.set('x', subject);
  globals.set('flag', { t: 'bool', v: flag });
  const bound = run(unit, globals);
  return Object.fromEntries(bound);
}

describe.skipIf(!oracle('3.11'))('pattern matching behaves as python3.11', () => {
  it('fixtures/codegen/match-cases.txt × match-subjects.txt', () => {
    const r = runPython('3.11', [SCRIPT, CASES], { input: readFileSync(SUBJECTS) });
    if (r.status !== 0) throw new Error(r.stderr);
    const want = JSON.parse(r.stdout) as Oracle;
    const sections = fixtureSections(CASES);
    expect(sections.length).toBeGreaterThanOrEqual(100);
    let runs = 0;
    const diffs: string[] = [];
    for (const s of sections) {
      const expected = want.results[s.name]!;
      [false, true].forEach((flag, fi) => {
        want.subjects.forEach((subject, i) => {
          runs++;
          let got: Env;
          try {
            got = ours(s.source, structuredClone(subject), flag);
          } catch (e) {
            got = { error: (e as Error).message };
          }
          const exp = expected[fi]![i]!;
          if (JSON.stringify(got) !== JSON.stringify(exp)) {
            diffs.push(`${s.name} x=${JSON.stringify(subject)} flag=${flag}: ${JSON.stringify(got)} vs ${JSON.stringify(exp)}`);
          }
        });
      });
    }
    console.log(`match semantics: ${runs - diffs.length}/${runs} runs identical (${sections.length} match statements)`);
    expect(diffs.slice(0, 20)).toEqual([]);
  }, 120_000);
});
