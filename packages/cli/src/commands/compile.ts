// `tspyc compile [opts] PATH...`: `python3.11 -m compileall`, flag for flag, line for line, exit
// code for exit code (0 when everything compiled, 1 otherwise). Beyond compileall: pycs are written
// atomically; an up-to-date hash-based pyc is skipped, and a pyc in another invalidation mode than
// the one asked for is rewritten (see compile-up-to-date.ts); files compile on worker threads with
// deep stacks (-j N of them), several queued on each, while this thread writes their pycs and
// prints their lines in compileall's order; a missing path is an error (compileall prints "Can't
// list" and exits 0); a progress line on a terminal.
// CPython counterpart: Lib/compileall.py main, compile_dir.
import { readFileSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { targetForVersion } from '@tspyc/bytecode';
import type { InvalidationMode } from '@tspyc/loader';
import { CliError, ExitCode } from '../errors.js';
import type { CompileFileFlags, Output } from './compile-file.js';
import { pathRepr } from './compile-paths.js';
import { CompilePool } from './compile-pool.js';
import { Progress } from './compile-progress.js';
import { PycWriter, type FileResult } from './compile-replay.js';
import { isFile } from './compile-stat.js';
import { pythonRegex } from './compile-regex.js';
import { walkDir, type WalkEvent } from './compile-walk.js';

interface CompileOptions {
  l?: boolean;
  r?: number;
  f?: boolean;
  q: number;
  b?: boolean;
  d?: string;
  s?: string;
  p?: string;
  x?: string;
  i?: string;
  workers: number;
  o?: number[];
  e?: string;
  hardlinkDupes?: boolean;
  invalidationMode?: InvalidationMode;
  target: string;
}

/** argparse's type=int: an optionally signed decimal integer, surrounding spaces and _ allowed. */
function parseInt10(flag: string) {
  return (value: string): number => {
    if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) throw new CliError(`argument ${flag}: invalid int value: '${value}'`, ExitCode.Usage);
    return Number(value.replace(/_/g, ''));
  };
}

const STRERROR: Record<string, string> = { ENOENT: 'No such file or directory', ENOTDIR: 'Not a directory', EACCES: 'Permission denied' };

export function registerCompile(program: Command): void {
  program
    .command('compile')
    .description('byte-compile Python sources to .pyc files, as `python -m compileall` (flag for flag)')
    .argument('[paths...]', 'files and directories to compile')
    .option('-l', "don't recurse into subdirectories")
    .option('-r <recursion>', 'control the maximum recursion level; if -l and -r are both given, -r takes precedence', parseInt10('-r'))
    .option('-f', 'force rebuild even if timestamps are up to date')
    .option('-q', 'output only error messages; -qq will suppress the error messages as well', (_v: string, n: number) => n + 1, 0)
    .option('-b', 'use legacy (pre-PEP3147) compiled file locations')
    .option('-d <destdir>', 'directory to prepend to file paths for use in compile-time and runtime tracebacks')
    .option('-s <stripdir>', 'part of path to left-strip from path to source file; -d and -s cannot be given together')
    .option('-p <prependdir>', 'path to add as prefix to path to source file; -d and -p cannot be given together')
    .option('-x <regexp>', 'skip files whose full path matches the (Python) regular expression')
    .option('-i <file>', 'add all the files and directories listed in FILE; if "-", names are read from stdin')
    .option('-j, --workers <n>', 'run compileall concurrently (0: one worker per core)', parseInt10('-j/--workers'), 1)
    .addOption(new Option('--invalidation-mode <mode>', 'set .pyc invalidation mode; defaults to checked-hash if SOURCE_DATE_EPOCH is set, else timestamp').choices(['checked-hash', 'timestamp', 'unchecked-hash']))
    .option('-o <level>', 'optimization level to compile with (repeatable: one pyc per level); default -1, the interpreter\'s (0)', (v: string, prev: number[] | undefined) => [...(prev ?? []), parseInt10('-o')(v)])
    .option('-e <dir>', 'ignore symlinks pointing outside of DIR')
    .option('--hardlink-dupes', 'hardlink duplicated pyc files')
    .option('--target <version>', 'the CPython version to compile for', '3.11')
    .action(async (paths: string[], opts: CompileOptions) => {
      process.exitCode = (await compileMain(paths, opts)) ? ExitCode.Ok : ExitCode.Failure;
    });
}

