// Coroutine and async generator methods, and the awaitables their protocol hands out
// (coroutine_wrapper, async_generator_asend, async_generator_athrow). CPython counterpart:
// Objects/genobject.c (coro_*, async_gen_*, async_gen_unwrap, async_gen_asend_send,
// async_gen_athrow_send).
import { PyError, newException, raise } from '../errors.js';
import { None, PyObject, builtinType } from './object.js';
import { newStr } from './str.js';
import { pyBool } from './int.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import { FRAME_SUSPENDED } from '../eval/frame.js';
import { PyGenerator } from './generator.js';
import { AsyncGenWrappedValue, PyAsyncGenerator, PyCoroutine, asyncGeneratorType, coroutineType } from './coroutine.js';
import { awaiting, closeGenerator, genSend, genThrow, normalize, stopIteration } from './generator-methods.js';
import { generatorExitType, runtimeErrorType, stopAsyncIterationType, stopIterationType } from './exception-types.js';
import { genResume } from '../eval/ceval.js';
import { Op } from '../eval/opcodes.js';
import { objectId } from '../protocols/hash.js';
import { genGetFrame } from './frame-object.js';

const coroutineWrapperType = builtinType('coroutine_wrapper', undefined, 0);
const asendType = builtinType('async_generator_asend', undefined, 0);
const athrowType = builtinType('async_generator_athrow', undefined, 0);

/** coro.__await__(): an iterator over the coroutine's steps. */
class PyCoroWrapper extends PyObject {
  constructor(readonly coro: PyCoroutine) {
    super(coroutineWrapperType);
  }
}

const INIT = 0;
const ITER = 1;
const CLOSED = 2;

class PyAsend extends PyObject {
  state = INIT;
  constructor(
    readonly gen: PyAsyncGenerator,
    readonly sendval: PyObject,
  ) {
    super(asendType);
  }
}

class PyAthrow extends PyObject {
  state = INIT;
  /** exc null: aclose() */
  constructor(
    readonly gen: PyAsyncGenerator,
    readonly exc: PyObject | null,
  ) {
    super(athrowType);
  }
}

function isExc(e: unknown, t: typeof stopIterationType): e is PyError {
  return e instanceof PyError && e.exc.type.isSubtype(t);
}

/** The object a suspended generator's frame is awaiting (cr_await, ag_await), or None. */

/** Run one step of an async generator (`step` resumes it) and apply async_gen_unwrap. */
function unwrap(gen: PyAsyncGenerator, step: () => PyObject): PyObject {
  let r: PyObject;
  try {
    r = step();
  } catch (e) {
    gen.runningAsync = false;
    if (isExc(e, stopIterationType) && gen.finished) e = new PyError(newException(stopAsyncIterationType, null));
    if (isExc(e, stopAsyncIterationType) || isExc(e, generatorExitType)) gen.closed = true;
    throw e;
  }
  if (gen.finished) {
    gen.runningAsync = false;
    gen.closed = true;
    throw new PyError(newException(stopAsyncIterationType, null));
  }
  if (r instanceof AsyncGenWrappedValue) {
    gen.runningAsync = false;
    stopIteration(r.value);
  }
  return r;
}

function asendSend(o: PyAsend, arg: PyObject): PyObject {
  if (o.state === CLOSED) raise(runtimeErrorType, 'cannot reuse already awaited __anext__()/asend()');
  if (o.state === INIT) {
    if (o.gen.runningAsync) raise(runtimeErrorType, 'anext(): asynchronous generator is already running');
    if (arg === None) arg = o.sendval;
    o.state = ITER;
  }
  o.gen.runningAsync = true;
  try {
    return unwrap(o.gen, () => genResume(o.gen, arg, null));
  } catch (e) {
    o.state = CLOSED;
    throw e;
  }
}

function asendThrow(o: PyAsend, exc: PyObject): PyObject {
  if (o.state === CLOSED) raise(runtimeErrorType, 'cannot reuse already awaited __anext__()/asend()');
  try {
    return unwrap(o.gen, () => genThrow(o.gen, exc));
  } catch (e) {
    o.state = CLOSED;
    throw e;
  }
}

/** After an athrow/aclose step failed: aclose() finishes quietly on StopAsyncIteration/GeneratorExit. */
function athrowError(o: PyAthrow, e: unknown): never {
  o.gen.runningAsync = false;
  o.state = CLOSED;
  if (o.exc === null && (isExc(e, stopAsyncIterationType) || isExc(e, generatorExitType) || (isExc(e, stopIterationType) && o.gen.finished))) {
    throw new PyError(newException(stopIterationType, null));
  }
  throw e;
}

function yieldClose(o: PyAthrow): never {
  o.gen.runningAsync = false;
  o.state = CLOSED;
  raise(runtimeErrorType, 'async generator ignored GeneratorExit');
}

function athrowStep(o: PyAthrow, step: () => PyObject): PyObject {
  const gen = o.gen;
  if (o.exc !== null) {
    try {
      return unwrap(gen, step);
    } catch (e) {
      o.state = CLOSED;
      athrowError(o, e);
    }
  }
  let r: PyObject;
  try {
    r = step();
  } catch (e) {
    athrowError(o, e);
  }
  if (gen.finished) athrowError(o, new PyError(newException(stopIterationType, null)));
  if (r instanceof AsyncGenWrappedValue) yieldClose(o);
  return r;
}

