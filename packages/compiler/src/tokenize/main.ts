// What `python -m tokenize [-e] FILE` prints (Lib/tokenize.py main(), 3.11): every token as
// "%-20s%-15s%-15r" once the whole file has tokenized, or one error line and exit status 1.
import { PyStr, strRepr, targetForVersion } from '@tspyc/bytecode';
import { EncodingError, LineDecodeError } from './detect-encoding.js';
import { TOK_NAME } from './generated/token311.js';
import { exactType, TokenError, TokenizeIndentationError, tokenizeBytes } from './tokenize.js';

export interface TokenizeReport {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const PY311 = targetForVersion('3.11')!;

const SURROGATE = /[\ud800-\udfff]/;

/** %-Ns: pad to N code points (UTF-16 units differ only for astral characters). */
function padCp(s: string, width: number): string {
  if (!SURROGATE.test(s)) return s.padEnd(width);
  let n = 0;
  for (const _ of s) n++;
  return n >= width ? s : s + ' '.repeat(width - n);
}

/** Tokenize a file's bytes and render the output of `python -m tokenize`. */
export function tokenizeMain(data: Uint8Array, filename: string, exact: boolean): TokenizeReport {
  const error = (message: string, location?: [number, number]): TokenizeReport => ({
    stdout: '',
    stderr: (location ? `${filename}:${location[0]}:${location[1]}: error: ${message}` : `${filename}: error: ${message}`) + '\n',
    exitCode: 1,
  });
  let tokens;
  try {
    tokens = tokenizeBytes(data, filename);
  } catch (err) {
    if (err instanceof TokenizeIndentationError) return error(err.message, [err.lineno, err.offset]);
    if (err instanceof TokenError) return error(err.message, err.position);
    if (err instanceof EncodingError) return error(err.message);
    if (err instanceof LineDecodeError) {
      // CPython prints "unexpected error: …" and then re-raises (a traceback of its own files).
      return { stdout: '', stderr: `unexpected error: ${err.message}\n`, exitCode: 1 };
    }
    throw err;
  }
  const out: string[] = [];
  for (const tok of tokens) {
    const type = exact ? exactType(tok) : tok.type;
    const range = `${tok.start[0]},${tok.start[1]}-${tok.end[0]},${tok.end[1]}:`;
    out.push(range.padEnd(20) + TOK_NAME[type]!.padEnd(15) + padCp(strRepr(new PyStr(tok.string), PY311), 15));
  }
  out.push('');
  return { stdout: out.join('\n'), stderr: '', exitCode: 0 };
}
