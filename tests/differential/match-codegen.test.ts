// Our code objects for match statements are python3.11's, field by field (co_code, co_consts,
// co_names, co_linetable, co_exceptiontable, co_stacksize, …): every statement of
// fixtures/codegen/match-cases.txt at module level and inside a function, the programs of
// fixtures/codegen/match-shapes.txt, and every match statement of the 3.11 stdlib (mostly
// Lib/test/test_patma.py) and of its site-packages, each compiled on its own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareWithOracle, oracleCode } from '../../tools/codegen-oracle.js';
import { fullCorpus, sitePackagesFiles, stdlibFiles } from '../../tools/corpus.js';
import { fixtureSections } from '../../tools/fixture-sections.js';
import { oracle, runPython } from '../../tools/oracles.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CASES = join(ROOT, 'fixtures', 'codegen', 'match-cases.txt');
const SHAPES = join(ROOT, 'fixtures', 'codegen', 'match-shapes.txt');
const EXTRACT = join(ROOT, 'tools', 'oracle', 'match_extract.py');

/** compile each program with both compilers; the differences, as one line each */
function compareAll(programs: { name: string; source: string }[]): { same: number; diffs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-match-'));
  try {
    const paths = programs.map((p, i) => {
      const path = join(dir, `m${i}.py`);
      writeFileSync(path, p.source);
      return path;
    });
    const records = oracleCode(paths);
    let same = 0;
    const diffs: string[] = [];
    paths.forEach((path, i) => {
      const o = compareWithOracle(path, records.get(path)!);
      if (o.status === 'identical' || o.status === 'same-error') same++;
      else {
        const detail = o.status === 'different' ? `${o.diff.qualname} ${o.diff.field}: ${o.diff.detail}` : o.status === 'crash' ? o.message : `${o.ours} / ${o.theirs}`;
        diffs.push(`${programs[i]!.name}: ${detail}`);
      }
    });
    return { same, diffs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** each match statement of the files, extracted by the oracle as a program of its own, compared */
function compareCorpus(files: string[]): { same: number; total: number; diffs: string[] } {
  const candidates = files.filter((f) => /^\s+match\b/m.test(readFileSync(f, 'latin1')));
  const r = runPython('3.11', [EXTRACT], { input: candidates.join('\n') + '\n' });
  if (r.status !== 0) throw new Error(r.stderr);
  const programs = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const { origin, source } = JSON.parse(l) as { origin: string; source: string };
      return { name: origin, source };
    });
  return { ...compareAll(programs), total: programs.length };
}

describe.skipIf(!oracle('3.11'))('match statements compile as python3.11 compiles them', () => {
  it('fixtures/codegen/match-cases.txt, at module level and in a function', () => {
    const programs = fixtureSections(CASES).flatMap((s) => {
      const source = new TextDecoder().decode(s.source);
      const indented = source.split('\n').map((l) => (l ? '    ' + l : l)).join('\n');
      return [
        { name: s.name, source },
        { name: `${s.name} (in a function)`, source: 'def f(x, flag):\n' + indented },
      ];
    });
    expect(programs.length).toBeGreaterThanOrEqual(200);
    const { same, diffs } = compareAll(programs);
    console.log(`match fixture: ${same}/${programs.length} code objects identical`);
    expect(diffs).toEqual([]);
  }, 300_000);

  it('fixtures/codegen/match-shapes.txt: closures, classes, loops, try, guards, nesting, async', () => {
    const programs = fixtureSections(SHAPES).map((s) => ({ name: s.name, source: new TextDecoder().decode(s.source) }));
    const { same, diffs } = compareAll(programs);
    console.log(`match shapes: ${same}/${programs.length} programs identical`);
    expect(diffs).toEqual([]);
  }, 300_000);

  it('every match statement of the 3.11 stdlib', () => {
    const { same, total, diffs } = compareCorpus(stdlibFiles('3.11'));
    console.log(`stdlib match statements: ${same}/${total} identical`);
    expect(total).toBeGreaterThan(200);
    expect(diffs.slice(0, 30)).toEqual([]);
  }, 300_000);

  // reading all of site-packages takes longer than a quick run should: CI only
  it.skipIf(!fullCorpus())("every match statement of 3.11's site-packages", () => {
    const { same, total, diffs } = compareCorpus(sitePackagesFiles('3.11'));
    console.log(`site-packages match statements: ${same}/${total} identical`);
    expect(diffs.slice(0, 30)).toEqual([]);
  }, 300_000);
});
