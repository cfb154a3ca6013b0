// `tspyc run FILE.py|FILE.pyc [ARGS]`, `tspyc run -c CODE [ARGS]`, `tspyc run -m MODULE [ARGS]`:
// execute a program in tspyc's VM as `python` does — __name__ == '__main__', sys.argv and
// sys.path[0] as CPython sets them, imports through the loader (fresh caches reused, stale or
// missing ones compiled and rewritten atomically unless -B / PYTHONDONTWRITEBYTECODE), stdout,
// stderr and the exit code as CPython's. The main script itself is compiled, never cached.
// The VM runs in a worker thread with a stack deep enough for Python's recursion limit.
import type { Command } from 'commander';
import { loaderConfig, type CheckHashBasedPycs } from '@tspyc/loader/runtime';
import { runProgram, type MainProgram } from '@tspyc/vm/node';
import { CliError, ExitCode } from '../errors.js';
import { readPycFile } from '../pyc-input.js';
import { compilerModuleUrl } from '../compiler-url.js';

interface RunFlags {
  c?: string;
  m?: string;
  B?: boolean;
  O: number;
  X: string[];
  checkHashBasedPycs: CheckHashBasedPycs;
}

export function registerRun(program: Command): void {
  // Options after the program (FILE, -c CODE, -m MODULE) belong to it, as with `python`.
  program.enablePositionalOptions();
  program
    .command('run')
    .description("run a Python program in tspyc's VM (as `python FILE`, `python -c CODE`, `python -m MODULE`)")
    .usage('[-B] [-O] [-X pycache_prefix=PATH] (FILE.py | FILE.pyc | -c CODE | -m MODULE) [ARGS...]')
    .argument('[file]', 'a .py source, or a .pyc written for CPython 3.11')
    .argument('[args...]', 'arguments for the program (sys.argv[1:])')
    .option('-c <code>', 'program passed in as a string')
    .option('-m <module>', 'run a library module as a script (found on sys.path, as runpy does)')
    .option('-B', "don't write .pyc files on import (also PYTHONDONTWRITEBYTECODE=x)")
    .option('-O', 'remove asserts and __debug__-dependent statements; -OO also docstrings; caches named .opt-N.pyc (also PYTHONOPTIMIZE=x)', (_v: string, n: number) => n + 1, 0)
    .option('-X <option>', 'implementation-specific option: pycache_prefix=PATH (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--check-hash-based-pycs <mode>', 'default, always or never, as CPython\'s option', 'default')
    .passThroughOptions()
    .action(async (file: string | undefined, args: string[], flags: RunFlags) => {
      if (!['default', 'always', 'never'].includes(flags.checkHashBasedPycs)) {
        throw new CliError('--check-hash-based-pycs must be default, always or never', ExitCode.Usage);
      }
      if (flags.c !== undefined && flags.m !== undefined) throw new CliError('give either -c CODE or -m MODULE, not both', ExitCode.Usage);
      const rest = file === undefined ? args : [file, ...args];
      let main: MainProgram;
      let argv: string[] = args;
      if (flags.c !== undefined) {
        main = { kind: 'command', code: flags.c };
        argv = rest;
      } else if (flags.m !== undefined) {
        main = { kind: 'module', name: flags.m };
        argv = rest;
      } else if (file === undefined) {
        throw new CliError('nothing to run: give FILE, -c CODE or -m MODULE', ExitCode.Usage);
      } else if (file.endsWith('.pyc')) {
        const pyc = readPycFile(file);
        if (pyc.target.version !== '3.11') {
          throw new CliError(`${file}: a pyc for CPython ${pyc.target.version}; tspyc run executes CPython 3.11 pycs only`);
        }
        main = { kind: 'pyc', path: file };
      } else {
        main = { kind: 'source', path: file };
      }
      process.exitCode = await runProgram({
        main,
        args: argv,
        compiler: compilerModuleUrl(),
        config: loaderConfig(process.env, { dontWriteBytecode: flags.B, optimize: flags.O, xOptions: flags.X }),
        checkHashBasedPycs: flags.checkHashBasedPycs,
      });
    });
}
