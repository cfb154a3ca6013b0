// The no-stale-window rule through loadCode: a same-size edit made in the second the cache
// records, after the cache was written, is compiled — where importlib (asked on the same files)
// runs the old code (cpython #75953). Outside that window loadCode decides as importlib does.
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kind, readPyc, targetForVersion, type PyInt } from '@tspyc/bytecode';
import { cachePathFor, loadCode, NodeFileSystem } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';
import { referenceCodes, ROOT } from './oracle-helpers.js';

const target = targetForVersion('3.11')!;
const T0 = 1_700_000_000;
const fs = new NodeFileSystem();
const xOf = (code: { consts: { items: { kind: Kind }[] } }) => (code.consts.items.find((c): c is PyInt => c.kind === Kind.Int) as PyInt).value;

describe.skipIf(!oracle('3.11'))('loadCode closes the stale window', () => {
  it('sees a same-size edit in the same second as its cache; importlib does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-lcwindow-'));
    const source = join(dir, 'mod.py');
    const compile = referenceCodes(join(dir, 'ref'), [{ path: source, text: 'x = 1\n' }, { path: source, text: 'x = 2\n' }]);
    writeFileSync(source, 'x = 1\n');
    utimesSync(source, T0 + 0.1, T0 + 0.1);
    expect(loadCode(fs, source, { target, compile }).write).toMatchObject({ written: true });
    const cache = cachePathFor(source, { target })!;
    utimesSync(cache, T0 + 0.4, T0 + 0.4); // as if written at .4 of that second
    expect(loadCode(fs, source, { target, compile })).toMatchObject({ from: 'cache' });

    writeFileSync(source, 'x = 2\n'); // the second edit: same size, same second
    utimesSync(source, T0 + 0.7, T0 + 0.7);
    const importlib = runPython('3.11', [join(ROOT, 'tools', 'oracle', 'loader_decisions.py')], { input: JSON.stringify({ source, mode: 'default' }) + '\n' });
    expect(JSON.parse(importlib.stdout).decision).toBe('fresh'); // the bug being closed
    const importlibRule = loadCode(fs, source, { target, compile, nanosecondWindow: false, dontWriteBytecode: true });
    expect(importlibRule.from).toBe('cache');
    expect(xOf(importlibRule.code)).toBe(1n); // the stale code

    const ours = loadCode(fs, source, { target, compile });
    expect(ours).toMatchObject({ from: 'source', miss: 'mtime-ns', write: { written: true } });
    expect(xOf(ours.code)).toBe(2n);
    expect(xOf(readPyc(readFileSync(cache)).code)).toBe(2n);
    // The rewritten cache postdates the edit: used from now on.
    const again = loadCode(fs, source, { target, compile: () => { throw new Error('compiled again'); } });
    expect(again.from).toBe('cache');
    expect(xOf(again.code)).toBe(2n);
  }, 60_000);
});
