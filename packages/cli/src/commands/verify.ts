// `tspyc verify [--json] [-q] PATH...`: for each source under the paths, each of its caches
// (__pycache__ at -O0/-O1/-O2, and a legacy `x.pyc`; or just the pyc named) is recompiled in
// memory with the settings the cache records and compared byte for byte: identical, different (the
// first difference, as `tspyc diff` explains it), stale (the header no longer describes the source:
// not verified) or error. Exit 0 when every cache is identical, 1 otherwise, 2 on a usage error.
import type { Command } from 'commander';
import fg from 'fast-glob';
import { join } from 'node:path';
import { targetForVersion, type Target } from '@tspyc/bytecode';
import { cacheLocation, findOrphans, NodeFileSystem, verifyCache, verifySource, type CacheLocation, type CacheVerdict } from '@tspyc/loader';
import { CliError, ExitCode } from '../errors.js';
import { Progress } from './compile-progress.js';

interface VerifyFlags {
  json?: boolean;
  quiet?: boolean;
  legacy: boolean;
  target: string;
}

/** The first difference in one line: header fields, else the code object and field. */
function firstDifference(v: Extract<CacheVerdict, { status: 'different' }>): string {
  const d = v.diff;
  if (d.header.length) return d.header.map((h) => `header ${h.field}: ${h.a} vs ${h.b}`).join(', ');
  if (d.code) return `code ${d.code.qualname}: ${d.code.field}: ${d.code.detail}`;
  return 'the bytes differ';
}

export function verdictLine(v: CacheVerdict): string {
  switch (v.status) {
    case 'identical':
      return `identical: ${v.cache}${v.cache.endsWith(`${v.source}c`) ? ` (legacy pyc, -O${v.settings.optimize})` : ''}`;
    case 'different':
      return `different: ${v.cache}: ${firstDifference(v)}`;
    case 'stale':
      return `stale: ${v.cache}: its header's ${v.reason} is not the source's; the source changed after it was written, so it was not verified`;
    case 'error':
      return `error: ${v.cache}: ${v.message}`;
  }
}

/** What to verify under `path`: a source (all its caches), a pyc (that cache alone), or a tree's .py files, sorted. */
function sourcesUnder(fs: NodeFileSystem, path: string, target: Target): { source: string; only: CacheLocation | null }[] {
  const st = fs.stat(path);
  if (!st) throw new CliError(`cannot verify '${path}': No such file or directory`, ExitCode.Usage);
  if (st.isFile && path.endsWith('.pyc')) {
    const found = cacheLocation(path, { target });
    if (!found) throw new CliError(`cannot verify '${path}': not the name of a CPython ${target.version} cache (NAME.${target.cacheTag}[.opt-1|.opt-2].pyc in __pycache__, or a legacy NAME.pyc)`, ExitCode.Usage);
    return [{ source: found.source, only: found.location }];
  }
  if (st.isFile) return [{ source: path, only: null }];
  return fg
    .sync('**/*.py', { cwd: path, ignore: ['**/__pycache__/**'], dot: true })
    .sort()
    .map((rel) => ({ source: join(path, rel), only: null }));
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('recompile each source in memory with the settings its caches record and report the caches that are not byte-identical')
    .argument('<paths...>', 'source files, cache files (.pyc) or directories (searched recursively)')
    .option('--json', 'print one JSON document')
    .option('-q, --quiet', 'print only the caches that are not identical, and the summary')
    .option('--no-legacy', 'ignore legacy x.pyc files beside their sources (compileall -b)')
    .option('--target <version>', 'the CPython version whose caches to verify', '3.11')
    .action((paths: string[], flags: VerifyFlags) => {
      const target = targetForVersion(flags.target);
      if (!target || target.version !== '3.11') throw new CliError(`--target ${flags.target}: tspyc compiles for CPython 3.11 only`, ExitCode.Usage);
      const fs = new NodeFileSystem();
      const sources = paths.flatMap((p) => sourcesUnder(fs, p, target));
      // __pycache__ pycs whose source is gone: nothing to recompile, so listed as not verified
      const orphans = paths
        .filter((p) => fs.stat(p)?.isFile === false)
        .flatMap((p) =>
          fg
            .sync('**/__pycache__', { cwd: p, onlyDirectories: true, dot: true })
            .sort()
            .flatMap((dir) => findOrphans(fs, join(p, dir), target).map((o) => o.cache)),
        );
      const progress = new Progress(sources.length, process.stderr);
      const verdicts: CacheVerdict[] = [];
      let uncached = 0;
      for (const { source, only } of sources) {
        const found = only ? [verifyCache(fs, source, only, { target })] : verifySource(fs, source, { target, legacy: flags.legacy });
        if (found.length === 0) uncached++;
        for (const v of found) {
          verdicts.push(v);
          if (flags.json || (flags.quiet && v.status === 'identical')) continue;
          progress.clear();
          process.stdout.write(verdictLine(v) + '\n');
        }
        progress.tick(source);
      }
      progress.clear();
      if (!flags.json && !flags.quiet) for (const cache of orphans) process.stdout.write(`orphan: ${cache}: its source is gone, so it was not verified\n`);
      const counts = { identical: 0, different: 0, stale: 0, error: 0 };
      for (const v of verdicts) counts[v.status]++;
      if (flags.json) {
        process.stdout.write(JSON.stringify({ target: target.version, sources: sources.length, uncached, counts, caches: verdicts, orphans }, null, 2) + '\n');
      } else {
        const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        const notes = (...parts: string[]) => (parts.some(Boolean) ? ` (${parts.filter(Boolean).join('; ')})` : '');
        process.stdout.write(
          `${s(verdicts.length, 'cache')} of ${s(sources.length, 'source')}: ${counts.identical} identical, ${counts.different} different, ${counts.stale} stale, ${s(counts.error, 'error')}` +
            notes(uncached ? `${s(uncached, 'source')} without a cache` : '', orphans.length ? `${s(orphans.length, 'cache')} without a source, not verified` : '') +
            '\n',
        );
      }
      process.exitCode = verdicts.every((v) => v.status === 'identical') ? ExitCode.Ok : ExitCode.Failure;
    });
}
