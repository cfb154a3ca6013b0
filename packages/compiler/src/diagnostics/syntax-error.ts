// A Python SyntaxError (or IndentationError / TabError) raised by the tokenizer or the parser, with
// the fields CPython's exception carries. Offsets are CPython's: 1-based, in characters.

/** the Python exception type; UnicodeDecodeError only where CPython lets the codec's error through */
export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError' | 'UnicodeDecodeError';

export class PySyntaxError extends Error {
  constructor(
    readonly type: SyntaxErrorType,
    readonly msg: string,
    /** null where CPython's exception has no filename (errors raised before parsing starts) */
    readonly filename: string | null,
    readonly lineno: number | null,
    readonly offset: number | null,
    /** the source line the error points into (with its newline, as CPython keeps it), or null */
    readonly text: string | null,
    readonly endLineno: number | null,
    readonly endOffset: number | null,
  ) {
    super(msg);
    this.name = type;
  }
}
