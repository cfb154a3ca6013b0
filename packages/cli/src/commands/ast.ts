// `tspyc ast [-m MODE] [-a] [-i INDENT] [--no-type-comments] [FILE]`: what `python3.11 -m ast`
// prints. A syntax error is reported as CPython's traceback ends (the exception lines), exit 1.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { dump, formatSyntaxError, parse, PySyntaxError, type ParseMode } from '@tspyc/compiler';
import { CliError, ExitCode } from '../errors.js';

const MODES: readonly ParseMode[] = ['exec', 'single', 'eval', 'func_type'];

export function registerAst(program: Command): void {
  program
    .command('ast')
    .description('parse a Python 3.11 source and dump its AST as `python -m ast` does')
    .argument('[infile]', 'the file to parse; read from stdin if absent or "-"')
    .option('-m, --mode <mode>', `what kind of code must be parsed (${MODES.join(', ')})`, 'exec')
    .option('--no-type-comments', "don't add information about type comments")
    .option('-a, --include-attributes', 'include attributes such as line numbers and column offsets')
    .option('-i, --indent <n>', 'indentation of nodes (number of spaces)', '3')
    .action((infile: string | undefined, opts: { mode: string; typeComments: boolean; includeAttributes?: boolean; indent: string }) => {
      if (!MODES.includes(opts.mode as ParseMode)) {
        throw new CliError(`argument -m/--mode: invalid choice: '${opts.mode}' (choose from ${MODES.map((m) => `'${m}'`).join(', ')})`, ExitCode.Usage);
      }
      if (!/^[-+]?\d+$/.test(opts.indent.trim())) throw new CliError(`argument -i/--indent: invalid int value: '${opts.indent}'`, ExitCode.Usage);
      const name = infile === undefined || infile === '-' ? '<stdin>' : infile;
      let source: Uint8Array;
      try {
        source = readFileSync(name === '<stdin>' ? 0 : infile!);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        const why = e.code === 'ENOENT' ? 'No such file or directory' : e.code === 'EISDIR' ? 'Is a directory' : e.message;
        throw new CliError(`argument infile: can't open '${infile}': [Errno ${e.errno ? -e.errno : 2}] ${why}: '${infile}'`, ExitCode.Usage);
      }
      try {
        const tree = parse(source, { filename: name, mode: opts.mode as ParseMode, typeComments: opts.typeComments });
        process.stdout.write(dump(tree, { includeAttributes: Boolean(opts.includeAttributes), indent: Number(opts.indent) }) + '\n');
      } catch (err) {
        if (!(err instanceof PySyntaxError)) throw err;
        process.stderr.write(formatSyntaxError(err));
        process.exitCode = ExitCode.Failure;
      }
    });
}
