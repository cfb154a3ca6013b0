// PyErr_ProgramTextObject: a SyntaxError raised through PyErr_SyntaxLocationObject (the future
// statement's errors) carries no text of its own; CPython reads the line back from the file when it
// has one. For a source that is that file's content, the line comes from the source.
import { PySyntaxError } from './syntax-error.js';

export function withProgramText(err: PySyntaxError, source: Uint8Array | string): PySyntaxError {
  if (err.text !== null || err.lineno === null || err.lineno < 1) return err;
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const line = text.split(/(?<=\n)/)[err.lineno - 1];
  if (line === undefined) return err;
  return new PySyntaxError(err.type, err.msg, err.filename, err.lineno, err.offset, line, err.endLineno, err.endOffset);
}
