// One source to its cache files, as watch mode needs it: skip it when every requested cache is fresh
// in the requested invalidation mode (compile's own rule: a cache of another mode is recompiled),
// else compile it (one read for every -o level; the error's fields kept for a one-line report) and
// write each cache atomically through the loader (a cache is never torn, and never written for
// bytes other than the ones compiled: if the source changes while it compiles, it is compiled again).
import type { Target } from '@tspyc/bytecode';
import { compileSource, PyRecursionError, PySyntaxError, type OptimizeLevel } from '@tspyc/compiler';
import { cacheBytecode, cachePathFor, codeToPyc, type FileSystem, type InvalidationMode } from '@tspyc/loader';
import { upToDate } from './compile-up-to-date.js';

export interface CacheJob {
  target: Target;
  /** the optimization levels to write caches for (-o, repeatable) */
  levels: readonly OptimizeLevel[];
  mode: InvalidationMode;
}

export type CompileOutcome =
  | { status: 'fresh'; source: string }
  | { status: 'compiled'; source: string; caches: string[] }
  | { status: 'not-written'; source: string; cache: string; detail: string }
  | { status: 'compile-error'; source: string; type: string; msg: string; lineno: number | null; bytes: Uint8Array }
  | { status: 'gone'; source: string }
  | { status: 'unreadable'; source: string; detail: string };

/** Tries before giving up on a source that keeps changing while it compiles (the next event will retry). */
const ATTEMPTS = 3;

export function compileToCaches(fs: FileSystem, source: string, job: CacheJob): CompileOutcome {
  const caches = job.levels.map((level) => ({ level, path: cachePathFor(source, { target: job.target, optimization: level })! }));
  const due = caches.filter((c) => !upToDate(source, [c.path], job.mode, job.target));
  if (due.length === 0) return { status: 'fresh', source };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = fs.stat(source);
    if (!before?.isFile) return { status: 'gone', source };
    let bytes: Uint8Array;
    try {
      bytes = fs.readFile(source);
    } catch (err) {
      return { status: fs.stat(source) ? 'unreadable' : 'gone', source, detail: (err as Error).message };
    }
    const pycs: { path: string; data: Uint8Array }[] = [];
    try {
      for (const c of due) {
        const code = compileSource(bytes, source, { target: job.target, optimize: c.level });
        pycs.push({ path: c.path, data: codeToPyc(job.target, code, { bytes, mtimeNs: before.mtimeNs }, job.mode) });
      }
    } catch (err) {
      if (err instanceof PySyntaxError) return { status: 'compile-error', source, type: err.type, msg: err.msg, lineno: err.lineno, bytes };
      if (err instanceof PyRecursionError) return { status: 'compile-error', source, type: err.type, msg: err.msg, lineno: null, bytes };
      throw err;
    }
    const after = fs.stat(source);
    if (!after || after.mtimeNs !== before.mtimeNs || after.size !== before.size) continue; // edited meanwhile: again
    for (const pyc of pycs) {
      const write = cacheBytecode(fs, source, pyc.path, pyc.data);
      if (!write.written) return { status: 'not-written', source, cache: pyc.path, detail: write.detail };
    }
    return { status: 'compiled', source, caches: pycs.map((p) => p.path) };
  }
  return { status: 'not-written', source, cache: due[0]!.path, detail: 'the source kept changing while it compiled' };
}

/** The caches a source has at these levels (to remove when it is deleted). */
export function cachesOf(source: string, job: Pick<CacheJob, 'target' | 'levels'>): string[] {
  return job.levels.map((level) => cachePathFor(source, { target: job.target, optimization: level })!);
}
