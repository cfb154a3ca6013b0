// Acceptance (issue 7, byte identity): for the files of CPython 3.11's standard library (a sample
// in `npm test`, every file in CI), the pyc tspyc writes — compileSource, CPython's reference
// pattern (canonicalizeRefs), the timestamp header of the source — is byte for byte the pyc a
// fresh `python3.11 -m py_compile FILE` process writes (the canonical reference, pyc-format.md §4.5).
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPycBytes } from '@tspyc/bytecode';
import { corpusSelection, fullCorpus, sample, stdlibFiles } from '../../tools/corpus.js';
import { freshPycs } from '../../tools/fresh-pyc-corpus.js';
import { oracle } from '../../tools/oracles.js';
import { tspycPyc } from '../../tools/tspyc-pyc.js';

const exe = oracle('3.11');


async function check(sources: readonly string[], optimize: 0 | 1 | 2): Promise<void> {
  const fresh = (await freshPycs('3.11', sources, undefined, optimize)).filter((f) => f.pyc !== null);
  let identical = 0;
  const differing: string[] = [];
  for (const f of fresh) {
    // py_compile compiled the symlink beside its __pycache__: that path is co_filename
    const link = join(dirname(dirname(f.pyc!)), basename(f.src));
    const d = diffPycBytes(tspycPyc(link, optimize), new Uint8Array(readFileSync(f.pyc!)));
    if (d.identical) identical++;
    else differing.push(`${f.src}: ${d.header.map((h) => `${h.field} ${h.a} vs ${h.b}`).join(', ')} ${d.code ? `${d.code.qualname} ${d.code.field}: ${d.code.detail}` : ''}`);
  }
  console.log(`pyc bytes -O${optimize}: ${identical}/${fresh.length} stdlib files byte-identical to a fresh python3.11${optimize ? ` -${'O'.repeat(optimize)}` : ''} -m py_compile`);
  for (const line of differing.slice(0, 30)) console.log('  ' + line);
  expect(identical / fresh.length).toBeGreaterThanOrEqual(0.995);
}

describe.skipIf(!exe)('pycs byte-identical to a fresh python3.11 -m py_compile', () => {
  const all = stdlibFiles('3.11');
  it(`-O0: ${fullCorpus() ? 'every' : 'a sample of'} stdlib file`, () => check(corpusSelection(all, 80), 0), 1_800_000);
  // -O and -OO change only docstrings, asserts and __debug__: a fixed sample of each (larger in CI)
  it('-O1: a sample', () => check(sample(all, fullCorpus() ? 200 : 20), 1), 1_800_000);
  it('-O2: a sample', () => check(sample(all, fullCorpus() ? 200 : 20), 2), 1_800_000);
});
