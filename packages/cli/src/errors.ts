// Errors the CLI reports as one line on stderr, each kind with its own exit code.

/** Exit codes. 1 matches CPython's tools for "some input failed"; 2 is a usage error, as argparse. */
export const ExitCode = {
  Ok: 0,
  Failure: 1,
  Usage: 2,
  Internal: 70,
} as const;

/** An error that ends the command with `message` on stderr and `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.Failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
