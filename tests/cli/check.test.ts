// `tspyc check` as a user runs it: one line per file, --json, exit codes, bad paths.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from './run-cli.js';

describe.skipIf(!BUILT || !oracle('3.11'))('tspyc check', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tspyc-check-'));
    mkdirSync(join(dir, 'pkg'));
    for (const f of ['fresh.py', 'stale.py', 'pkg/__init__.py']) writeFileSync(join(dir, f), `# ${f}\nx = 1\n`);
    const code = 'import compileall, sys; sys.exit(0 if compileall.compile_dir(sys.argv[1], quiet=1) else 1)';
    expect(runPython('3.11', ['-c', code, dir], { env: { PYTHONDONTWRITEBYTECODE: undefined } }).status).toBe(0);
    writeFileSync(join(dir, 'missing.py'), 'y = 2\n');
    writeFileSync(join(dir, 'stale.py'), readFileSync(join(dir, 'stale.py'), 'utf8') + 'z = 3\n');
    utimesSync(join(dir, 'stale.py'), 1_800_000_000, 1_800_000_000);
  }, 60_000);

  it('reports each state, one line per file, and exits 1', () => {
    const r = tspyc(['check', dir]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`fresh: ${join(dir, 'fresh.py')}`);
    expect(lines).toContain(`fresh: ${join(dir, 'pkg/__init__.py')}`);
    expect(lines).toContain(`stale: ${join(dir, 'stale.py')} (mtime)`);
    expect(lines).toContain(`missing: ${join(dir, 'missing.py')}`);
  });

  it('--json gives the same as one document', () => {
    const doc = JSON.parse(tspyc(['check', '--json', dir]).stdout) as { counts: Record<string, number>; files: { state: string }[] };
    expect(doc.counts.missing).toBe(1);
    expect(doc.counts.stale).toBeGreaterThanOrEqual(1);
    expect(doc.files.length).toBe(doc.counts.fresh! + doc.counts.stale! + doc.counts.missing! + doc.counts.orphan!);
  });

  it('reports an orphan cache and exits 0 when everything else is fresh', () => {
    const solo = mkdtempSync(join(tmpdir(), 'tspyc-orphan-'));
    writeFileSync(join(solo, 'a.py'), 'a = 1\n');
    writeFileSync(join(solo, 'b.py'), 'b = 1\n');
    const code = 'import compileall, sys, os; compileall.compile_dir(sys.argv[1], quiet=1); os.remove(os.path.join(sys.argv[1], "b.py"))';
    runPython('3.11', ['-c', code, solo], { env: { PYTHONDONTWRITEBYTECODE: undefined } });
    const r = tspyc(['check', solo]);
    expect(r.stdout).toBe(`fresh: ${join(solo, 'a.py')}\norphan: ${join(solo, '__pycache__/b.cpython-311.pyc')}\n`);
    expect(r.status).toBe(0);
  });

  it('a path that does not exist is one line and exit 1', () => {
    const r = tspyc(['check', join(dir, 'nope')]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^tspyc: cannot check .*No such file or directory\n$/);
  });
});
