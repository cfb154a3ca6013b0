// compileall.compile_file of CPython 3.11: the name compiled into the code (-d, -s, -p), the -x and
// -e filters, one pyc per optimization level (optionally hard-linked when identical), the skip
// rule, and compileall's exact lines. Output goes through `out` and each pyc through `write`, so a
// compile thread runs it and leaves the writing to the main thread (see compile-replay.ts).
import { linkSync, readFileSync, realpathSync, renameSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { legacyCachePath, targetForVersion, type Target } from '@tspyc/bytecode';
import type { CompileWarning } from '@tspyc/compiler';
import { compileFileToPyc, defaultInvalidationMode, pyCompileCfile, PyCompileError, PyOSError, tempPathFor, type CompiledPyc, type InvalidationMode } from '@tspyc/loader';
import { baseName, pathJoin, pathRepr } from './compile-paths.js';
import { isFile, isLink } from './compile-stat.js';
import { upToDate } from './compile-up-to-date.js';
import { formatCompileWarning } from './compile-warning.js';

/** compile_file's arguments, as plain data (they cross to worker threads). */
export interface CompileFileFlags {
  ddir: string | null;
  force: boolean;
  /** -x, already checked to compile */
  rx: { source: string; flags: string } | null;
  quiet: number;
  legacy: boolean;
  /** -o levels as given (-1: the interpreter's, which is 0 for tspyc) */
  optimize: number[];
  /** null: py_compile's default (checked-hash when SOURCE_DATE_EPOCH is set) */
  invalidationMode: InvalidationMode | null;
  stripdir: string | null;
  prependdir: string | null;
  limitSlDest: string | null;
  hardlinkDupes: boolean;
  target: string;
}

export type Output = (text: string, stream: 'stdout' | 'stderr') => void;

/**
 * Write one optimization level's pyc; `previous`: the level before's pyc, to hard-link to when the
 * bytes are the same (--hardlink-dupes), else null. Throws as py_compile's write does.
 */
export type WritePyc = (pyc: CompiledPyc, previous: string | null) => void;

const regexes = new Map<string, RegExp>();
function regexOf(rx: { source: string; flags: string }): RegExp {
  const key = `${rx.flags}/${rx.source}`;
  let re = regexes.get(key);
  if (!re) regexes.set(key, (re = new RegExp(rx.source, rx.flags)));
  return re;
}

/** The name compiled into the code: -d DIR gives DIR/NAME; -s strips leading parts, -p prepends. */
export function destinationName(fullname: string, flags: Pick<CompileFileFlags, 'ddir' | 'stripdir' | 'prependdir'>): string | null {
  let dfile: string | null = null;
  if (flags.ddir !== null) dfile = pathJoin(flags.ddir, baseName(fullname));
  if (flags.stripdir !== null) {
    const fullnameParts = fullname.split('/');
    const stripdirParts = flags.stripdir.split('/');
    const ddirParts = [...fullnameParts];
    // As compileall: each part equal at the same position removes the *first* part with that value.
    for (let i = 0; i < Math.min(fullnameParts.length, stripdirParts.length); i++) {
      if (stripdirParts[i] === fullnameParts[i]) ddirParts.splice(ddirParts.indexOf(stripdirParts[i]!), 1);
    }
    dfile = ddirParts.length ? pathJoin(ddirParts[0]!, ...ddirParts.slice(1)) : '';
  }
  if (flags.prependdir !== null) dfile = pathJoin(flags.prependdir, dfile === null ? fullname : dfile);
  return dfile;
}

/** -e: a symlink whose real path is not under DIR is left alone. */
function outsideLimit(fullname: string, limit: string): boolean {
  if (!isLink(fullname)) return false;
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const dir = real(limit);
  const file = real(fullname);
  return !(file !== dir && file.startsWith(dir === '/' ? '/' : dir + '/'));
}

/** --hardlink-dupes: replace `cfile` by a hard link to `previous` when the bytes are the same, atomically. */
export function hardlinkIfSame(previous: string, cfile: string): void {
  const same = Buffer.compare(readFileSync(cfile), readFileSync(previous)) === 0;
  if (!same) return;
  const tmp = tempPathFor(cfile, process.pid, randomBytes(6).toString('hex'));
  try {
    linkSync(previous, tmp);
    renameSync(tmp, cfile);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* not created */
    }
    throw PyOSError.fromErrno((err as NodeJS.ErrnoException).code ?? 'EIO', previous, cfile);
  }
}

/** compile_file: true when the file compiled (or needed no compiling). */
export function compileOneFile(fullname: string, flags: CompileFileFlags, out: Output, write: WritePyc): boolean {
  const target: Target = targetForVersion(flags.target)!;
  const dfile = destinationName(fullname, flags);
  const optimize = [...new Set(flags.optimize)].sort((a, b) => a - b);
  if (flags.rx !== null && regexOf(flags.rx).test(fullname)) return true;
  if (flags.limitSlDest !== null && outsideLimit(fullname, flags.limitSlDest)) return true;
  if (!isFile(fullname)) return true;
  const cfiles = optimize.map((level) => (flags.legacy ? legacyCachePath(fullname) : pyCompileCfile(fullname, level, target)));
  const name = baseName(fullname);
  if (name.slice(-3) !== '.py') return true;
  const mode = flags.invalidationMode ?? defaultInvalidationMode();
  if (!flags.force && upToDate(fullname, cfiles, mode, target)) return true;
  if (!flags.quiet) out(`Compiling ${pathRepr(fullname)}...\n`, 'stdout');
  const onWarning = (w: CompileWarning) => {
    const text = formatCompileWarning(w);
    if (text !== null) out(text, 'stderr');
  };
  try {
    for (let i = 0; i < optimize.length; i++) {
      const pyc = compileFileToPyc(fullname, { cfile: cfiles[i], dfile: dfile ?? undefined, optimize: optimize[i], invalidationMode: mode, target, onWarning });
      write(pyc, i > 0 && flags.hardlinkDupes ? cfiles[i - 1]! : null);
    }
    return true;
  } catch (err) {
    return reportFailure(fullname, err, flags, out);
  }
}

/** compile_file's except clauses: the lines for a file that failed to compile or be written; false. */
export function reportFailure(fullname: string, err: unknown, flags: Pick<CompileFileFlags, 'quiet'>, out: Output): false {
  let message: string;
  if (err instanceof PyCompileError) message = err.msg;
  else if (err instanceof PyOSError) message = `${err.pythonType}: ${err.text}`;
  else {
    // Not a Python error: tspyc itself failed on this file. Say so on stderr and go on.
    if (flags.quiet < 2) out(`tspyc: cannot compile ${pathRepr(fullname)}: ${(err as Error).message}\n`, 'stderr');
    return false;
  }
  if (flags.quiet >= 2) return false;
  out(flags.quiet ? `*** Error compiling ${pathRepr(fullname)}...\n` : '*** ', 'stdout');
  out(message + '\n', 'stdout');
  return false;
}
