// Targeted cases for the AST optimizer (fixtures/ast-optimize/cases.txt, one "#### name [flags]"
// section each; flags: -O1, -O2, eval, single): our optimized tree must dump exactly as the one
// CPython 3.11's own _PyAST_Optimize makes (tools/oracle/ast_optimize.py). Plus the recursion
// limit, against compile() itself, which runs the optimizer before the symbol table.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dump, futureFromAST, optimizeAst, parse, PyRecursionError, type ParseMode } from '@tspyc/compiler';
import { astOptimizeOracle, DUMP_OPTIONS, type OptimizeRequest } from '../../tools/ast-optimize-corpus.js';
import { fixtureSections } from '../../tools/fixture-sections.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { deepestAccepted } from '../../tools/recursion-probe.js';
import { sortUnorderedSets } from '../../tools/sort-unordered-sets.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/ast-optimize/cases.txt');

interface Case {
  name: string;
  source: string;
  optimize: 0 | 1 | 2;
  mode: 'exec' | 'eval' | 'single';
}

function cases(): Case[] {
  return fixtureSections(FIXTURE).map(({ name, source }) => {
    const flags = name.split(' ');
    const level = flags.find((f) => /^-O[12]$/.test(f));
    const mode = flags.includes('eval') ? 'eval' : flags.includes('single') ? 'single' : 'exec';
    return { name, source: Buffer.from(source).toString('utf8'), optimize: level ? (Number(level[2]) as 1 | 2) : 0, mode };
  });
}

function ours(c: Case): string {
  const tree = parse(c.source, { filename: '<fixture>', mode: c.mode as ParseMode });
  optimizeAst(tree, { optimize: c.optimize, futureFeatures: futureFromAST(tree, '<fixture>').features });
  sortUnorderedSets(tree);
  return dump(tree, DUMP_OPTIONS) + '\n';
}

describe.skipIf(!oracle('3.11'))('AST optimizer: targeted cases against python3.11', () => {
  it('fixtures/ast-optimize/cases.txt', () => {
    const all = cases();
    const optimized = astOptimizeOracle(all.map(({ source, optimize, mode }): OptimizeRequest => ({ source, optimize, mode, full: true })));
    // the same sources unoptimized (ast.parse): a case the optimizer leaves alone proves little
    const plain = runPython('3.11', ['-c', 'import ast,json,sys\nfor l in sys.stdin:\n r=json.loads(l); print(json.dumps(ast.dump(ast.parse(r["source"], mode=r["mode"]), include_attributes=True, indent=1) + "\\n"))'], {
      input: all.map(({ source, mode }) => JSON.stringify({ source, mode })).join('\n') + '\n',
    }).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as string);
    let same = 0;
    let changed = 0;
    const diffs: string[] = [];
    all.forEach((c, i) => {
      const expected = optimized[i]!;
      if (!expected.dump) throw new Error(`${c.name}: the oracle failed: ${JSON.stringify(expected.error)}`);
      if (expected.dump !== plain[i]) changed++;
      const mine = ours(c);
      if (mine === expected.dump) same++;
      else {
        const a = mine.split('\n');
        const b = expected.dump.split('\n');
        const at = a.findIndex((line, k) => line !== b[k]);
        diffs.push(`${c.name}: line ${at + 1}: ours ${JSON.stringify(a.slice(at, at + 3).join(' '))} vs ${JSON.stringify(b.slice(at, at + 3).join(' '))}`);
      }
    });
    console.log(`ast optimizer cases: ${same}/${all.length} identical (${changed} of them changed by the optimizer)`);
    expect(diffs).toEqual([]);
    expect(changed).toBeGreaterThan(all.length * 0.8);
  }, 120_000);

  it('the recursion limit: the deepest trees compile() accepts, and one node more raises', () => {
    // compile() runs the optimizer before the symbol table, with the same limit: 3 x
    // sys.getrecursionlimit() nested nodes, counted from 3 x the Python frames on the stack
    const want = deepestAccepted('builtins', 'compile(src, "<probe>", "exec")', {
      expr: 'lambda n: "x" + " + x" * n',
      attrs: 'lambda n: "a" + ".b" * n + "\\n"',
      nested: 'lambda n: "def f():\\n    if x:\\n        return -(" + "1 - " * n + "1)\\n"',
      pattern: 'lambda n: "match x:\\n    case -1 | [1, -2j] | C(a" + ".b" * n + "):\\n        pass\\n"',
    });
    const shapes: Record<string, (n: number) => string> = {
      expr: (n) => 'x' + ' + x'.repeat(n),
      attrs: (n) => 'a' + '.b'.repeat(n) + '\n',
      nested: (n) => 'def f():\n    if x:\n        return -(' + '1 - '.repeat(n) + '1)\n',
      pattern: (n) => 'match x:\n    case -1 | [1, -2j] | C(a' + '.b'.repeat(n) + '):\n        pass\n',
    };
    const accepts = (src: string) => {
      try {
        optimizeAst(parse(src), { recursionLimit: want.limit, startDepth: want.depth });
        return true;
      } catch (e) {
        if (e instanceof PyRecursionError) return false;
        throw e;
      }
    };
    for (const [name, shape] of Object.entries(shapes)) {
      const n = want.max[name]!;
      expect(n, name).toBeGreaterThan(100);
      expect(n, name).toBeLessThan(4000);
      expect(accepts(shape(n)), `${name} ${n}`).toBe(true);
      expect(accepts(shape(n + 1)), `${name} ${n + 1}`).toBe(false);
    }
    console.log(`ast optimizer recursion limit: the same deepest trees as python3.11's compile() (${JSON.stringify(want.max)})`);
  }, 120_000);
});
