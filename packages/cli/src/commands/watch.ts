// `tspyc watch [opts] PATH...`: compile like `tspyc compile` once (sources whose caches are fresh in
// the requested mode are skipped), then recompile each source within milliseconds of its save,
// remove the caches of deleted sources, report syntax errors and keep watching. One line per event;
// Ctrl-C (SIGINT) or SIGTERM exits 0. Writes checked-hash pycs unless told otherwise, so no edit is
// ever hidden by a cache with the same mtime second and size. CPython has no such command.
// Editors' save patterns: a write to a temp file renamed over the source is one change of the
// source; a delete then re-create is a change (chokidar's `atomic`); a burst of writes is settled
// for a few milliseconds and compiled once; a cache is only ever written for the bytes compiled.
import { basename } from 'node:path';
import { readFileSync, unlinkSync } from 'node:fs';
import type { Command } from 'commander';
import { watch, type FSWatcher } from 'chokidar';
import { targetForVersion } from '@tspyc/bytecode';
import type { OptimizeLevel } from '@tspyc/compiler';
import { NodeFileSystem, type InvalidationMode } from '@tspyc/loader';
import { CliError, ExitCode } from '../errors.js';
import { cachesOf, compileToCaches, type CacheJob, type CompileOutcome } from './watch-compile.js';

interface WatchFlags {
  invalidationMode: InvalidationMode;
  optimize: string[];
  x?: string;
  quiet?: boolean;
  target: string;
}

/** How long a source must stay unchanged before it is compiled: a burst of writes compiles once. */
const SETTLE_MS = 4;
/**
 * A second look this long after each compile: chokidar drops a file's events for 5 ms after one it
 * reports (its 'watch' throttle) and ignores a change whose coarse mtime equals the last one it saw,
 * so the last write of a burst can go unreported. The look compiles only when the cache is not
 * fresh, and reports a source that does not compile only if its bytes changed.
 */
const VERIFY_MS = 40;

const MODES: readonly InvalidationMode[] = ['timestamp', 'checked-hash', 'unchecked-hash'];

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('compile sources to __pycache__, then recompile each one when it is saved (Ctrl-C to stop)')
    .argument('<paths...>', 'source files or directories (watched recursively)')
    .option('--invalidation-mode <mode>', 'timestamp, checked-hash or unchecked-hash', 'checked-hash')
    .option('-o <level>', 'optimization level 0, 1 or 2 (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('-x <regex>', 'skip files whose path matches this regular expression')
    .option('-q, --quiet', 'print only errors')
    .option('--target <version>', 'the CPython version to compile for', '3.11')
    .action(async (paths: string[], flags: WatchFlags & { o?: string[] }) => {
      const target = targetForVersion(flags.target);
      if (!target || target.version !== '3.11') throw new CliError(`tspyc watch compiles for 3.11 only, not ${flags.target}`, ExitCode.Usage);
      if (!MODES.includes(flags.invalidationMode)) throw new CliError('--invalidation-mode must be timestamp, checked-hash or unchecked-hash', ExitCode.Usage);
      const levels = [...new Set(flags.o ?? ['0'])].map((o) => {
        if (!['0', '1', '2'].includes(o)) throw new CliError(`-o must be 0, 1 or 2, not ${o}`, ExitCode.Usage);
        return Number(o) as OptimizeLevel;
      });
      let exclude: RegExp | null = null;
      try {
        if (flags.x !== undefined) exclude = new RegExp(flags.x);
      } catch (err) {
        throw new CliError(`-x: ${(err as Error).message}`, ExitCode.Usage);
      }
      const fs = new NodeFileSystem();
      for (const p of paths) if (!fs.stat(p)) throw new CliError(`cannot watch '${p}': No such file or directory`);
      await watchSources(paths, { target, levels, mode: flags.invalidationMode }, { exclude, quiet: flags.quiet ?? false, fs });
    });
}

interface WatchOptions {
  exclude: RegExp | null;
  quiet: boolean;
  fs: NodeFileSystem;
}