/** compileall.main: true when every file compiled. */
async function compileMain(paths: string[], opts: CompileOptions): Promise<boolean> {
  const target = targetForVersion(opts.target);
  if (!target || target.version !== '3.11') throw new CliError(`--target ${opts.target}: tspyc compiles for CPython 3.11 only`, ExitCode.Usage);
  const rx = opts.x ? pythonRegex(opts.x) : null;
  if (opts.x && rx === null) throw new CliError(`-x: not a regular expression tspyc can use: ${opts.x}`, ExitCode.Usage);
  const maxlevels = opts.r !== undefined ? opts.r : opts.l ? 0 : null;
  const optLevels = opts.o ?? [-1];
  if (opts.hardlinkDupes && new Set(optLevels).size < 2) {
    throw new CliError('Hardlinking of duplicated bytecode makes sense only for more than one optimization level.', ExitCode.Usage);
  }
  if (opts.d !== undefined && (opts.s !== undefined || opts.p !== undefined)) throw new CliError('-d cannot be used in combination with -s or -p', ExitCode.Usage);
  if (opts.workers < 0) throw new CliError('-j: workers must be greater or equal to 0', ExitCode.Usage);

  const flags: CompileFileFlags = {
    ddir: opts.d ?? null,
    force: opts.f === true,
    rx,
    quiet: opts.q,
    legacy: opts.b === true,
    optimize: optLevels,
    invalidationMode: opts.invalidationMode ?? null,
    stripdir: opts.s ?? null,
    prependdir: opts.p ?? null,
    limitSlDest: opts.e ? opts.e : null,
    hardlinkDupes: opts.hardlinkDupes === true,
    target: target.version,
  };
  const progress = new Progress(0, process.stdout, process.stdout.isTTY === true && flags.quiet < 2);
  const writer = new PycWriter();
  /** set when tspyc is to exit early: nothing more is printed or started */
  let stopping = false;
  const out: Output = (text, stream) => {
    if (stopping) return;
    progress.clear();
    (stream === 'stdout' ? process.stdout : process.stderr).write(text);
  };
  // Exit 1 once the pycs being written are whole (or their temp files removed): never a torn file
  // or a stray temp file.
  const stop = () => {
    stopping = true;
    void writer.stop().then(() => process.exit(ExitCode.Failure));
  };
  const onInterrupt = () => {
    progress.clear();
    if (flags.quiet < 2) process.stdout.write('\n[interrupted]\n');
    stop();
  };
  process.once('SIGINT', onInterrupt);
  // A reader that went away (`| head`): stop quietly, as a killed pipeline does, not with a stack trace.
  const onStdoutError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return stop();
    throw err;
  };
  process.stdout.on('error', onStdoutError);

  const dests = [...paths];
  if (opts.i) {
    try {
      const text = opts.i === '-' ? readFileSync(0, 'utf8') : readFileSync(opts.i, 'utf8');
      const lines = text.split(/\r\n|\r|\n/);
      if (lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) dests.push(line.trim());
    } catch {
      if (flags.quiet < 2) process.stdout.write(`Error reading file list ${opts.i}\n`);
      return false;
    }
  }
  if (dests.length === 0) {
    throw new CliError('no paths to compile (compileall would compile sys.path; tspyc has none)', ExitCode.Usage);
  }

  // Walk every directory first, so the progress line knows the total (the lines are still
  // printed when compileall would print them).
  const walks = dests.map((dest) => (isFile(dest) ? null : [...walkDir(dest, maxlevels ?? 1000)]));
  const total = walks.reduce((n, events) => n + (events ? events.filter((e) => e.kind === 'file').length : 1), 0);
  const threads = opts.workers === 1 ? 1 : opts.workers === 0 ? availableParallelism() : opts.workers;
  progress.addTotal(total);
  const pool = new CompilePool(Math.min(threads, Math.max(1, total)));
  /** compile_file on a compile thread, its pycs written here as soon as its answer comes */
  const start: StartFile = (path, fileFlags) => {
    const result = pool.run(path, fileFlags).then((a) => writer.replay(path, fileFlags, a));
    result.catch(() => {}); // a lost thread fails the file awaited first; the files queued behind it are never awaited
    return result;
  };
  /** a started compile_file's lines, printed here (once stopping, it never returns: the exit comes first) */
  const finish = async (path: string, result: Promise<FileResult>): Promise<boolean> => {
    const r = await result;
    if (stopping) return new Promise<boolean>(() => {});
    for (const [stream, text] of r.output) out(text, stream);
    progress.tick(path);
    return r.ok;
  };
  let success = true;
  // Files given as paths (or by -i) start together and print in order. A file whose pycs go where
  // a started one's go (`a.py ./a.py`) waits for it, and so does a directory: each then finds the
  // pycs written before it, as compileall's one-at-a-time loop does.
  const started: [string, Promise<FileResult>][] = [];
  const startedPycs = new Set<string>();
  const drain = async () => {
    for (const [path, result] of started.splice(0)) if (!(await finish(path, result))) success = false;
    startedPycs.clear();
  };
  try {
    for (const [i, dest] of dests.entries()) {
      const events = walks[i]!;
      if (events === null) {
        const key = pycPlace(dest);
        if (startedPycs.has(key)) await drain();
        startedPycs.add(key);
        started.push([dest, start(dest, flags)]);
        continue;
      }
      await drain();
      if (!(await compileDir(dest, events, flags, opts.workers !== 1, out, start, finish))) success = false;
    }
    await drain();
  } finally {
    progress.clear();
    process.off('SIGINT', onInterrupt); // (the EPIPE handler stays: writes may still be pending)
    await pool.close();
  }
  return success;
}

