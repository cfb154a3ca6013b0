// The parser's entry point (CPython's _PyPegen_run_parser): a first pass without the invalid_*
// rules; when it fails, a second pass with them for the specific message; when that finds nothing,
// the generic errors (unexpected indent, invalid syntax at the furthest token of the first pass),
// in each case preferring a tokenizer error found further on in the source.
import type { Target } from '@tspyc/bytecode';
import type { mod, expr } from '../ast/generated/nodes311.js';
import { PySyntaxError } from '../diagnostics/syntax-error.js';
import { TOKEN } from '../tokenize/generated/token311.js';
import { Tokenizer, type TokenizerOptions } from '../tokenizer/tokenizer.js';
import { TokenizerDone } from '../tokenizer/tokenizer-errors.js';
import type { Token } from '../tokenizer/token.js';
import { GeneratedParser, keywordType, SOFT_KEYWORDS } from './generated/parser311.js';
import type { CompileWarning, ParserBase, ParserOptions, StartRule } from './parser-base.js';
import { setFstringExprCompiler } from './string-parser.js';
import { decodeSource } from './source.js';

class Parser extends GeneratedParser {
  protected readonly softKeywords = SOFT_KEYWORDS;

  protected keywordType(name: string): number {
    return keywordType(name);
  }

  start(): unknown {
    switch (this.options.startRule) {
      case 'file':
        return this.r_file();
      case 'eval':
        return this.r_eval();
      case 'single':
        return this.r_interactive();
      case 'func_type':
        return this.r_func_type();
      case 'fstring':
        return this.r_fstring();
    }
  }
}

export type ParseMode = 'exec' | 'eval' | 'single' | 'func_type';

export interface ParseOptions {
  filename?: string;
  mode?: ParseMode;
  /** parse `# type:` comments (ast.parse(type_comments=True)) */
  typeComments?: boolean;
  /** receives compile-time warnings (invalid escape sequences: DeprecationWarning) */
  onWarning?: (w: CompileWarning) => void;
  /**
   * The text of the file `filename` names, or null when there is none: the source line of a
   * SyntaxError in exec input is read back from that file (CPython: _PyErr_ProgramDecodedTextObject),
   * else taken from the tokenizer's buffer. Default: the source is that file.
   */
  programText?: () => string | null;
  /**
   * the Python whose syntax to parse. The tokenizer, grammar (one generated parser per version's
   * python.gram) and AST tables are per version; 3.11 is the one implemented.
   */
  target?: Target;
}

/** a parse asked of a Python version whose grammar tspyc does not have */
export class UnsupportedTargetError extends Error {}

const START: Record<ParseMode, StartRule> = { exec: 'file', eval: 'eval', single: 'single', func_type: 'func_type' };

/** ast.parse / compile(..., PyCF_ONLY_AST): source bytes (or text) to a module node */
export function parse(source: Uint8Array | string, options: ParseOptions = {}): mod {
  if (options.target && options.target.version !== '3.11') {
    throw new UnsupportedTargetError(`parsing Python ${options.target.version} syntax is not implemented (3.11 is)`);
  }
  const filename = options.filename ?? '<unknown>';
  const mode = options.mode ?? 'exec';
  if (typeof source !== 'string' ? source.includes(0) : source.includes('\0')) {
    throw new PySyntaxError('SyntaxError', 'source code string cannot contain null bytes', null, null, null, null, null, null);
  }
  const { text, hasEncoding, oneBytePerChar } = decodeSource(source, filename, mode === 'exec');
  const tok = new Tokenizer(text, filename, { typeComments: options.typeComments ?? false, oneBytePerChar, onSyntaxWarning: syntaxWarningTo(options.onWarning, filename) });
  // every ParserOptions has all the fields, in this order: one object shape (parserOptions)
  const p = new Parser(tok, parserOptions(filename, START[mode], options.typeComments ?? false, hasEncoding, undefined, undefined, options.onWarning, options.programText));
  return runParser(p) as mod;
}

/** the tokenizer's warnings as the parser's (parser_warn: SyntaxWarning at the tokenizer's line) */
function syntaxWarningTo(onWarning: ((w: CompileWarning) => void) | undefined, filename: string): TokenizerOptions['onSyntaxWarning'] {
  return onWarning && ((message, lineno, error) => onWarning({ category: 'SyntaxWarning', message, filename, lineno, error }));
}

