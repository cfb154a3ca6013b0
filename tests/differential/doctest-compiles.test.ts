// The examples of CPython's own doctest-based test modules — test_syntax's several hundred invalid
// programs above all, and the generator, comprehension, unpacking and call doctests — compile
// under tspyc exactly as under python3.11: the same SyntaxError (type, message, lineno, offset,
// end_lineno, end_offset), or none. Every stage is involved: tokenizer, parser, symtable, codegen.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { differingCases, type CompileError } from './compile-error-of.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'tools', 'oracle', 'doctest_compiles.py');
const MODULES = ['test.test_syntax', 'test.test_generators', 'test.test_genexps', 'test.test_listcomps', 'test.test_setcomps', 'test.test_unpack', 'test.test_unpack_ex', 'test.test_extcall'];

describe.skipIf(!oracle('3.11'))("python3.11's doctest examples compile as python3.11 compiles them", () => {
  it(MODULES.join(', '), () => {
    const r = runPython('3.11', [SCRIPT, ...MODULES]);
    expect(r.status, r.stderr).toBe(0);
    const cases = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { module: string; source: string; error: CompileError });
    const diffs = differingCases(cases);
    const errors = cases.filter((c) => c.error !== null).length;
    console.log(`doctest examples: ${cases.length - diffs.length}/${cases.length} identical (${errors} of them SyntaxErrors)`);
    // the modules' doctests hold about a thousand examples, a third of them invalid: a run that
    // found far fewer did not read them
    expect(cases.length).toBeGreaterThan(900);
    expect(errors).toBeGreaterThan(300);
    expect(diffs).toEqual([]);
  });
});
