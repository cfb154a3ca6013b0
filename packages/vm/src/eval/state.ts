// The interpreter's thread state: the running frame, recursion depth, the exception being
// handled, and the host. CPython counterpart: Include/cpython/pystate.h (PyThreadState).
import type { Host } from '../host.js';
import type { PyObject } from '../objects/object.js';
import type { Frame } from './frame.js';

export interface ThreadState {
  /** the innermost running Python frame */
  frame: Frame | null;
  /** Python frames on the stack (recursion check) */
  depth: number;
  recursionLimit: number;
  /** sys.exc_info()'s exception: the one an except/finally block is handling, or null */
  handled: PyObject | null;
  host: Host;
}

export const ts: ThreadState = {
  frame: null,
  depth: 0,
  recursionLimit: 1000,
  handled: null,
  host: {
    writeStdout: () => {},
    writeStderr: () => {},
  },
};
