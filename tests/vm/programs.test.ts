// Every program in fixtures/vm/ (an even sample of 16 in `npm test`, all of them in CI) runs under
// python3.11 (from a pyc CPython wrote) and under `tspyc run` (the same pyc; the built CLI, which
// runs the VM in a worker thread with a stack deep enough for Python's recursion limit): stdout,
// stderr and the exit code must be identical.
//
// The sources are compiled in one CPython process (tools/oracle/compile_files.py) from a copy in a
// temporary directory. Every fixture runs with that copy deleted (tracebacks without source lines);
// the traceback fixtures (uncaught_*, traceback_*, recursion_uncaught) run a second time with the
// copy in place, so that the source lines and 3.11's ~~~^^^ carets are compared too.
//
// Every fixture runs twice: with the VM's TypeScript stand-ins for the pure-Python stdlib
// (--stdlib none) and with the oracle's own Lib/ (--stdlib LIB, CPython's modules loaded from
// their pycs); both must give CPython's output.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracle, oracleEnv, runPython } from '../../tools/oracles.js';
import { BUILT } from '../cli/run-cli.js';
import { pool, tspycRun, type Outcome } from './run-async.js';
import { corpusSelection } from '../../tools/corpus.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'vm');
const COMPILE = join(ROOT, 'tools', 'oracle', 'compile_files.py');
const names = corpusSelection(readdirSync(FIXTURES).filter((f) => f.endsWith('.py')).sort(), 16);
const withSource = names.filter((n) => /^(uncaught_|traceback_|recursion_uncaught)/.test(n));

const python = oracle('3.11');
/** the stdlib modes: the VM's stand-ins, and CPython's Lib/ (the oracle's) */
const MODES = ['stand-ins', 'Lib'] as const;
type Mode = (typeof MODES)[number];

/**
 * Fixtures known to differ with CPython's Lib/, and why (e.g. a C accelerator the VM lacks, so that
 * Lib's pure-Python fallback runs with its own error texts). Each is an expected failure: the test
 * fails loudly once the fixture passes, so the entry can go. None at present.
 */
const LIB_KNOWN: Readonly<Record<string, string>> = {};

describe.skipIf(!python || !BUILT)('fixtures/vm: tspyc run == python3.11 (from the same pyc)', () => {
  let dir = '';
  const pycs = new Map<string, string>();
  const expected = new Map<string, Outcome>();
  const pycsWithSource = new Map<string, string>();
  const expectedWithSource = new Map<string, Outcome>();
  const got = new Map<Mode, Map<string, Outcome>>(MODES.map((m) => [m, new Map()]));
  const gotWithSource = new Map<Mode, Map<string, Outcome>>(MODES.map((m) => [m, new Map()]));

  /** Compile copies of `files` into dir/<tag>; returns fixture name → pyc path. */
  function compileCopies(files: string[], tag: string): { src: string; pycs: Map<string, string> } {
    const src = join(dir, `${tag}-src`);
    const out = join(dir, `${tag}-pyc`);
    mkdirSync(src);
    for (const n of files) copyFileSync(join(FIXTURES, n), join(src, n));
    const list = files.map((n) => join(src, n)).join('\n') + '\n';
    const lines = execFileSync(python!, ['-W', 'ignore', COMPILE, src, out], {
      input: list,
      env: oracleEnv(),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const map = new Map<string, string>();
    for (const line of lines.split('\n').filter(Boolean)) {
      const rec = JSON.parse(line) as { src: string; pyc?: string; error?: string };
      if (rec.error) throw new Error(`python3.11 could not compile ${rec.src}: ${rec.error}`);
      map.set(rec.src.slice(src.length + 1), rec.pyc!);
    }
    return { src, pycs: map };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tspyc-vm-'));
    const plain = compileCopies(names, 'plain');
    rmSync(plain.src, { recursive: true });
    for (const [n, p] of plain.pycs) pycs.set(n, p);
    for (const n of names) expected.set(n, runPython('3.11', [pycs.get(n)!], { cwd: dir, timeoutMs: 60_000 }));
    const kept = compileCopies(withSource, 'kept');
    for (const [n, p] of kept.pycs) pycsWithSource.set(n, p);
    for (const n of withSource) expectedWithSource.set(n, runPython('3.11', [pycsWithSource.get(n)!], { cwd: dir, timeoutMs: 60_000 }));
    const lib = runPython('3.11', ['-S', '-c', 'import os; print(os.path.dirname(os.__file__))']).stdout.trim();
    for (const mode of MODES) {
      const stdlib = mode === 'Lib' ? lib : 'none';
      const run = (pyc: string) => () => tspycRun(['--stdlib', stdlib, pyc], undefined, 60_000);
      const ours = await pool([...names.map((n) => run(pycs.get(n)!)), ...withSource.map((n) => run(pycsWithSource.get(n)!))]);
      names.forEach((n, i) => got.get(mode)!.set(n, ours[i]!));
      withSource.forEach((n, i) => gotWithSource.get(mode)!.set(n, ours[names.length + i]!));
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const mode of MODES) {
    for (const name of names) {
      const known = mode === 'Lib' ? LIB_KNOWN[name] : undefined;
      (known === undefined ? it : it.fails)(`${name} (${mode})${known === undefined ? '' : ` — known difference: ${known}`}`, () => {
        const want = expected.get(name)!;
        expect(got.get(mode)!.get(name)).toEqual({
          stdout: want.stdout,
          stderr: want.stderr,
          status: want.status,
        });
      });
    }

    for (const name of withSource) {
      it(`${name} (${mode}; source beside the pyc: source lines and carets)`, () => {
        const want = expectedWithSource.get(name)!;
        expect(want.stderr).toContain('    ');
        expect(gotWithSource.get(mode)!.get(name)).toEqual({
          stdout: want.stdout,
          stderr: want.stderr,
          status: want.status,
        });
      });
    }
  }
});
