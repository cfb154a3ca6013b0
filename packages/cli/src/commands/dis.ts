// `tspyc dis FILE.pyc`: what the pyc's own CPython version prints for `dis.dis(code)`.
// `tspyc dis FILE.py`: as `python3.11 -m dis FILE.py`, compile(source, FILE, 'exec') then dis.dis
// (on a compile thread, see compile-for-dis.ts); a syntax error is reported as CPython's uncaught
// SyntaxError ends, on stderr, exit 1.
import type { Command } from 'commander';
import { disassemble, DisError } from '@tspyc/bytecode';
import { stableAddresses } from '../code-address.js';
import { CliError } from '../errors.js';
import { readInputFile, readPycFile } from '../pyc-input.js';
import { compileForDis } from './compile-for-dis.js';

export function registerDis(program: Command): void {
  program
    .command('dis')
    .description("disassemble the code object in a .pyc exactly as that CPython version's dis.dis prints it")
    .argument('<file>', 'a .pyc file (3.11, 3.12 or 3.13), or a source file (compiled for 3.11)')
    .action(async (file: string) => {
      if (/\.pyw?$/.test(file)) {
        const r = await compileForDis(file, readInputFile(file));
        if (r.failure !== null) throw new CliError(r.failure);
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        process.exitCode = r.status;
        return;
      }
      const pyc = readPycFile(file);
      try {
        process.stdout.write(disassemble(pyc.code, pyc.target, stableAddresses(pyc.code)));
      } catch (err) {
        if (err instanceof DisError) throw new CliError(`${file}: ${err.message}`);
        throw err;
      }
    });
}
