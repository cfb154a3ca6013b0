// The compile-time warnings the parser emits (invalid escape sequences; a number running into a keyword) are python3.11's: the same
// category, message and line, for the fixtures and a sample of the stdlib.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, PySyntaxError, type CompileWarning } from '@tspyc/compiler';
import { corpusSelection, stdlibFiles } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'tools', 'oracle', 'parse_warnings.py');
const FIXTURES = join(ROOT, 'fixtures', 'parse-warnings');

function ours(path: string): [string, string, number][] {
  const out: CompileWarning[] = [];
  try {
    parse(readFileSync(path), { filename: path, onWarning: (w) => out.push(w) });
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
  }
  return out.map((w) => [w.category, w.message, w.lineno]);
}

describe.skipIf(!oracle('3.11'))('parser warnings identical to python3.11', () => {
  it('fixtures and stdlib', () => {
    const fixtures = readdirSync(FIXTURES).map((f) => join(FIXTURES, f));
    const files = [...fixtures, ...corpusSelection(stdlibFiles('3.11'), 200)];
    const expected = runPython('3.11', [SCRIPT], { input: files.join('\n') + '\n' })
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string; warnings: [string, string, number][] });
    let warned = 0;
    const diffs: string[] = [];
    for (const e of expected) {
      const got = ours(e.path);
      warned += e.warnings.length;
      if (JSON.stringify(got) !== JSON.stringify(e.warnings)) diffs.push(`${e.path}: ${JSON.stringify(got)} vs ${JSON.stringify(e.warnings)}`);
    }
    console.log(`parser warnings: ${files.length - diffs.length}/${files.length} files identical (${warned} warnings)`);
    expect(warned).toBeGreaterThanOrEqual(9);
    expect(diffs).toEqual([]);
  }, 300_000);
});
