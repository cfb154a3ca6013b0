// The builtin exception hierarchy as data: the instance layout and every type object.
// CPython counterpart: Objects/exceptions.c (PyBaseExceptionObject, the SimpleExtendsException
// table). Behaviour (__init__, __str__, __repr__, attributes) is in objects/exceptions.ts.
import { builtinType, PyObject, type PyType } from './object.js';

export const baseExceptionType = builtinType('BaseException');

export class PyBaseException extends PyObject {
  args: PyObject[];
  traceback: PyObject | null;
  cause: PyObject | null;
  context: PyObject | null;
  suppressContext: boolean;
  constructor(type: PyType, args: PyObject[]) {
    super(type);
    this.args = args;
    this.traceback = null;
    this.cause = null;
    this.context = null;
    this.suppressContext = false;
  }
}

function sub(name: string, base: PyType): PyType {
  const t = builtinType(name, base);
  t.solid = baseExceptionType;
  return t;
}
baseExceptionType.solid = baseExceptionType;

export const systemExitType = sub('SystemExit', baseExceptionType);
export const keyboardInterruptType = sub('KeyboardInterrupt', baseExceptionType);
export const generatorExitType = sub('GeneratorExit', baseExceptionType);
export const exceptionType = sub('Exception', baseExceptionType);
export const stopIterationType = sub('StopIteration', exceptionType);
export const stopAsyncIterationType = sub('StopAsyncIteration', exceptionType);
export const arithmeticErrorType = sub('ArithmeticError', exceptionType);
export const floatingPointErrorType = sub('FloatingPointError', arithmeticErrorType);
export const overflowErrorType = sub('OverflowError', arithmeticErrorType);
export const zeroDivisionErrorType = sub('ZeroDivisionError', arithmeticErrorType);
export const assertionErrorType = sub('AssertionError', exceptionType);
export const attributeErrorType = sub('AttributeError', exceptionType);
export const bufferErrorType = sub('BufferError', exceptionType);
export const eofErrorType = sub('EOFError', exceptionType);
export const importErrorType = sub('ImportError', exceptionType);
export const moduleNotFoundErrorType = sub('ModuleNotFoundError', importErrorType);
export const lookupErrorType = sub('LookupError', exceptionType);
export const indexErrorType = sub('IndexError', lookupErrorType);
export const keyErrorType = sub('KeyError', lookupErrorType);
export const memoryErrorType = sub('MemoryError', exceptionType);
export const nameErrorType = sub('NameError', exceptionType);
export const unboundLocalErrorType = sub('UnboundLocalError', nameErrorType);
export const osErrorType = sub('OSError', exceptionType);
export const fileNotFoundErrorType = sub('FileNotFoundError', osErrorType);
export const referenceErrorType = sub('ReferenceError', exceptionType);
export const runtimeErrorType = sub('RuntimeError', exceptionType);
export const notImplementedErrorType = sub('NotImplementedError', runtimeErrorType);
export const recursionErrorType = sub('RecursionError', runtimeErrorType);
export const syntaxErrorType = sub('SyntaxError', exceptionType);
export const indentationErrorType = sub('IndentationError', syntaxErrorType);
export const tabErrorType = sub('TabError', indentationErrorType);
export const systemErrorType = sub('SystemError', exceptionType);
export const typeErrorType = sub('TypeError', exceptionType);
export const valueErrorType = sub('ValueError', exceptionType);
export const unicodeErrorType = sub('UnicodeError', valueErrorType);
export const unicodeDecodeErrorType = sub('UnicodeDecodeError', unicodeErrorType);
export const unicodeEncodeErrorType = sub('UnicodeEncodeError', unicodeErrorType);
export const warningType = sub('Warning', exceptionType);
export const userWarningType = sub('UserWarning', warningType);
export const deprecationWarningType = sub('DeprecationWarning', warningType);
export const runtimeWarningType = sub('RuntimeWarning', warningType);
export const unicodeTranslateErrorType = sub('UnicodeTranslateError', unicodeErrorType);
export const connectionErrorType = sub('ConnectionError', osErrorType);
/** OSError's subclasses by the errno that selects them (OSError(errno, …) builds the subclass) */
export const OSERROR_BY_ERRNO = new Map<number, PyType>();
function osSub(name: string, base: PyType, ...errnos: number[]): PyType {
  const t = sub(name, base);
  for (const n of errnos) OSERROR_BY_ERRNO.set(n, t);
  return t;
}
OSERROR_BY_ERRNO.set(2, fileNotFoundErrorType);
const OS_SUBCLASSES = [
  osSub('BlockingIOError', osErrorType, 11, 114, 115),
  osSub('ChildProcessError', osErrorType, 10),
  connectionErrorType,
  osSub('BrokenPipeError', connectionErrorType, 32, 108),
  osSub('ConnectionAbortedError', connectionErrorType, 103),
  osSub('ConnectionRefusedError', connectionErrorType, 111),
  osSub('ConnectionResetError', connectionErrorType, 104),
  osSub('FileExistsError', osErrorType, 17),
  osSub('InterruptedError', osErrorType, 4),
  osSub('IsADirectoryError', osErrorType, 21),
  osSub('NotADirectoryError', osErrorType, 20),
  osSub('PermissionError', osErrorType, 13, 1),
  osSub('ProcessLookupError', osErrorType, 3),
  osSub('TimeoutError', osErrorType, 110),
];
const MORE_WARNINGS = ['PendingDeprecationWarning', 'SyntaxWarning', 'FutureWarning', 'ImportWarning', 'UnicodeWarning', 'BytesWarning', 'ResourceWarning', 'EncodingWarning'].map((n) =>
  sub(n, warningType),
);

/** Every builtin exception type, for the builtins module. */
export const EXCEPTION_TYPES: PyType[] = [
  baseExceptionType, systemExitType, keyboardInterruptType, generatorExitType, exceptionType,
  stopIterationType, stopAsyncIterationType, arithmeticErrorType, floatingPointErrorType,
  overflowErrorType, zeroDivisionErrorType, assertionErrorType, attributeErrorType, bufferErrorType,
  eofErrorType, importErrorType, moduleNotFoundErrorType, lookupErrorType, indexErrorType,
  keyErrorType, memoryErrorType, nameErrorType, unboundLocalErrorType, osErrorType,
  fileNotFoundErrorType, referenceErrorType, runtimeErrorType, notImplementedErrorType,
  recursionErrorType, syntaxErrorType, indentationErrorType, tabErrorType, systemErrorType, typeErrorType, valueErrorType,
  unicodeErrorType, unicodeDecodeErrorType, unicodeEncodeErrorType, warningType, userWarningType, deprecationWarningType, runtimeWarningType,
  unicodeTranslateErrorType, ...OS_SUBCLASSES, ...MORE_WARNINGS,
];
