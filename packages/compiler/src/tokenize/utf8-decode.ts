// Python's strict UTF-8 decoder: the first error it reports, and its UnicodeDecodeError message.
import { utf8SequenceError, utf8SequenceLength } from '@tspyc/bytecode';
import { decodeErrorText } from './decode-error-text.js';

/** the first error CPython's UTF-8 decoder reports in `b`: [start, end) and its reason */
export function utf8Error(b: ArrayLike<number>): { start: number; end: number; reason: string } | null {
  for (let i = 0; i < b.length; ) {
    const bad = utf8SequenceError(b, i);
    if (bad) return { start: i, end: i + bad[0], reason: bad[1] };
    i += utf8SequenceLength(b[i]!);
  }
  return null;
}

/** "'utf-8' codec can't decode byte 0x.. in position N: reason" for the error `e` in `b` */
export function utf8ErrorText(b: ArrayLike<number>, e: { start: number; end: number; reason: string }): string {
  return decodeErrorText('utf-8', b, e.start, e.end, e.reason);
}
