// Py_EnterRecursiveCall / Py_LeaveRecursiveCall: native recursion (repr of nested containers,
// comparisons, encoders) counted against the same limit as Python calls, so it ends in a
// RecursionError naming where it happened, never in a JS stack overflow.
import { raise } from '../errors.js';
import { recursionErrorType } from '../objects/exception-types.js';
import { ts } from './state.js';

export function withRecursionCheck<T>(where: string, f: () => T): T {
  if (ts.depth >= ts.recursionLimit) raise(recursionErrorType, `maximum recursion depth exceeded${where}`);
  ts.depth++;
  try {
    return f();
  } finally {
    ts.depth--;
  }
}
