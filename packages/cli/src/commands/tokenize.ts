// `tspyc tokenize [-e] [FILE]`: what `python3.11 -m tokenize [-e] [FILE]` prints.
import type { Command } from 'commander';
import { exactType, TOK_NAME, TokenError, TokenizeIndentationError, tokenizeLines, tokenizeMain, type TokenInfo } from '@tspyc/compiler';
import { PyStr, strRepr, targetForVersion } from '@tspyc/bytecode';
import { readFileSync } from 'node:fs';

export function registerTokenize(program: Command): void {
  program
    .command('tokenize')
    .description('tokenize a Python 3.11 source as `python -m tokenize` does')
    .argument('[file]', 'the file to tokenize; defaults to stdin')
    .option('-e, --exact', 'display token names using the exact type')
    .action((file: string | undefined, opts: { exact?: boolean }) => {
      const exact = Boolean(opts.exact);
      if (file === undefined) return tokenizeStdin(exact);
      let data: Uint8Array;
      try {
        data = readFileSync(file);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        const why = e.code === 'ENOENT' ? 'No such file or directory' : e.code === 'EISDIR' ? 'Is a directory' : e.message;
        // CPython: error(err) → "error: [Errno 2] No such file or directory: 'x.py'"
        process.stderr.write(`error: [Errno ${e.errno ? -e.errno : 2}] ${why}: '${file}'\n`);
        process.exitCode = 1;
        return;
      }
      const r = tokenizeMain(data, file, exact);
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      process.exitCode = r.exitCode;
    });
}

/** Without a file, tokenize.py streams text lines from stdin: no ENCODING token, errors after the tokens. */
function tokenizeStdin(exact: boolean): void {
  // CPython's stdin splits lines at '\n' only and keeps '\r\n' as it is.
  const text = readFileSync(0, 'utf8');
  const lines = text.split(/(?<=\n)/);
  let i = 0;
  const tokens: TokenInfo[] = [];
  let failure = '';
  try {
    tokenizeLines(() => (i < lines.length ? lines[i++]! : ''), null, tokens);
  } catch (err) {
    if (err instanceof TokenizeIndentationError) failure = `<stdin>:${err.lineno}:${err.offset}: error: ${err.message}`;
    else if (err instanceof TokenError) failure = `<stdin>:${err.position[0]}:${err.position[1]}: error: ${err.message}`;
    else throw err;
  }
  const py311 = targetForVersion('3.11')!;
  for (const tok of tokens) {
    const type = exact ? exactType(tok) : tok.type;
    const range = `${tok.start[0]},${tok.start[1]}-${tok.end[0]},${tok.end[1]}:`;
    process.stdout.write(range.padEnd(20) + TOK_NAME[type]!.padEnd(15) + strRepr(new PyStr(tok.string), py311).padEnd(15) + '\n');
  }
  if (failure) {
    process.stderr.write(failure + '\n');
    process.exitCode = 1;
  }
}
