// One token as the parser sees it (CPython's `Token` in Parser/pegen.h): type, text, and positions
// in CPython's units — lines 1-based, columns as UTF-8 byte offsets into the line.
export class Token {
  constructor(
    public type: number,
    /** the token's text (for NAME: as written, before NFKC normalisation) */
    readonly string: string,
    readonly lineno: number,
    readonly col_offset: number,
    readonly end_lineno: number,
    readonly end_col_offset: number,
    /** parenthesis nesting level after this token */
    readonly level: number,
  ) {}

  /** the Name or Constant node the parser made of this token (the same token always gives the same node) */
  node: object | null = null;
}
