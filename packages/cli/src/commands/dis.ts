// `tspyc dis FILE.pyc`: what the pyc's own CPython version prints for `dis.dis(code)`.
// Mirrors `python -m dis` (which takes a source file; compiling sources needs tspyc's compiler).
import type { Command } from 'commander';
import { disassemble, DisError } from '@tspyc/bytecode';
import { stableAddresses } from '../code-address.js';
import { CliError } from '../errors.js';
import { readPycFile } from '../pyc-input.js';

export function registerDis(program: Command): void {
  program
    .command('dis')
    .description("disassemble the code object in a .pyc exactly as that CPython version's dis.dis prints it")
    .argument('<file>', 'a .pyc file (3.11, 3.12 or 3.13)')
    .action((file: string) => {
      if (/\.pyw?$/.test(file)) {
        throw new CliError(`${file}: disassembling a source file needs tspyc's compiler, which is not available yet; pass a .pyc`);
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
