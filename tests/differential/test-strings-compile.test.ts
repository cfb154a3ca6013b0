// Every string constant of 35 of CPython 3.11's test modules (test_grammar, test_syntax,
// test_exceptions, test_fstring, test_patma…) compiled as a program: tspyc raises the SyntaxError
// python3.11 raises (type, message, lineno, offset, end_lineno, end_offset), or compiles it too.
// The strings are the snippets those tests hand to compile() and check_syntax_error, and every
// other text in them (messages, names, data): over four thousand programs, half of them invalid,
// through every stage (tokenizer, parser, string literals, symtable, codegen).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { differingCases, type CompileError } from './compile-error-of.js';
import { TEST_STRING_MODULES } from './test-string-modules.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'tools', 'oracle', 'string_constants_compile.py');

describe.skipIf(!oracle('3.11'))("the string constants of python3.11's test modules compile as python3.11 compiles them", () => {
  it(`${TEST_STRING_MODULES.length} modules`, () => {
    const r = runPython('3.11', [SCRIPT, ...TEST_STRING_MODULES]);
    expect(r.status, r.stderr).toBe(0);
    const cases = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { module: string; source: string; error: CompileError });
    const diffs = differingCases(cases);
    const errors = cases.filter((c) => c.error !== null).length;
    console.log(`test-module strings: ${cases.length - diffs.length}/${cases.length} identical (${errors} of them SyntaxErrors)`);
    expect(cases.length).toBeGreaterThan(4000);
    expect(errors).toBeGreaterThan(2000);
    expect(diffs).toEqual([]);
  }, 120_000);
});
