// `tspyc dis FILE.pyc`: what the pyc's own CPython version prints for `dis.dis(code)`.
// `tspyc dis FILE.py`: as `python3.11 -m dis FILE.py`, compile(source, FILE, 'exec') then dis.dis;
// a syntax error is CPython's report (format_exception_only) on stderr, exit 1.
import type { Command } from 'commander';
import { disassemble, DisError, type CodeObject, type Target } from '@tspyc/bytecode';
import { compileSource, formatSyntaxError, PyRecursionError, PySyntaxError, resolveTarget, type CompileWarning } from '@tspyc/compiler';
import { stableAddresses } from '../code-address.js';
import { CliError, ExitCode } from '../errors.js';
import { readInputFile, readPycFile } from '../pyc-input.js';
import { formatCompileWarning } from './compile-warning.js';

/** The code of a source file, or null after printing its SyntaxError. */
function compileForDis(file: string): { code: CodeObject; target: Target } | null {
  const source = readInputFile(file);
  const target = resolveTarget('3.11');
  try {
    const onWarning = (w: CompileWarning) => {
      const text = formatCompileWarning(w);
      if (text !== null) process.stderr.write(text);
    };
    return { code: compileSource(source, file, { target, onWarning }), target };
  } catch (err) {
    if (err instanceof PySyntaxError) {
      // The uncaught error is printed by PyErr_Display, which ignores the end position of an
      // IndentationError or TabError (one caret) where traceback.format_exception_only draws a range.
      const shown = err.type === 'IndentationError' || err.type === 'TabError' ? new PySyntaxError(err.type, err.msg, err.filename, err.lineno, err.offset, err.text, err.endLineno, null) : err;
      process.stderr.write(formatSyntaxError(shown));
      return null;
    }
    if (err instanceof PyRecursionError) {
      process.stderr.write(`RecursionError: ${err.msg}\n`);
      return null;
    }
    throw new CliError(`${file}: cannot compile: ${(err as Error).message}`);
  }
}

export function registerDis(program: Command): void {
  program
    .command('dis')
    .description("disassemble the code object in a .pyc exactly as that CPython version's dis.dis prints it")
    .argument('<file>', 'a .pyc file (3.11, 3.12 or 3.13), or a source file (compiled for 3.11)')
    .action((file: string) => {
      let pyc: { code: CodeObject; target: Target };
      if (/\.pyw?$/.test(file)) {
        const compiled = compileForDis(file);
        if (compiled === null) {
          process.exitCode = ExitCode.Failure;
          return;
        }
        pyc = compiled;
      } else {
        pyc = readPycFile(file);
      }
      try {
        process.stdout.write(disassemble(pyc.code, pyc.target, stableAddresses(pyc.code)));
      } catch (err) {
        if (err instanceof DisError) throw new CliError(`${file}: ${err.message}`);
        throw err;
      }
    });
}
