// Small modules written to a per-machine cache directory (named by their contents), compiled by a
// fresh python3.11 -m py_compile each (freshPycs) and by tspyc: the modules whose pyc bodies differ,
// one line each. The header's mtime is the source file's, which a cleaned temp directory renews,
// so only the bodies are compared.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { expect } from 'vitest';
import { diffPycBytes } from '@tspyc/bytecode';
import { freshPycs } from '../../tools/fresh-pyc-corpus.js';
import { tspycPyc } from '../../tools/tspyc-pyc.js';

export async function modulesDifferingFromFreshPyCompile(tag: string, cases: Record<string, string>): Promise<string[]> {
  const dir = join(tmpdir(), 'tspyc-oracle-cache', `${tag}-${createHash('sha1').update(JSON.stringify(cases)).digest('hex').slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(cases).map(([name, text]) => {
    const file = join(dir, `${name}.py`);
    // written once: the directory is named by the contents, and freshPycs keeps the pycs
    if (!existsSync(file)) writeFileSync(file, text);
    return file;
  });
  const fresh = await freshPycs('3.11', files);
  const differing: string[] = [];
  expect(fresh).toHaveLength(files.length);
  for (const f of fresh) {
    expect(f.pyc, `${f.src} compiles`).not.toBeNull();
    // py_compile compiled the symlink beside its __pycache__: that path is co_filename
    const link = join(dirname(dirname(f.pyc!)), basename(f.src));
    const ours = tspycPyc(link, 0);
    const theirs = new Uint8Array(readFileSync(f.pyc!));
    if (Buffer.from(ours.subarray(16)).equals(theirs.subarray(16))) continue;
    const d = diffPycBytes(ours, theirs);
    differing.push(`${basename(f.src)}: ${d.code ? `${d.code.qualname} ${d.code.field}: ${d.code.detail}` : 'header only'}`);
  }
  return differing;
}
