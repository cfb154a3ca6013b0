// -x REGEXP: tspyc's translation of a Python `re` pattern decides like re.search on each path.
import { describe, expect, it } from 'vitest';
import { pythonRegex } from '../../packages/cli/src/commands/compile-regex.js';
import { oracle, runPython } from '../../tools/oracles.js';

const PATTERNS = [
  'test_',
  '/test/',
  '[/\\\\]tests?[/\\\\]',
  '(?i)TEST',
  '(?P<dir>pkg)/(?P=dir)',
  '\\Apkg',
  'mod\\.py\\Z',
  '^\\./',
  '\\.py$',
  'bad|broken',
  '(?s)a.b',
  '\\d{2,}',
  'ünï',
  '\\bsub\\b',
];
const PATHS = ['pkg/test_x.py', './pkg/test/mod.py', 'pkg/pkg/x.py', 'PKG/Test.py', 'pkg/mod.py', 'x/pkg', './ünï.py', 'a\nb.py', 'v10/x.py', 'pkg/sub/deep.py', 'pkg/subway.py', 'tests/a.py'];

describe.skipIf(!oracle('3.11'))('-x patterns', () => {
  it('match the paths re.search matches', () => {
    const script = 'import re, sys, json\nq = json.load(sys.stdin)\nprint(json.dumps([[bool(re.search(p, s)) for s in q["paths"]] for p in q["patterns"]]))';
    const expected = JSON.parse(runPython('3.11', ['-c', script], { input: JSON.stringify({ patterns: PATTERNS, paths: PATHS }) }).stdout) as boolean[][];
    PATTERNS.forEach((p, i) => {
      const rx = pythonRegex(p);
      expect(rx, p).not.toBeNull();
      const re = new RegExp(rx!.source, rx!.flags);
      expect(PATHS.map((s) => re.test(s)), p).toEqual(expected[i]);
    });
  });

  it('a pattern JavaScript cannot take (verbose mode) is refused, not misread', () => {
    expect(pythonRegex('(?x) test _ ')).toBeNull();
  });
});