/** Where a source's pycs go, one string for every spelling of its path: its directory's real path, and its name. */
function pycPlace(path: string): string {
  const slash = path.lastIndexOf('/');
  try {
    return `${realpathSync.native(slash < 0 ? '.' : path.slice(0, slash) || '/')}/${path.slice(slash + 1)}`;
  } catch {
    return path;
  }
}

type StartFile = (path: string, flags: CompileFileFlags) => Promise<FileResult>;
type FinishFile = (path: string, result: Promise<FileResult>) => Promise<boolean>;

/**
 * compile_dir over a finished walk: -d becomes -s DIR -p DESTDIR; the walk's lines are printed as
 * compileall prints them. Every file is started at once (the pool keeps a few per thread), and each
 * one's lines printed in the files' order. Within one walk no two files share a pyc (compile_dir
 * does not follow symlinked directories), so a file judged up to date before the one ahead of it is
 * written is judged as compileall would.
 */
async function compileDir(dir: string, events: WalkEvent[], fileFlags: CompileFileFlags, parallel: boolean, out: Output, start: StartFile, finish: FinishFile): Promise<boolean> {
  const flags = fileFlags.ddir === null ? fileFlags : { ...fileFlags, stripdir: dir, prependdir: fileFlags.ddir, ddir: null };
  let success = true;
  const report = (e: WalkEvent) => {
    if (e.kind === 'listing') {
      if (!flags.quiet) out(`Listing ${pathRepr(e.dir)}...\n`, 'stdout');
    } else if (e.kind === 'undecodable') {
      // compileall compiles it; tspyc cannot open a name that is not UTF-8 (not silently skipped)
      success = false;
      if (flags.quiet < 2) out(`tspyc: cannot compile ${pathRepr(e.path)}: its name is not UTF-8\n`, 'stderr');
    } else if (e.kind === 'cant-list') {
      // compileall goes on with exit 0; tspyc counts a directory it could not read as a failure.
      success = false;
      if (flags.quiet < 2) {
        out(`Can't list ${pathRepr(e.dir)}\n`, 'stdout');
        out(`tspyc: can't list ${pathRepr(e.dir)}: ${STRERROR[e.errno] ?? e.errno}\n`, 'stderr');
      }
    }
  };
  const files = events.flatMap((e) => (e.kind === 'file' ? [e.path] : []));
  const results = files.map((path) => start(path, flags));
  let next = 0;
  if (!parallel) {
    // -j1: each directory's line just before its files, as compileall's lazy walk prints it
    for (const e of events) {
      if (e.kind !== 'file') report(e);
      else if (!(await finish(e.path, results[next++]!))) success = false;
    }
    return success;
  }
  // As executor.map: the whole walk (and its lines) happens before any file compiles, and each
  // file's lines are printed in the files' order.
  for (const e of events) if (e.kind !== 'file') report(e);
  for (const path of files) if (!(await finish(path, results[next++]!))) success = false;
  return success;
}
