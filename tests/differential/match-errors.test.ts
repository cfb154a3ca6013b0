// The errors of the compiler's later stages are python3.11's: for each "#### name" program in
// fixtures/codegen/match-errors.txt (compile.c's compiler_pattern_*) and compile-errors.txt (the
// symtable's and code generator's other checks: forbidden names, misplaced return/yield/await/
// break, global and nonlocal rules, comprehension scoping, starred targets, __future__),
// compileSource raises the same SyntaxError type, message, lineno, offset, end_lineno and
// end_offset as a full compile().
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureSections } from '../../tools/fixture-sections.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { compileErrorOf, type CompileError } from './compile-error-of.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = ['match-errors.txt', 'compile-errors.txt'];
const SCRIPT = join(ROOT, 'tools', 'oracle', 'match_errors.py');

describe.skipIf(!oracle('3.11'))('compile errors of the later stages identical to python3.11', () => {
  for (const fixture of FIXTURES) {
    it(`fixtures/codegen/${fixture}`, () => {
      const path = join(ROOT, 'fixtures', 'codegen', fixture);
      const expected = runPython('3.11', [SCRIPT, path])
        .stdout.trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { name: string; error: CompileError });
      const cases = fixtureSections(path);
      expect(cases.length).toBe(expected.length);
      const diffs: string[] = [];
      cases.forEach((c, i) => {
        const want = expected[i]!;
        expect(want.name).toBe(c.name);
        expect(want.error, `${c.name} must be an error`).not.toBeNull();
        const got = compileErrorOf(c.source);
        if (JSON.stringify(got) !== JSON.stringify(want.error)) diffs.push(`${c.name}: ${JSON.stringify(got)} vs ${JSON.stringify(want.error)}`);
      });
      console.log(`${fixture}: ${cases.length - diffs.length}/${cases.length} identical`);
      expect(diffs).toEqual([]);
    });
  }
});