const isSource = (path: string) => path.endsWith('.py') && !basename(path).startsWith('.#'); // not an emacs lock

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function report(outcome: CompileOutcome, ms: number, quiet: boolean): 'compiled' | 'fresh' | 'failed' {
  switch (outcome.status) {
    case 'fresh':
      return 'fresh';
    case 'compiled':
      if (!quiet) say(`compiled ${outcome.source} (${ms.toFixed(1)} ms)`);
      return 'compiled';
    case 'compile-error': {
      const where = outcome.lineno === null ? '' : `, line ${outcome.lineno}`;
      say(`error ${outcome.source}${where}: ${outcome.type}: ${outcome.msg}`);
      return 'failed';
    }
    case 'not-written':
      say(`error ${outcome.source}: cache ${outcome.cache} not written: ${outcome.detail}`);
      return 'failed';
    case 'unreadable':
      say(`error ${outcome.source}: ${outcome.detail}`);
      return 'failed';
    case 'gone':
      return 'fresh';
  }
}

function watchSources(paths: string[], job: CacheJob, options: WatchOptions): Promise<void> {
  const { fs, quiet, exclude } = options;
  const ignored = (path: string, stats?: { isFile(): boolean }) =>
    basename(path) === '__pycache__' || (exclude !== null && exclude.test(path)) || (stats?.isFile() === true && !isSource(path));
  const watcher: FSWatcher = watch(paths, { ignored, ignoreInitial: false, atomic: true, persistent: true });
  const initial: string[] = [];
  let ready = false;
  const timers = new Map<string, NodeJS.Timeout>();

  /** the bytes of each source that did not compile, so the same bytes are reported once */
  const failed = new Map<string, Uint8Array>();
  const compileNow = (path: string) => {
    const last = failed.get(path);
    if (last !== undefined) {
      try {
        if (Buffer.compare(readFileSync(path), last) === 0) return 'failed' as const;
      } catch {
        /* gone or unreadable: let compileToCaches say so */
      }
    }
    const start = performance.now();
    let outcome: CompileOutcome;
    try {
      outcome = compileToCaches(fs, path, job);
    } catch (err) {
      say(`error ${path}: internal error: ${(err as Error).message}`);
      return 'failed' as const;
    }
    if (outcome.status === 'compile-error') failed.set(path, outcome.bytes);
    else failed.delete(path);
    return report(outcome, performance.now() - start, quiet);
  };
  const after = (path: string, ms: number, then: () => void) => {
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => {
        timers.delete(path);
        then();
      }, ms),
    );
  };
  const schedule = (path: string) => {
    if (!isSource(path)) return;
    if (!ready) {
      initial.push(path);
      return;
    }
    after(path, SETTLE_MS, () => {
      compileNow(path);
      after(path, VERIFY_MS, () => compileNow(path));
    });
  };
  const removeCaches = (path: string) => {
    if (!isSource(path)) return;
    clearTimeout(timers.get(path));
    timers.delete(path);
    failed.delete(path);
    for (const cache of cachesOf(path, job)) {
      try {
        unlinkSync(cache);
        say(`removed ${cache}`);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') say(`error ${cache}: could not remove it: ${(err as Error).message}`);
      }
    }
  };

  watcher.on('add', schedule);
  watcher.on('change', schedule);
  watcher.on('unlink', removeCaches);
  watcher.on('error', (err) => say(`error: ${(err as Error).message}`));
  watcher.on('ready', () => {
    const counts = { compiled: 0, fresh: 0, failed: 0 };
    for (const path of initial.sort()) counts[compileNow(path)]++;
    ready = true;
    say(`watching ${initial.length} sources in ${paths.join(', ')} (${counts.compiled} compiled, ${counts.fresh} up to date, ${counts.failed} failed); Ctrl-C to stop`);
    initial.length = 0;
  });

  return new Promise((resolve) => {
    const stop = () => {
      for (const t of timers.values()) clearTimeout(t);
      void watcher.close().then(() => {
        process.exitCode = ExitCode.Ok;
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
