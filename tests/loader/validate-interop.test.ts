// Acceptance (issue 6, interop): for each invalidation rule, a situation built on disk with pycs
// that python3.11 itself wrote, and tspyc's decision compared with importlib's on the same files.
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheFromSource, targetForVersion } from '@tspyc/bytecode';
import { checkSource, NodeFileSystem, type CheckHashBasedPycs } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DECISIONS = join(ROOT, 'tools', 'oracle', 'loader_decisions.py');
const target = targetForVersion('3.11')!;
const T0 = 1_700_000_000; // a whole second, so edits can stay inside or leave it

interface Case {
  name: string;
  mode: CheckHashBasedPycs;
  invalidation: 'timestamp' | 'checked-hash' | 'unchecked-hash';
  /** what happens after CPython wrote the cache */
  after: (source: string, cache: string) => void;
}

const setMtime = (p: string, s: number) => utimesSync(p, s, s);
const patch = (cache: string, at: number, bytes: number[]) => {
  const b = readFileSync(cache);
  bytes.forEach((x, i) => (b[at + i] = x));
  writeFileSync(cache, b);
};
const sameSizeEdit = (source: string) => writeFileSync(source, readFileSync(source, 'utf8').replace('x = 1', 'x = 2'));

const CASES: Case[] = [
  { name: 'untouched timestamp pyc', mode: 'default', invalidation: 'timestamp', after: () => {} },
  { name: 'source mtime moved (mtime)', mode: 'default', invalidation: 'timestamp', after: (s) => setMtime(s, T0 + 10) },
  { name: 'mtime moved by 2**32 seconds (mod 2**32)', mode: 'default', invalidation: 'timestamp', after: (s) => setMtime(s, T0 + 2 ** 32) },
  { name: 'source grew, same mtime (size)', mode: 'default', invalidation: 'timestamp', after: (s) => { writeFileSync(s, readFileSync(s, 'utf8') + '# more\n'); setMtime(s, T0); } },
  { name: 'wrong magic', mode: 'default', invalidation: 'timestamp', after: (_, c) => patch(c, 0, [0x0c]) },
  { name: 'unknown flag bit', mode: 'default', invalidation: 'timestamp', after: (_, c) => patch(c, 4, [0x04]) },
  { name: 'flags == 2 on a matching timestamp pyc', mode: 'default', invalidation: 'timestamp', after: (_, c) => patch(c, 4, [0x02]) },
  { name: 'truncated header', mode: 'default', invalidation: 'timestamp', after: (_, c) => writeFileSync(c, readFileSync(c).subarray(0, 12)) },
  { name: 'checked hash, source unchanged', mode: 'default', invalidation: 'checked-hash', after: (s) => setMtime(s, T0 + 99) },
  { name: 'checked hash, source edited (hash)', mode: 'default', invalidation: 'checked-hash', after: (s) => sameSizeEdit(s) },
  { name: 'checked hash, edited, --check-hash-based-pycs never', mode: 'never', invalidation: 'checked-hash', after: (s) => sameSizeEdit(s) },
  { name: 'unchecked hash, source edited (trusted)', mode: 'default', invalidation: 'unchecked-hash', after: (s) => sameSizeEdit(s) },
  { name: 'unchecked hash, edited, --check-hash-based-pycs always', mode: 'always', invalidation: 'unchecked-hash', after: (s) => sameSizeEdit(s) },
  { name: 'check_source bit cleared on a checked pyc (now unchecked)', mode: 'default', invalidation: 'checked-hash', after: (s, c) => { sameSizeEdit(s); patch(c, 4, [0x01]); } },
];

describe.skipIf(!oracle('3.11'))('cache decisions agree with importlib (3.11)', () => {
  let dir = '';
  const sources: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tspyc-interop-'));
    CASES.forEach((c, i) => {
      const source = join(dir, `case${i}.py`);
      writeFileSync(source, `# ${c.name}\nx = 1\n`);
      setMtime(source, T0);
      sources.push(source);
    });
    // CPython writes every cache, each in its case's invalidation mode.
    const script = [
      'import py_compile, sys, json',
      'for line in sys.stdin:',
      '    c = json.loads(line)',
      '    mode = {"timestamp": py_compile.PycInvalidationMode.TIMESTAMP, "checked-hash": py_compile.PycInvalidationMode.CHECKED_HASH, "unchecked-hash": py_compile.PycInvalidationMode.UNCHECKED_HASH}[c["mode"]]',
      '    py_compile.compile(c["source"], doraise=True, invalidation_mode=mode)',
    ].join('\n');
    const input = CASES.map((c, i) => JSON.stringify({ source: sources[i], mode: c.invalidation })).join('\n') + '\n';
    const r = runPython('3.11', ['-c', script], { input, env: { PYTHONDONTWRITEBYTECODE: undefined } });
    if (r.status !== 0) throw new Error(r.stderr);
    CASES.forEach((c, i) => c.after(sources[i]!, cacheFromSource(sources[i]!, { target })));
  }, 60_000);

  it('every rule: tspyc and importlib take the same decision', () => {
    const input = CASES.map((c, i) => JSON.stringify({ source: sources[i], mode: c.mode })).join('\n') + '\n';
    const theirs = runPython('3.11', [DECISIONS], { input }).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { decision: string }).decision);
    const fs = new NodeFileSystem();
    const rows = CASES.map((c, i) => {
      const ours = checkSource(fs, sources[i]!, { target, checkHashBasedPycs: c.mode, nanosecondWindow: false });
      return { case: c.name, ours: ours.state === 'fresh' ? 'fresh' : 'recompile', importlib: theirs[i] };
    });
    const agree = rows.filter((r) => r.ours === r.importlib).length;
    console.log(`invalidation rules: ${agree}/${rows.length} agree with importlib`);
    expect(rows.filter((r) => r.ours !== r.importlib)).toEqual([]);
    // The cases really exercise both outcomes.
    expect(new Set(rows.map((r) => r.importlib))).toEqual(new Set(['fresh', 'recompile']));
  });
});
