// `tspyc check [--json] PATH...`: for each source under the paths, whether its cache is fresh,
// stale (and why), missing, or an orphan whose source is gone. Exit 1 when anything is stale or
// missing. CPython has no such command; its decisions are importlib's (plus the no-stale-window rule).
import type { Command } from 'commander';
import fg from 'fast-glob';
import { join } from 'node:path';
import { targetForVersion } from '@tspyc/bytecode';
import { checkSource, findOrphans, NodeFileSystem, type CacheState, type CheckHashBasedPycs } from '@tspyc/loader';
import { CliError, ExitCode } from '../errors.js';

interface CheckFlags {
  json?: boolean;
  target: string;
  optimize: string;
  checkHashBasedPycs: CheckHashBasedPycs;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('report whether each source has a fresh cache: fresh, stale (with the reason), missing, or orphan')
    .argument('<paths...>', 'source files or directories (searched recursively)')
    .option('--json', 'print one JSON document')
    .option('--target <version>', 'the CPython version whose caches to check', '3.11')
    .option('-o, --optimize <level>', 'optimization level of the caches (0, 1 or 2)', '0')
    .option('--check-hash-based-pycs <mode>', 'default, always or never, as CPython\'s option', 'default')
    .action((paths: string[], flags: CheckFlags) => {
      const target = targetForVersion(flags.target);
      if (!target || !target.cacheTag) throw new CliError(`unknown or unsupported --target ${flags.target}`, ExitCode.Usage);
      if (!['0', '1', '2'].includes(flags.optimize)) throw new CliError(`-o must be 0, 1 or 2, not ${flags.optimize}`, ExitCode.Usage);
      if (!['default', 'always', 'never'].includes(flags.checkHashBasedPycs)) {
        throw new CliError(`--check-hash-based-pycs must be default, always or never`, ExitCode.Usage);
      }
      const fs = new NodeFileSystem();
      const optimization = flags.optimize === '0' ? '' : (Number(flags.optimize) as 1 | 2);
      const results: CacheState[] = [];
      for (const path of paths) {
        const st = fs.stat(path);
        if (!st) throw new CliError(`cannot check '${path}': No such file or directory`);
        if (st.isFile) {
          results.push(checkSource(fs, path, { target, optimization, checkHashBasedPycs: flags.checkHashBasedPycs }));
          continue;
        }
        const sources = fg.sync('**/*.py', { cwd: path, ignore: ['**/__pycache__/**'], dot: true }).sort();
        for (const rel of sources) results.push(checkSource(fs, join(path, rel), { target, optimization, checkHashBasedPycs: flags.checkHashBasedPycs }));
        const caches = fg.sync('**/__pycache__', { cwd: path, onlyDirectories: true, dot: true }).sort();
        for (const dir of caches) results.push(...findOrphans(fs, join(path, dir), target));
      }
      const counts = { fresh: 0, stale: 0, missing: 0, orphan: 0 };
      for (const r of results) counts[r.state]++;
      if (flags.json) {
        process.stdout.write(JSON.stringify({ target: target.version, counts, files: results }, null, 2) + '\n');
      } else {
        for (const r of results) {
          if (r.state === 'stale') process.stdout.write(`stale: ${r.source} (${r.reason})\n`);
          else if (r.state === 'orphan') process.stdout.write(`orphan: ${r.cache}\n`);
          else process.stdout.write(`${r.state}: ${r.source}\n`);
        }
      }
      if (counts.stale || counts.missing) process.exitCode = ExitCode.Failure;
    });
}