function athrowSend(o: PyAthrow, arg: PyObject): PyObject {
  const gen = o.gen;
  if (o.state === CLOSED) raise(runtimeErrorType, 'cannot reuse already awaited aclose()/athrow()');
  if (o.state === INIT) {
    if (gen.runningAsync) {
      raise(runtimeErrorType, o.exc === null ? 'aclose(): asynchronous generator is already running' : 'athrow(): asynchronous generator is already running');
    }
    if (gen.closed || gen.finished) {
      o.state = CLOSED;
      throw new PyError(newException(stopIterationType, null));
    }
    if (arg !== None) raise(runtimeErrorType, "can't send non-None value to a just-started coroutine");
    o.state = ITER;
    gen.runningAsync = true;
    if (o.exc === null) {
      gen.closed = true;
      return athrowStep(o, () => genThrow(gen, newException(generatorExitType, null)));
    }
    return athrowStep(o, () => genThrow(gen, o.exc!));
  }
  return athrowStep(o, () => genSend(gen, arg));
}

function athrowThrow(o: PyAthrow, exc: PyObject): PyObject {
  if (o.state === CLOSED) raise(runtimeErrorType, 'cannot reuse already awaited aclose()/athrow()');
  return athrowStep(o, () => genThrow(o.gen, exc));
}

/** The protocol every awaitable iterator shares: __iter__, __await__, __next__, send, throw, close. */
function defAwaitableIterator(
  t: typeof asendType,
  send: (o: PyObject, v: PyObject) => PyObject,
  thr: (o: PyObject, exc: PyObject) => PyObject,
  close: (o: PyObject) => void,
): void {
  defMethod(t, '__iter__', (a) => a[0]!);
  defMethod(t, '__await__', (a) => a[0]!);
  defMethod(t, '__next__', (a) => send(a[0]!, None));
  defMethod(t, 'send', (a) => send(a[0]!, a[1] ?? None));
  defMethod(t, 'throw', (a) => thr(a[0]!, normalize(a[1]!, a[2])));
  defMethod(t, 'close', (a) => {
    close(a[0]!);
    return None;
  });
}

function defGenAttrs(t: typeof coroutineType, prefix: string, kind: string): void {
  defMethod(t, '__repr__', (a) => {
    const g = a[0] as PyGenerator;
    return newStr(`<${kind} object ${g.qualname} at 0x${objectId(g).toString(16)}>`);
  });
  defGetSet(t, '__name__', (o) => newStr((o as PyGenerator).name));
  defGetSet(t, '__qualname__', (o) => newStr((o as PyGenerator).qualname));
  defGetSet(t, `${prefix}_running`, (o) => pyBool((o as PyGenerator).running));
  defGetSet(t, `${prefix}_code`, (o) => (o as PyGenerator).frame.code);
  defGetSet(t, `${prefix}_await`, (o) => awaiting(o as PyGenerator));
  if (prefix === 'cr') defGetSet(t, 'cr_suspended', (o) => pyBool((o as PyGenerator).frame.state === FRAME_SUSPENDED));
  defGetSet(t, `${prefix}_frame`, (o) => genGetFrame(o as PyGenerator));
}

export function initCoroutines(): void {
  const c = coroutineType;
  defMethod(c, 'send', (a) => genSend(a[0] as PyCoroutine, a[1] ?? None));
  defMethod(c, 'throw', (a) => genThrow(a[0] as PyCoroutine, normalize(a[1]!, a[2])));
  defMethod(c, 'close', (a) => {
    closeGenerator(a[0] as PyCoroutine);
    return None;
  });
  defMethod(c, '__await__', (a) => new PyCoroWrapper(a[0] as PyCoroutine));
  defGenAttrs(c, 'cr', 'coroutine');
  defGetSet(c, 'cr_origin', () => None);
  defAwaitableIterator(
    coroutineWrapperType,
    (o, v) => genSend((o as PyCoroWrapper).coro, v),
    (o, e) => genThrow((o as PyCoroWrapper).coro, e),
    (o) => closeGenerator((o as PyCoroWrapper).coro),
  );

  const g = asyncGeneratorType;
  defMethod(g, '__aiter__', (a) => a[0]!);
  defMethod(g, '__anext__', (a) => new PyAsend(a[0] as PyAsyncGenerator, None));
  defMethod(g, 'asend', (a) => new PyAsend(a[0] as PyAsyncGenerator, a[1] ?? None));
  defMethod(g, 'athrow', (a) => new PyAthrow(a[0] as PyAsyncGenerator, normalize(a[1]!, a[2])));
  defMethod(g, 'aclose', (a) => new PyAthrow(a[0] as PyAsyncGenerator, null));
  defGenAttrs(g, 'ag', 'async_generator');
  defAwaitableIterator(
    asendType,
    (o, v) => asendSend(o as PyAsend, v),
    (o, e) => asendThrow(o as PyAsend, e),
    (o) => void ((o as PyAsend).state = CLOSED),
  );
  defAwaitableIterator(
    athrowType,
    (o, v) => athrowSend(o as PyAthrow, v),
    (o, e) => athrowThrow(o as PyAthrow, e),
    (o) => void ((o as PyAthrow).state = CLOSED),
  );
}

/** GET_AWAITABLE's check that a coroutine is not awaited twice at once. */
export function coroIsAwaited(o: PyObject): boolean {
  return o instanceof PyCoroutine && awaiting(o) !== None;
}
