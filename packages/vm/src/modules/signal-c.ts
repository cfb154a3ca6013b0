// The _signal module Lib/signal.py wraps: Linux's signal numbers and names, handlers kept per
// signal (SIGINT's is default_int_handler, which raises KeyboardInterrupt), getsignal, strsignal,
// valid_signals and raise_signal, which runs a Python handler (SIG_DFL and SIG_IGN do nothing: the
// host delivers no OS signals to the VM); what a program installs is kept and reported as CPython does.
// CPython counterpart: Modules/signalmodule.c.
import { osError } from '../modules/host-files.js';
import { PyError, raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { intFromNumber, PyInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { newSet } from '../objects/set.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { keyboardInterruptType, osErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { isCallable } from '../builtins/introspection.js';
import { callObject } from '../protocols/call.js';
import { asJsIndex } from '../protocols/number.js';

/** Linux x86-64 numbers (the platform of the pycs tspyc targets; CPython's values there). */
const SIGNALS: [string, number][] = [
  ['SIGHUP', 1], ['SIGINT', 2], ['SIGQUIT', 3], ['SIGILL', 4], ['SIGTRAP', 5], ['SIGABRT', 6], ['SIGIOT', 6], ['SIGBUS', 7],
  ['SIGFPE', 8], ['SIGKILL', 9], ['SIGUSR1', 10], ['SIGSEGV', 11], ['SIGUSR2', 12], ['SIGPIPE', 13], ['SIGALRM', 14],
  ['SIGTERM', 15], ['SIGSTKFLT', 16], ['SIGCHLD', 17], ['SIGCLD', 17], ['SIGCONT', 18], ['SIGSTOP', 19], ['SIGTSTP', 20],
  ['SIGTTIN', 21], ['SIGTTOU', 22], ['SIGURG', 23], ['SIGXCPU', 24], ['SIGXFSZ', 25], ['SIGVTALRM', 26], ['SIGPROF', 27],
  ['SIGWINCH', 28], ['SIGIO', 29], ['SIGPOLL', 29], ['SIGPWR', 30], ['SIGSYS', 31], ['SIGRTMIN', 34], ['SIGRTMAX', 64],
];
const NSIG = 65;
/** glibc's strsignal texts; 32 and 33 are glibc's own (strsignal says "Unknown signal": None). */
const DESCRIPTIONS: Record<number, string> = {
  1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap', 6: 'Aborted', 7: 'Bus error',
  8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1', 11: 'Segmentation fault', 12: 'User defined signal 2',
  13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated', 16: 'Stack fault', 17: 'Child exited', 18: 'Continued',
  19: 'Stopped (signal)', 20: 'Stopped', 21: 'Stopped (tty input)', 22: 'Stopped (tty output)', 23: 'Urgent I/O condition',
  24: 'CPU time limit exceeded', 25: 'File size limit exceeded', 26: 'Virtual timer expired', 27: 'Profiling timer expired',
  28: 'Window changed', 29: 'I/O possible', 30: 'Power failure', 31: 'Bad system call',
};
const SIG_DFL = intFromNumber(0);
const SIG_IGN = intFromNumber(1);

function signalNumber(o: PyObject | undefined): number {
  const n = asJsIndex(o ?? None);
  if (n < 1 || n >= NSIG) raise(valueErrorType, 'signal number out of range');
  return n;
}

function positional(fname: string, a: PyObject[], kw: Kwargs | null, count: number): void {
  if (kw && kw.size > 0) raise(typeErrorType, `${fname}() takes no keyword arguments`);
  if (a.length !== count) raise(typeErrorType, count === 1 ? `${fname}() takes exactly one argument (${a.length} given)` : `${fname} expected ${count} arguments, got ${a.length}`);
}

export function makeSignalC(): PyModule {
  const m = new PyModule('_signal');
  const d = m.dict;
  const defaultIntHandler = builtinFunction('default_int_handler', () => raise(keyboardInterruptType, null));
  /** the installed handlers: SIGINT's is default_int_handler, the others SIG_DFL */
  const handlers = new Map<number, PyObject>([[2, defaultIntHandler]]);
  const handlerOf = (n: number) => handlers.get(n) ?? SIG_DFL;
  for (const [name, n] of SIGNALS) d.setStr(name, intFromNumber(n));
  d.setStr('NSIG', intFromNumber(NSIG));
  d.setStr('SIG_DFL', SIG_DFL);
  d.setStr('SIG_IGN', SIG_IGN);
  d.setStr('default_int_handler', defaultIntHandler);
  d.setStr(
    'signal',
    builtinFunction('signal', (a, kw) => {
      positional('signal', a, kw, 2);
      const n = signalNumber(a[0]);
      const handler = a[1]!;
      const isDefault = handler instanceof PyInt && (handler.value === 0n || handler.value === 1n);
      if (!isDefault && !isCallable(handler)) raise(typeErrorType, 'signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object');
      if (n === 9 || n === 19) throw osError(22, 'Invalid argument');
      const old = handlerOf(n);
      handlers.set(n, isDefault ? ((handler as PyInt).value === 0n ? SIG_DFL : SIG_IGN) : handler);
      return old;
    }),
  );
  d.setStr(
    'getsignal',
    builtinFunction('getsignal', (a, kw) => {
      positional('getsignal', a, kw, 1);
      return handlerOf(signalNumber(a[0]));
    }),
  );
  d.setStr(
    'strsignal',
    builtinFunction('strsignal', (a, kw) => {
      positional('strsignal', a, kw, 1);
      const n = signalNumber(a[0]);
      if (n >= 34) return newStr(`Real-time signal ${n - 34}`);
      const text = DESCRIPTIONS[n];
      return text === undefined ? None : newStr(text);
    }),
  );
  d.setStr(
    'valid_signals',
    builtinFunction('valid_signals', () => newSet(Array.from({ length: NSIG - 1 }, (_, i) => i + 1).filter((n) => n !== 32 && n !== 33).map(intFromNumber))),
  );
  d.setStr(
    'raise_signal',
    builtinFunction('raise_signal', (a, kw) => {
      positional('raise_signal', a, kw, 1);
      const n = signalNumber(a[0]);
      const handler = handlerOf(n);
      // a Python-level handler runs as CPython runs it on the main thread: (signum, frame)
      if (handler !== SIG_DFL && handler !== SIG_IGN) callObject(handler, [intFromNumber(n), None], null);
      return None;
    }),
  );
  return m;
}

