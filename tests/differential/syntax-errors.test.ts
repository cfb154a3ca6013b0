// Acceptance (issue 3, errors): for every invalid program under fixtures/syntax-errors/, our
// tokenizer and parser raise what python3.11's compile(..., PyCF_ONLY_AST) raises: the same
// exception type, message, lineno, offset, end_lineno and end_offset.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, PySyntaxError } from '@tspyc/compiler';
import { oracle, runPython } from '../../tools/oracles.js';
import { fixtureSections } from '../../tools/fixture-sections.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, 'fixtures', 'syntax-errors');
const SCRIPT = join(ROOT, 'tools', 'oracle', 'compile_errors.py');

type Err = [string, string, number | null, number | null, number | null, number | null, string | null] | null;

const sections = fixtureSections;

function ours(source: Uint8Array): Err {
  try {
    // '<case>' names no file: the text is the tokenizer's buffer, as compile() of a string gives it
    parse(source, { filename: '<case>', programText: () => null });
    return null;
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return [e.type, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset, e.text];
  }
}

describe.skipIf(!oracle('3.11'))('syntax errors identical to python3.11', () => {
  it('fixtures/syntax-errors', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(DIR, f));
    const expected = runPython('3.11', [SCRIPT, ...files])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; error: Err });
    const cases = files.flatMap(sections);
    expect(cases.length).toBe(expected.length);
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const diffs: string[] = [];
    let same = 0;
    cases.forEach((c, i) => {
      const want = expected[i]!;
      expect(want.name).toBe(c.name);
      if (want.error === null) diffs.push(`${c.name}: valid for python3.11, not an invalid program`);
      const got = ours(c.source);
      if (JSON.stringify(got) === JSON.stringify(want.error)) same++;
      else diffs.push(`${c.name}: ours ${JSON.stringify(got)} / python3.11 ${JSON.stringify(want.error)}`);
    });
    console.log(`syntax errors: ${same}/${cases.length} identical (type, msg, lineno, offset, end_lineno, end_offset, text)`);
    expect(diffs).toEqual([]);
  }, 120_000);
});
