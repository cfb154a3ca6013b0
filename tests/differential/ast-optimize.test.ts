// Acceptance (AST optimizer): optimizeAst over our parse gives exactly the tree CPython 3.11's own
// _PyAST_Optimize gives (tools/oracle/ast_optimize.py calls it), compared as ast.dump text with
// locations, over the stdlib (a sample in `npm test`, all of it in CI) at -O0, and at -O1 for the
// files where the level matters. Folded
// frozensets print in CPython's iteration order with PYTHONHASHSEED=0, except those holding None
// (hashed by its address in 3.11: no order to reproduce), sorted on both sides.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dump, futureFromAST, optimizeAst, parse, PySyntaxError } from '@tspyc/compiler';
import { astOptimizeOracle, DUMP_OPTIONS } from '../../tools/ast-optimize-corpus.js';
import { corpusSelection, stdlibFiles } from '../../tools/corpus.js';
import { oracle } from '../../tools/oracles.js';
import { sortUnorderedSets } from '../../tools/sort-unordered-sets.js';

function futureFeatures(tree: ReturnType<typeof parse>, path: string): number {
  try {
    return futureFromAST(tree, path).features;
  } catch {
    return 0; // a misplaced or unknown future import: compile() rejects the file later
  }
}

function ours(path: string, optimize: 0 | 1): string | null {
  let tree;
  try {
    tree = parse(readFileSync(path), { filename: path });
  } catch (e) {
    if (e instanceof PySyntaxError) return null;
    throw e;
  }
  optimizeAst(tree, { optimize, futureFeatures: futureFeatures(tree, path) });
  sortUnorderedSets(tree);
  return createHash('sha256').update(dump(tree, DUMP_OPTIONS) + '\n').digest('hex');
}

function compare(files: string[], optimize: 0 | 1): { same: number; rejected: number; diffs: string[] } {
  const records = astOptimizeOracle(files.map((path) => ({ path, optimize })));
  let same = 0;
  let rejected = 0;
  const diffs: string[] = [];
  files.forEach((path, i) => {
    const r = records[i]!;
    const mine = ours(path, optimize);
    if (r.error) {
      if (mine === null) rejected++;
      else diffs.push(`${path}: the oracle raised ${r.error.join(': ')}`);
    } else if (mine === r.sha256) same++;
    else diffs.push(`${path}: ${mine === null ? 'we reject it' : 'dump differs'}`);
  });
  return { same, rejected, diffs };
}

describe.skipIf(!oracle('3.11'))('AST optimizer parity with python3.11', () => {
  it('stdlib at -O0: the optimized tree, locations included', () => {
    const files = corpusSelection(stdlibFiles('3.11'), 120);
    const { same, rejected, diffs } = compare(files, 0);
    console.log(`ast optimizer -O0: ${same}/${files.length} optimized trees identical, ${rejected} rejected by both`);
    expect(diffs).toEqual([]);
  }, 900_000);

  it('stdlib at -O1: the files that mention __debug__ (the only thing -O changes in ast_opt.c)', () => {
    const files = corpusSelection(stdlibFiles('3.11').filter((f) => readFileSync(f, 'latin1').includes('__debug__')), 8);
    const { same, rejected, diffs } = compare(files, 1);
    console.log(`ast optimizer -O1: ${same}/${files.length} optimized trees identical, ${rejected} rejected by both`);
    expect(same).toBeGreaterThan(0);
    expect(diffs).toEqual([]);
  }, 900_000);
});
