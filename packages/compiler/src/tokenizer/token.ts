// One token as the parser sees it (CPython's `Token` in Parser/pegen.h): type, text, and positions
// in CPython's units — lines 1-based, columns as UTF-8 byte offsets into the line.
// The fields are writable: the parser refills the same Token objects from file to file (see
// parser/token-buffer.ts) rather than allocating one per token.
export class Token {
  constructor(
    public type: number,
    /** the token's text (for NAME: as written, before NFKC normalisation) */
    public string: string,
    public lineno: number,
    public col_offset: number,
    public end_lineno: number,
    public end_col_offset: number,
    /** parenthesis nesting level after this token */
    public level: number,
  ) {}

  /** the Name or Constant node the parser made of this token (the same token always gives the same node) */
  node: object | null = null;
}
