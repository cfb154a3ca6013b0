// `tspyc compile [opts] PATH...`: `python3.11 -m compileall`, flag for flag, line for line, exit
// code for exit code (0 when everything compiled, 1 otherwise). Beyond compileall: pycs are written
// atomically; an up-to-date hash-based pyc is skipped, and a pyc in another invalidation mode than
// the one asked for is rewritten (see compile-up-to-date.ts); -j runs on worker threads; a missing
// path is an error (compileall prints "Can't list" and exits 0); a progress line on a terminal.
// CPython counterpart: Lib/compileall.py main, compile_dir.
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { targetForVersion } from '@tspyc/bytecode';
import type { InvalidationMode } from '@tspyc/loader';
import { CliError, ExitCode } from '../errors.js';
import { compileOneFile, type CompileFileFlags, type Output } from './compile-file.js';
import { pathRepr } from './compile-paths.js';
import { compileInPool } from './compile-pool.js';
import { Progress } from './compile-progress.js';
import { pythonRegex } from './compile-regex.js';
import { walkDir } from './compile-walk.js';

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
  const out: Output = (text, stream) => {
    progress.clear();
    (stream === 'stdout' ? process.stdout : process.stderr).write(text);
  };
  const onInterrupt = () => {
    progress.clear();
    if (flags.quiet < 2) process.stdout.write('\n[interrupted]\n');
    process.exit(ExitCode.Failure);
  };
  process.once('SIGINT', onInterrupt);

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

  let success = true;
  try {
    for (const dest of dests) {
      if (isFile(dest)) {
        progress.addTotal(1);
        if (!compileOneFile(dest, flags, out)) success = false;
        progress.tick(dest);
      } else if (!(await compileDir(dest, maxlevels, flags, opts.workers, out, progress))) {
        success = false;
      }
    }
  } finally {
    progress.clear();
    process.off('SIGINT', onInterrupt);
  }
  return success;
}

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** compile_dir: -d becomes -s DIR -p DESTDIR; the walk's lines are printed as compileall prints them. */
async function compileDir(dir: string, maxlevels: number | null, fileFlags: CompileFileFlags, workers: number, out: Output, progress: Progress): Promise<boolean> {
  const flags = fileFlags.ddir === null ? fileFlags : { ...fileFlags, stripdir: dir, prependdir: fileFlags.ddir, ddir: null };
  const events = [...walkDir(dir, maxlevels ?? 1000)];
  const files = events.flatMap((e) => (e.kind === 'file' ? [e.path] : []));
  progress.addTotal(files.length);
  let success = true;
  const report = (e: (typeof events)[number]) => {
    if (e.kind === 'listing') {
      if (!flags.quiet) out(`Listing ${pathRepr(e.dir)}...\n`, 'stdout');
    } else if (e.kind === 'cant-list') {
      // compileall goes on with exit 0; tspyc counts a directory it could not read as a failure.
      success = false;
      if (flags.quiet < 2) {
        out(`Can't list ${pathRepr(e.dir)}\n`, 'stdout');
        out(`tspyc: can't list ${pathRepr(e.dir)}: ${STRERROR[e.errno] ?? e.errno}\n`, 'stderr');
      }
    }
  };
  if (workers === 1) {
    for (const e of events) {
      if (e.kind !== 'file') report(e);
      else {
        if (!compileOneFile(e.path, flags, out)) success = false;
        progress.tick(e.path);
      }
    }
    return success;
  }
  // As executor.map: the whole walk (and its lines) happens before any file compiles.
  for (const e of events) if (e.kind !== 'file') report(e);
  const ok = await compileInPool(files, flags, workers === 0 ? availableParallelism() : workers, out, (path) => progress.tick(path));
  return ok && success;
}
