// `tspyc run FILE.pyc [ARGS...]`: execute a CPython 3.11 pyc in tspyc's VM, as `python FILE.pyc`
// does: __name__ == '__main__', sys.argv = [FILE, ARGS...], stdout/stderr and the exit code as
// CPython's (uncaught exception: traceback on stderr, exit 1; SystemExit(n): exit n).
// The VM runs in a worker thread with a stack deep enough for Python's recursion limit.
import type { Command } from 'commander';
import { runPycFile } from '@tspyc/vm/node';
import { CliError } from '../errors.js';
import { readPycFile } from '../pyc-input.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description("run a CPython 3.11 .pyc in tspyc's VM (as `python FILE.pyc`)")
    .argument('<file>', 'a .pyc file written for CPython 3.11')
    .argument('[args...]', 'arguments for the program (sys.argv[1:])')
    .allowUnknownOption()
    .action(async (file: string, args: string[]) => {
      if (/\.pyw?$/.test(file)) {
        throw new CliError(`${file}: running a source file needs tspyc's compiler, which is not available yet; pass a .pyc`);
      }
      const pyc = readPycFile(file);
      if (pyc.target.version !== '3.11') {
        throw new CliError(`${file}: a pyc for CPython ${pyc.target.version}; tspyc run executes CPython 3.11 pycs only`);
      }
      process.exitCode = await runPycFile({ path: file, argv: [file, ...args] });
    });
}
