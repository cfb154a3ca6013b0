// Every string constant of the 35 CPython 3.11 test modules of test-strings-compile, as UTF-8
// bytes, through tokenize.tokenize: tspyc's tokens (or error) are python3.11's. Among them are
// sources with coding cookies (test_exceptions' cp437 one, test_tokenize's), BOMs and bad dedents.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { TEST_STRING_MODULES } from './test-string-modules.js';
import { tokenizeResultOf, type TokenizeResult } from './tokenize-result-of.js';

const ORACLE = join(import.meta.dirname, '..', '..', 'tools', 'oracle');

describe.skipIf(!oracle('3.11'))("the string constants of python3.11's test modules tokenize as python3.11 tokenizes them", () => {
  it(`${TEST_STRING_MODULES.length} modules`, () => {
    const strings = runPython('3.11', [join(ORACLE, 'string_constants_compile.py'), ...TEST_STRING_MODULES]);
    expect(strings.status, strings.stderr).toBe(0);
    const sources = strings.stdout.trim().split('\n').map((l, i) => ({ name: String(i), text: (JSON.parse(l) as { source: string }).source }));
    const bytes = sources.map((s) => Buffer.from(s.text, 'utf8'));
    const input = sources.map((s, i) => JSON.stringify({ name: s.name, source: bytes[i]!.toString('latin1') })).join('\n') + '\n';
    const r = runPython('3.11', [join(ORACLE, 'tokenize_sources.py')], { input });
    expect(r.status, r.stderr).toBe(0);
    const theirs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { name: string; tokenize: TokenizeResult });
    expect(theirs).toHaveLength(sources.length);
    const diffs: string[] = [];
    theirs.forEach((t, i) => {
      const ours = tokenizeResultOf(new Uint8Array(bytes[i]!));
      if (JSON.stringify(ours) !== JSON.stringify(t.tokenize)) diffs.push(`${JSON.stringify(sources[i]!.text.slice(0, 120))}: ${JSON.stringify(ours).slice(0, 300)} vs ${JSON.stringify(t.tokenize).slice(0, 300)}`);
    });
    const cookies = sources.filter((s) => /^[ \t\f]*#.*coding[:=]/m.test(s.text.split('\n').slice(0, 2).join('\n'))).length;
    console.log(`test-module strings through tokenize: ${sources.length - diffs.length}/${sources.length} identical (${cookies} with a coding cookie)`);
    expect(sources.length).toBeGreaterThan(4000);
    expect(diffs).toEqual([]);
  }, 120_000);
});