function parserOptions(
  filename: string,
  startRule: StartRule,
  typeComments: boolean,
  charOffsets: boolean,
  startingLineno: number | undefined,
  startingColOffset: number | undefined,
  onWarning: ((w: CompileWarning) => void) | undefined,
  programText: (() => string | null) | undefined,
): ParserOptions {
  return { filename, startRule, typeComments, charOffsets, startingLineno, startingColOffset, onWarning, programText };
}

function runParser(p: Parser): unknown {
  try {
    return runPasses(p);
  } finally {
    p.releaseBuffers();
  }
}

function runPasses(p: Parser): unknown {
  let error: PySyntaxError | null = null;
  try {
    const res = p.start();
    if (res !== null) return res;
  } catch (e) {
    if (e instanceof RangeError) throw stackOverflow(p);
    if (!(e instanceof PySyntaxError)) throw e;
    error = e;
  }
  if (error) throw checkRestOfSource(p, error);
  const lastToken = p.tokens[p.fill - 1]!;
  p.resetForErrorPass();
  try {
    p.start();
  } catch (e) {
    if (e instanceof RangeError) throw stackOverflow(p);
    if (!(e instanceof PySyntaxError)) throw e;
    error = e;
  }
  if (error) throw checkRestOfSource(p, error);
  if (p.fill === 0) throw p.raiseError('SyntaxError', false, 'error at start before reading any input');
  if (lastToken.type === TOKEN.INDENT || lastToken.type === TOKEN.DEDENT) {
    throw p.raiseError('IndentationError', false, lastToken.type === TOKEN.INDENT ? 'unexpected indent' : 'unexpected unindent');
  }
  let generic: PySyntaxError;
  try {
    p.raiseSyntaxErrorKnownLocation(lastToken as Token & { end_lineno: number }, 'invalid syntax');
  } catch (e) {
    generic = e as PySyntaxError;
  }
  throw tokenizeRest(p, generic!);
}

/** _Pypegen_set_syntax_error with an error already raised: a tokenizer error further on wins */
function checkRestOfSource(p: Parser, error: PySyntaxError): PySyntaxError {
  const done = p.tok.done;
  if (done === 0) return tokenizeRest(p, error);
  return error;
}

/**
 * The JS stack ran out in deeply nested code (CPython's own limit is deeper): a tokenizer error
 * further on (e.g. the 200th nested parenthesis) is what CPython reports; otherwise say what
 * CPython says when its parser stack overflows.
 */
function stackOverflow(p: Parser): PySyntaxError {
  let generic: PySyntaxError;
  try {
    p.raiseSyntaxError('too many nested parentheses');
  } catch (e) {
    generic = e as PySyntaxError;
  }
  return tokenizeRest(p, generic!);
}

/** _PyPegen_tokenize_full_source_to_check_for_errors */
function tokenizeRest(p: ParserBase, error: PySyntaxError): PySyntaxError {
  if (p.options.startRule === 'single') return error;
  const current = p.knownErrToken ?? p.tokens[p.fill - 1];
  const currentErrLine = current ? current.lineno : 0;
  try {
    for (;;) {
      const t = p.tok.next();
      if (t.type === TOKEN.ENDMARKER) break;
    }
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    // a codec error met here escapes as itself, not as a SyntaxError
    if (e instanceof TokenizerDone && e.done === 22) return new PySyntaxError('UnicodeDecodeError', e.detail, null, null, null, null, null, null);
    // any other stop inside brackets opened before the error's line: the bracket is the error
    if (e instanceof TokenizerDone && p.tok.level && currentErrLine > p.tok.parenLineno[p.tok.level - 1]!) return p.unclosedParenthesesError();
    if (e instanceof TokenizerDone) return error;
    throw e;
  }
  return error;
}

/** fstring_compile_expr: parse "(expr)" with positions shifted into the enclosing source */
setFstringExprCompiler((parent: ParserBase, exprText: string, t: Token, lines: number, cols: number): expr => {
  const tok = new Tokenizer(`(${exprText})\n`, parent.options.filename, { typeComments: false, oneBytePerChar: false, onSyntaxWarning: syntaxWarningTo(parent.options.onWarning, parent.options.filename) });
  tok.lineno = t.lineno + lines - 1;
  const o = parent.options;
  // (a spread here made objects of varying shapes, and the parser's reads of its options megamorphic)
  const options = parserOptions(o.filename, 'fstring', o.typeComments, o.charOffsets, t.lineno + lines, lines !== 0 ? cols : t.col_offset + cols, o.onWarning, undefined);
  const p2 = new Parser(tok, options);
  return runParser(p2) as expr;
});

export { Parser };
