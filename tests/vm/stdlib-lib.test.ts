// CPython's own pure-Python stdlib in tspyc's VM (issue #5): every program in fixtures/vm-lib/
// (one per module of the list, an even sample of 8 in `npm test`, all of them in CI) runs
// under python3.11 and under `tspyc run --stdlib LIB`, LIB being the oracle's own Lib/ directory:
// stdout, stderr and the exit code must be identical. A second check proves the modules came
// from LIB (their __file__), not from the VM's TypeScript stand-ins; a third pins the precedence
// rule (stand-ins only without a Lib) and the Lib lookup of find-stdlib.ts.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStdlib, StdlibError } from '../../packages/vm/src/node/find-stdlib.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { corpusSelection } from '../../tools/corpus.js';
import { BUILT, tspyc } from '../cli/run-cli.js';
import { pool, tspycRun as tspycRunIn, type Outcome } from './run-async.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'vm-lib');
const tspycRun = (args: string[]) => tspycRunIn(args, FIXTURES);
const names = corpusSelection(readdirSync(FIXTURES).filter((f) => f.endsWith('.py')).sort(), 8);
/** the modules of issue #5 written in Python (all load from Lib, not from the stand-ins) */
const LIB_MODULES = [
  'collections', 'functools', 'operator', 'string', 're', 'json', 'dataclasses', 'enum', 'typing', 'abc', 'heapq',
  'bisect', 'copy', 'io', 'textwrap', 'random', 'contextlib', 'types', 'warnings', 'traceback',
];

const python = oracle('3.11');

describe.skipIf(!python || !BUILT)('fixtures/vm-lib: CPython\'s Lib modules in tspyc run == python3.11', () => {
  let lib = '';
  const expected = new Map<string, Outcome>();
  const got = new Map<string, Outcome>();

  beforeAll(async () => {
    lib = runPython('3.11', ['-S', '-c', 'import os; print(os.path.dirname(os.__file__))']).stdout.trim();
    for (const n of names) expected.set(n, runPython('3.11', ['-S', n], { cwd: FIXTURES, timeoutMs: 60_000 }));
    const ours = await pool(names.map((n) => () => tspycRun(['--stdlib', lib, n])));
    names.forEach((n, i) => got.set(n, ours[i]!));
  });

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    it(name, () => {
      const want = expected.get(name)!;
      expect(got.get(name)).toEqual({ stdout: want.stdout, stderr: want.stderr, status: want.status });
    });
  }

  it('loads every module of the list from Lib (their __file__ under LIB, as CPython\'s)', async () => {
    const code = `import os, ${LIB_MODULES.join(', ')}\nfor m in [${LIB_MODULES.join(', ')}]: print(m.__name__, os.path.relpath(m.__file__, ${JSON.stringify(lib)}))`;
    const want = runPython('3.11', ['-S', '-c', code]);
    const ours = await tspycRun(['--stdlib', lib, '-c', code]);
    expect(want.status).toBe(0);
    expect(ours).toEqual(want);
    expect(ours.stdout.split('\n').filter(Boolean)).toHaveLength(LIB_MODULES.length);
  });

  it('serves the stand-ins only without a Lib (--stdlib none)', async () => {
    const code = "import collections, json\nprint(hasattr(collections, '__file__'), hasattr(json, '__file__'), json.dumps([1]))";
    expect((await tspycRun(['--stdlib', 'none', '-c', code])).stdout).toBe('False False [1]\n');
    expect((await tspycRun(['--stdlib', lib, '-c', code])).stdout).toBe('True True [1]\n');
  });
});

describe('find-stdlib: where the Lib comes from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-stdlib-'));
  const fakeLib = join(dir, 'lib', 'python3.11');
  mkdirSync(fakeLib, { recursive: true });
  writeFileSync(join(fakeLib, 'os.py'), '');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'python3.11'), '');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bare = { PATH: '', HOME: dir } as NodeJS.ProcessEnv;

  it('takes --stdlib first, then TSPYC_STDLIB; none turns it off', () => {
    expect(findStdlib(fakeLib, { ...bare, TSPYC_STDLIB: 'none' })).toBe(fakeLib);
    expect(findStdlib(undefined, { ...bare, TSPYC_STDLIB: fakeLib })).toBe(fakeLib);
    expect(findStdlib('none', { ...bare, TSPYC_STDLIB: fakeLib })).toBeNull();
    expect(findStdlib(undefined, { ...bare, TSPYC_STDLIB: 'none', PATH: join(dir, 'bin') })).toBeNull();
  });

  it('refuses a directory without os.py in one line', () => {
    expect(() => findStdlib(dir, bare)).toThrow(StdlibError);
    expect(() => findStdlib(dir, bare)).toThrow(/not a Python 3\.11 Lib directory \(no os\.py or os\.pyc in it\)/);
  });

  it('finds python3.11\'s prefix from PATH, without running it', () => {
    expect(findStdlib(undefined, { ...bare, PATH: `/nonexistent:${join(dir, 'bin')}` })).toBe(fakeLib);
  });

  it.skipIf(!BUILT)('reports a bad --stdlib as a usage error', () => {
    const r = tspyc(['run', '--stdlib', dir, '-c', 'pass']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tspyc: ${dir}: not a Python 3.11 Lib directory (no os.py or os.pyc in it)\n`);
  });
});
