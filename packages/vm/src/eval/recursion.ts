// Py_EnterRecursiveCall / Py_LeaveRecursiveCall: native recursion (repr of nested containers,
// comparisons, encoders) counted against the same limit as Python calls, so it ends in a
// RecursionError naming where it happened, never in a JS stack overflow.
import { raise } from '../errors.js';
import { recursionErrorType } from '../objects/exception-types.js';
import { ts } from './state.js';

/** _Py_EnterRecursiveCall: one level more, or RecursionError ("maximum recursion depth exceeded" + where). */
export function enterRecursiveCall(where: string): void {
  if (ts.depth >= ts.recursionLimit) raise(recursionErrorType, `maximum recursion depth exceeded${where}`);
  ts.depth++;
}

/** _Py_LeaveRecursiveCall */
export function leaveRecursiveCall(): void {
  ts.depth--;
}

export function withRecursionCheck<T>(where: string, f: () => T): T {
  enterRecursiveCall(where);
  try {
    return f();
  } finally {
    leaveRecursiveCall();
  }
}
