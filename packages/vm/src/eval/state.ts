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
  /**
   * sys.exc_info()'s exception (_PyErr_GetTopmostException): the innermost one an except/finally
   * block is handling, in this frame or a caller, or null
   */
  handled: PyObject | null;
  /**
   * exc_info->exc_value of the running code's own entry (a generator has its own, saved while it
   * is suspended): what PUSH_EXC_INFO saves and POP_EXCEPT restores
   */
  excValue: PyObject | null;
  /** the topmost exception of the entries below the running one (a generator's callers') */
  outerHandled: PyObject | null;
  host: Host;
}

export const ts: ThreadState = {
  frame: null,
  depth: 0,
  recursionLimit: 1000,
  handled: null,
  excValue: null,
  outerHandled: null,
  host: {
    writeStdout: () => {},
    writeStderr: () => {},
  },
};
