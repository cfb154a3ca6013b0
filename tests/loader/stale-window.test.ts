// Acceptance (issue 6, no stale window): a source edited again within the second its cache
// records, keeping its size, is stale for tspyc — where importlib (cpython #75953) trusts the cache.
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheFromSource, targetForVersion } from '@tspyc/bytecode';
import { checkSource, NodeFileSystem } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';
import { BUILT, tspyc } from '../cli/run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = targetForVersion('3.11')!;
const T0 = 1_700_000_000;

describe.skipIf(!oracle('3.11'))('no stale window', () => {
  it('sees a same-size edit made in the same second as the cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-window-'));
    const source = join(dir, 'mod.py');
    writeFileSync(source, 'x = 1\n');
    utimesSync(source, T0 + 0.1, T0 + 0.1);
    const compile = 'import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True)';
    expect(runPython('3.11', ['-c', compile, source], { env: { PYTHONDONTWRITEBYTECODE: undefined } }).status).toBe(0);
    const cache = cacheFromSource(source, { target });
    utimesSync(cache, T0 + 0.4, T0 + 0.4); // the cache was written at .4 of that second
    const fs = new NodeFileSystem();
    expect(checkSource(fs, source, { target }).state).toBe('fresh');

    writeFileSync(source, 'x = 2\n'); // the second edit: same size, same second
    utimesSync(source, T0 + 0.7, T0 + 0.7);
    const ours = checkSource(fs, source, { target });
    expect(ours).toMatchObject({ state: 'stale', reason: 'mtime-ns' });

    // importlib's rules alone trust the cache (the bug being closed)...
    expect(checkSource(fs, source, { target, nanosecondWindow: false }).state).toBe('fresh');
    const decisions = join(ROOT, 'tools', 'oracle', 'loader_decisions.py');
    const r = runPython('3.11', [decisions], { input: JSON.stringify({ source, mode: 'default' }) + '\n' });
    expect(JSON.parse(r.stdout).decision).toBe('fresh');
    expect(readFileSync(source, 'utf8')).toBe('x = 2\n');

    // ...and `tspyc check` reports the edit.
    if (BUILT) {
      const cli = tspyc(['check', source]);
      expect(cli.stdout).toBe(`stale: ${source} (mtime-ns)\n`);
      expect(cli.status).toBe(1);
    }
  }, 60_000);

  it('takes a source whose mtime equals its cache\'s (the same tick of the coarse file clock) as stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-window-'));
    const source = join(dir, 'mod.py');
    writeFileSync(source, 'x = 1\n');
    utimesSync(source, T0 + 0.1, T0 + 0.1);
    const compile = 'import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True)';
    expect(runPython('3.11', ['-c', compile, source], { env: { PYTHONDONTWRITEBYTECODE: undefined } }).status).toBe(0);
    const cache = cacheFromSource(source, { target });
    utimesSync(cache, T0 + 0.4, T0 + 0.4);
    writeFileSync(source, 'x = 2\n'); // written in the tick the cache was: the order cannot be told
    utimesSync(source, T0 + 0.4, T0 + 0.4);
    expect(checkSource(new NodeFileSystem(), source, { target })).toMatchObject({ state: 'stale', reason: 'mtime-ns' });
  }, 60_000);

  it('leaves a cache written in a later second to importlib (an earlier edit is not newer)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-window-'));
    const source = join(dir, 'mod.py');
    writeFileSync(source, 'x = 1\n');
    utimesSync(source, T0 + 0.9, T0 + 0.9);
    const compile = 'import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True)';
    expect(runPython('3.11', ['-c', compile, source], { env: { PYTHONDONTWRITEBYTECODE: undefined } }).status).toBe(0);
    utimesSync(cacheFromSource(source, { target }), T0 - 500, T0 - 500); // e.g. unpacked from an archive
    expect(checkSource(new NodeFileSystem(), source, { target }).state).toBe('fresh');
  }, 60_000);
});
