// CPython-written pycs of a whole stdlib, built once per machine by the oracle and cached in the
// OS temp dir (they are test inputs, never committed). Concurrent test files may ask at the same
// time: each builds into its own directory and the first rename wins.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stdlibDir, stdlibFiles } from './corpus.js';
import { findPython, runPython } from './oracles.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'oracle', 'compile_files.py');

export interface PycEntry {
  /** the source file in the oracle's stdlib */
  src: string;
  /** the pyc CPython wrote for it */
  pyc: string;
}

export interface PycCorpus {
  version: string;
  entries: PycEntry[];
  /** sources CPython refused (deliberately invalid test inputs), with its message */
  failures: { src: string; error: string }[];
}

export type InvalidationMode = 'timestamp' | 'checked-hash' | 'unchecked-hash';

/**
 * Every stdlib .py (outside site-packages) of python`version`, compiled by that python with
 * py_compile (dfile = the source path). `optimize` -1 means the interpreter's default (0).
 */
export function stdlibPycs(version: string, mode: InvalidationMode = 'timestamp', optimize = -1): PycCorpus {
  const exe = findPython(version);
  if (!exe) throw new Error(`python${version} is not available`);
  const lib = stdlibDir(version);
  const key = createHash('sha1').update(`${exe}\0${lib}\0${mode}\0${optimize}\0v1`).digest('hex').slice(0, 12);
  const finalDir = join(tmpdir(), 'tspyc-oracle-cache', `stdlib-pyc-${version}-${key}`);
  const manifest = join(finalDir, 'manifest.json');
  if (!existsSync(manifest)) {
    const work = `${finalDir}.tmp-${process.pid}-${Date.now()}`;
    mkdirSync(work, { recursive: true });
    const sources = stdlibFiles(version);
    const r = runPython(version, [SCRIPT, lib, join(work, 'pyc'), mode, String(optimize)], {
      input: sources.join('\n') + '\n',
    });
    if (r.status !== 0) throw new Error(`compiling the ${version} stdlib failed: ${r.stderr}`);
    const corpus: PycCorpus = { version, entries: [], failures: [] };
    for (const line of r.stdout.split('\n')) {
      if (!line) continue;
      const rec = JSON.parse(line) as { src: string; pyc?: string; error?: string };
      if (rec.pyc) corpus.entries.push({ src: rec.src, pyc: rec.pyc.replace(work, finalDir) });
      else corpus.failures.push({ src: rec.src, error: rec.error ?? '' });
    }
    writeFileSync(join(work, 'manifest.json'), JSON.stringify(corpus));
    try {
      renameSync(work, finalDir);
    } catch {
      rmSync(work, { recursive: true, force: true }); // another process finished first
    }
  }
  return JSON.parse(readFileSync(manifest, 'utf8')) as PycCorpus;
}
