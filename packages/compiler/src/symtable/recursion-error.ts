// The RecursionError CPython's symbol table raises for a too-deeply nested tree ("maximum
// recursion depth exceeded during compilation"). Not a SyntaxError: no location.

export const RECURSION_MESSAGE = 'maximum recursion depth exceeded during compilation';

export class PyRecursionError extends Error {
  readonly type = 'RecursionError' as const;
  constructor(readonly msg: string = RECURSION_MESSAGE) {
    super(msg);
    this.name = 'RecursionError';
  }
}
