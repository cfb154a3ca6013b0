// Acceptance (issue 3, tokenize): `tspyc tokenize [-e] FILE` prints exactly what
// `python3.11 -m tokenize [-e] FILE` prints (stdout, stderr, exit status) for every stdlib file and
// for the edge cases in fixtures/tokenize/.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenizeMain } from '@tspyc/compiler';
import { corpusSelection, stdlibFiles } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'tools', 'oracle', 'tokenize_main.py');
const FIXTURES = join(ROOT, 'fixtures', 'tokenize');

interface OracleRun {
  path: string;
  stdout: string;
  stderr: string;
  status: number;
}

/** Files whose tokenization CPython aborts with a traceback of its own (an undecodable line). */
const isTraceback = (o: OracleRun) => o.stderr.includes('<traceback>');

function compare(files: string[], exact: boolean): { same: number; traceback: number; diffs: string[] } {
  const out = runPython('3.11', [SCRIPT, exact ? '-e' : ''], { input: files.join('\n') + '\n' }).stdout.trim().split('\n');
  let same = 0;
  let traceback = 0;
  const diffs: string[] = [];
  for (const line of out) {
    const o = JSON.parse(line) as OracleRun;
    const r = tokenizeMain(new Uint8Array(readFileSync(o.path)), o.path, exact);
    if (isTraceback(o)) {
      // CPython prints "unexpected error: …" and then its own traceback; we print the first line.
      if (r.exitCode === 1 && r.stdout === o.stdout && o.stderr.startsWith('unexpected error:') && r.stderr.startsWith('unexpected error:')) traceback++;
      else diffs.push(o.path);
      continue;
    }
    if (r.stdout === o.stdout && r.stderr === o.stderr && r.exitCode === o.status) same++;
    else diffs.push(o.path);
  }
  return { same, traceback, diffs };
}

describe.skipIf(!oracle('3.11'))('tokenize parity with python3.11 -m tokenize', () => {
  for (const exact of [true, false]) {
    const flag = exact ? ' -e' : '';
    it(`stdlib${flag}`, () => {
      const files = corpusSelection(stdlibFiles('3.11'), 150);
      const { same, traceback, diffs } = compare(files, exact);
      console.log(`tokenize${flag} parity: ${same}/${files.length} files identical` + (traceback ? `, ${traceback} where CPython ends in its own traceback (same output before it)` : ''));
      expect(diffs).toEqual([]);
    }, 600_000);

    it(`fixtures/tokenize${flag}`, () => {
      const files = readdirSync(FIXTURES).sort().map((f) => join(FIXTURES, f));
      const { same, traceback, diffs } = compare(files, exact);
      console.log(`tokenize${flag} fixtures: ${same}/${files.length} identical, ${traceback} ending in a CPython traceback`);
      expect(files.length).toBeGreaterThanOrEqual(20);
      expect(diffs).toEqual([]);
    }, 120_000);
  }
});
