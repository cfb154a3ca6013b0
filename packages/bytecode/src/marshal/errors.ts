// The one error type marshal reading and writing raise. Messages follow Python/marshal.c's.

export type MarshalErrorCode =
  | 'truncated' // EOFError: marshal data too short / EOF read where object expected
  | 'bad-type-code' // ValueError: bad marshal data (unknown type code)
  | 'bad-ref' // ValueError: bad marshal data (invalid reference)
  | 'bad-length' // ValueError: bad marshal data (… size out of range)
  | 'bad-data' // ValueError: bad marshal data (other)
  | 'too-deep' // ValueError: recursion limit exceeded
  | 'bad-code-field' // a code object field of the wrong type
  | 'unmarshallable'; // writing: a value this version's marshal cannot hold

export class MarshalError extends Error {
  constructor(
    readonly code: MarshalErrorCode,
    message: string,
    /** byte offset in the input where reading failed (-1 when writing) */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'MarshalError';
  }
}
