// The `tspyc` program: wires the sub-commands to commander and turns every failure into one line.
import { Command, CommanderError } from 'commander';
import { commandsFor, type Register } from './commands/index.js';
import { CliError, ExitCode } from './errors.js';

export function buildProgram(commands: readonly Register[]): Command {
  const program = new Command();
  program
    .name('tspyc')
    .description('CPython-compatible bytecode toolchain: compile, inspect and run .pyc files')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of commands) register(program);
  return program;
}

export async function runProgramLine(argv: string[]): Promise<void> {
  let program: Command;
  try {
    program = buildProgram(await commandsFor(argv));
  } catch (err) {
    process.exitCode = exitCodeFor(err);
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help and --version end through here with exit code 0; commander already printed.
    return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  }
  if (err instanceof CliError) {
    process.stderr.write(`tspyc: ${err.message}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`tspyc: internal error: ${message}\n`);
  if (process.env.TSPYC_DEBUG) console.error(err);
  return ExitCode.Internal;
}
