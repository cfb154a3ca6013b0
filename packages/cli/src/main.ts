// The `tspyc` binary's entry. `tspyc run`'s VM worker starts before anything else loads, so its
// start-up (a Node thread and the VM's modules) overlaps loading commander and parsing the line.
import { commandName } from './commands/command-name.js';
import { separateProgramArgs } from './commands/run-argv.js';

export async function main(argv: string[]): Promise<void> {
  if (commandName(argv) === 'run') {
    (await import('@tspyc/vm/node')).prestartRunWorker();
    argv = separateProgramArgs(argv);
  }
  await (await import('./program.js')).runProgramLine(argv);
}
