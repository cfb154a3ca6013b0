// pycs as a *fresh* `pythonX.Y -m py_compile FILE` process writes them: one interpreter per file,
// so no file's output depends on what an earlier compile in the same process interned
// (pyc-format.md §4.5). This is tspyc's canonical reference setup for byte-identical pycs; the
// one-process corpus of pyc-corpus.ts differs from it in a few files.
//
// Each source is symlinked into its own directory of a per-machine cache in the OS temp dir, and
// py_compile writes that directory's __pycache__ (never the oracle's own stdlib tree). Results are
// kept, so only the first run pays for the interpreters (about 0.1 s each, one per core; the
// whole 3.11 stdlib took 4 minutes on a busy 2-core machine).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findPython, oracleEnv } from './oracles.js';

export interface FreshPyc {
  src: string;
  /** the pyc, or null when CPython refused the source */
  pyc: string | null;
}

function cacheDir(version: string, exe: string): string {
  const key = createHash('sha1').update(`${exe}\0fresh-py-compile\0v2`).digest('hex').slice(0, 12);
  return join(tmpdir(), 'tspyc-oracle-cache', `fresh-pyc-${version}-${key}`);
}

// `-m` puts the working directory first on sys.path: run from an empty one, or a source named like
// a module py_compile imports (token.py, argparse.py) would be imported in place of the stdlib's.
function runPyCompile(exe: string, file: string, cwd: string, optimize: 0 | 1 | 2): Promise<number | null> {
  const flags = optimize === 0 ? [] : [optimize === 1 ? '-O' : '-OO'];
  return new Promise((resolve, reject) => {
    const child = spawn(exe, [...flags, '-m', 'py_compile', file], { cwd, env: oracleEnv(), stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

/**
 * The fresh-process pyc of each source (built on first use, then read from the cache); with
 * `optimize`, the `python -O` / `-OO -m py_compile` one (its .opt-N.pyc).
 */
export async function freshPycs(
  version: string,
  sources: readonly string[],
  concurrency = Math.max(2, availableParallelism()),
  optimize: 0 | 1 | 2 = 0,
): Promise<FreshPyc[]> {
  const exe = findPython(version);
  if (!exe) throw new Error(`python${version} is not available`);
  const root = cacheDir(version, exe);
  const cwd = join(root, 'empty-cwd');
  mkdirSync(cwd, { recursive: true });
  const tag = `cpython-${version.replace('.', '')}`;
  const out: FreshPyc[] = sources.map((src) => ({ src, pyc: null }));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      const i = next++;
      const src = sources[i]!;
      const dir = join(root, createHash('sha1').update(src).digest('hex').slice(0, 16));
      const name = basename(src);
      const link = join(dir, name);
      const pyc = join(dir, '__pycache__', `${name.replace(/\.py$/, '')}.${tag}${optimize ? `.opt-${optimize}` : ''}.pyc`);
      const refused = join(dir, optimize ? `refused-opt-${optimize}` : 'refused');
      if (!existsSync(pyc) && !existsSync(refused)) {
        mkdirSync(dir, { recursive: true });
        if (!existsSync(link)) symlinkSync(src, link);
        const status = await runPyCompile(exe, link, cwd, optimize);
        if (status !== 0 || !existsSync(pyc)) writeFileSync(refused, String(status));
      }
      out[i]!.pyc = existsSync(pyc) ? pyc : null;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}
