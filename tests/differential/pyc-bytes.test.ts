// Acceptance (issue 7, byte identity): for the files of CPython 3.11's standard library (a sample
// in `npm test`, every file in CI), at -O0, -O1 and -O2, the pyc tspyc writes — compileSource,
// CPython's reference pattern (canonicalizeRefs), the timestamp header of the source — is byte for
// byte the pyc a fresh `python3.11 -m py_compile FILE` process writes (the canonical reference,
// pyc-format.md §4.5); and so is its unchecked-hash pyc, with the header py_compile writes then.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPycBytes } from '@tspyc/bytecode';
import { corpusSelection, fullCorpus, sample, stdlibFiles } from '../../tools/corpus.js';
import { freshPycs } from '../../tools/fresh-pyc-corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { tspycPyc } from '../../tools/tspyc-pyc.js';

const exe = oracle('3.11');

/**
 * CPython's unchecked-hash pyc of each source: the fresh timestamp pyc's body (marshal.dumps of the
 * code, which py_compile writes the same in every invalidation mode) under the header
 * _code_to_hash_pyc gives it — flags 0b01 and importlib.util.source_hash of the source bytes, which
 * one python3.11 process computes for all of them.
 */
function uncheckedHashPycs(fresh: readonly { src: string; pyc: string }[]): Uint8Array[] {
  const script = 'import importlib.util, sys\nfor line in sys.stdin:\n    print(importlib.util.source_hash(open(line.rstrip("\\n"), "rb").read()).hex())';
  const r = runPython('3.11', ['-c', script], { input: fresh.map((f) => f.src).join('\n') + '\n' });
  if (r.status !== 0) throw new Error(r.stderr);
  const hashes = r.stdout.trim().split('\n');
  return fresh.map((f, i) => {
    const pyc = new Uint8Array(readFileSync(f.pyc));
    new DataView(pyc.buffer, pyc.byteOffset).setUint32(4, 0b01, true);
    pyc.set(Buffer.from(hashes[i]!, 'hex'), 8);
    return pyc;
  });
}

async function check(sources: readonly string[], optimize: 0 | 1 | 2, mode: 'timestamp' | 'unchecked-hash' = 'timestamp'): Promise<void> {
  const fresh = (await freshPycs('3.11', sources, undefined, optimize)).filter((f): f is { src: string; pyc: string } => f.pyc !== null);
  const expected = mode === 'timestamp' ? fresh.map((f) => new Uint8Array(readFileSync(f.pyc))) : uncheckedHashPycs(fresh);
  let identical = 0;
  const differing: string[] = [];
  fresh.forEach((f, i) => {
    // py_compile compiled the symlink beside its __pycache__: that path is co_filename
    const link = join(dirname(dirname(f.pyc)), basename(f.src));
    const d = diffPycBytes(tspycPyc(link, optimize, mode), expected[i]!);
    if (d.identical) identical++;
    else differing.push(`${f.src}: ${d.header.map((h) => `${h.field} ${h.a} vs ${h.b}`).join(', ')} ${d.code ? `${d.code.qualname} ${d.code.field}: ${d.code.detail}` : ''}`);
  });
  console.log(`pyc bytes -O${optimize} ${mode}: ${identical}/${fresh.length} stdlib files byte-identical to a fresh python3.11${optimize ? ` -${'O'.repeat(optimize)}` : ''} -m py_compile`);
  for (const line of differing.slice(0, 30)) console.log('  ' + line);
  expect(fresh.length).toBeGreaterThanOrEqual(Math.min(sources.length - 20, 1700));
  expect(differing).toEqual([]);
}

describe.skipIf(!exe)('pycs byte-identical to a fresh python3.11 -m py_compile', () => {
  const all = stdlibFiles('3.11');
  const files = fullCorpus() ? all : corpusSelection(all, 80);
  const what = fullCorpus() ? 'every stdlib file' : 'a sample of the stdlib';
  it(`-O0, timestamp: ${what}`, () => check(files, 0), 1_800_000);
  it(`-O0, unchecked-hash: ${what}`, () => check(files, 0, 'unchecked-hash'), 1_800_000);
  // -O and -OO change only docstrings, asserts and __debug__: a smaller sample outside CI
  const optimized = fullCorpus() ? all : sample(all, 20);
  it(`-O1: ${fullCorpus() ? what : 'a sample of the stdlib'}`, () => check(optimized, 1), 1_800_000);
  it(`-O2: ${fullCorpus() ? what : 'a sample of the stdlib'}`, () => check(optimized, 2), 1_800_000);
});
