// Annotations under `from __future__ import annotations` become strings written by CPython's
// _PyAST_ExprAsUnicode; ours (exprAsUnicode) must write the same text for every annotation of the
// 3.11 stdlib (a sample in `npm test`, all of it in CI) and for a fixture of tricky expressions.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../../packages/compiler/src/parser/index.js';
import type * as N from '../../packages/compiler/src/ast/index.js';
import { exprAsUnicode } from '../../packages/compiler/src/codegen/unparse/index.js';
import { fullCorpus, sample, stdlibFiles } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'tools', 'oracle', 'annotations.py');

interface Record {
  src: string;
  expected: string;
}

function oracleRecords(paths: string[], lines: boolean): Record[] {
  const r = runPython('3.11', [SCRIPT, ...(lines ? ['--lines'] : [])], { input: paths.join('\n') + '\n' });
  if (r.status !== 0) throw new Error(`annotations oracle failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record);
}

function ours(src: string): string {
  const mod = parse(src, { filename: '<annotation>', mode: 'exec' }) as N.Module;
  const stmt = mod.body[1] as N.AnnAssign;
  return exprAsUnicode(stmt.annotation);
}

function compare(records: Record[]): { same: number; diffs: string[] } {
  let same = 0;
  const diffs: string[] = [];
  for (const r of records) {
    let got: string;
    try {
      got = ours(r.src);
    } catch (e) {
      got = `<error ${(e as Error).message}>`;
    }
    if (got === r.expected) same++;
    else diffs.push(`${JSON.stringify(r.expected)} vs ours ${JSON.stringify(got)}`);
  }
  return { same, diffs };
}

describe.skipIf(!oracle('3.11'))('annotations as strings, as python3.11 writes them', () => {
  it('the fixture of tricky expressions', () => {
    const records = oracleRecords([join(ROOT, 'fixtures', 'codegen', 'annotations.txt')], true);
    expect(records.length).toBeGreaterThan(100);
    const { same, diffs } = compare(records);
    console.log(`annotation fixture: ${same}/${records.length} identical`);
    expect(diffs).toEqual([]);
  });

  it('every annotation of the stdlib', () => {
    // every file in CI; otherwise the files with return annotations (where annotations are)
    const all = stdlibFiles('3.11');
    const files = fullCorpus() ? all : sample(all.filter((f) => readFileSync(f, 'latin1').includes(') ->')), 60);
    const records = oracleRecords(files, false);
    expect(records.length).toBeGreaterThan(100);
    const { same, diffs } = compare(records);
    console.log(`stdlib annotations: ${same}/${records.length} identical (${files.length} files)`);
    expect(diffs.slice(0, 30)).toEqual([]);
  }, 600_000);
});
