// Coroutines and async generators: generators with another type and protocol. CPython
// counterpart: Objects/genobject.c (PyCoroObject, PyAsyncGenObject, _PyAsyncGenWrappedValue).
import { builtinType, PyObject } from './object.js';
import { PyGenerator } from './generator.js';

export const coroutineType = builtinType('coroutine', undefined, 0);
export const asyncGeneratorType = builtinType('async_generator', undefined, 0);
const wrappedValueType = builtinType('async_generator_wrapped_value', undefined, 0);

export class PyCoroutine extends PyGenerator {
  constructor(frame: ConstructorParameters<typeof PyGenerator>[0]) {
    super(frame);
    this.type = coroutineType;
  }
}

export class PyAsyncGenerator extends PyGenerator {
  /** ag_running_async: an asend/athrow awaitable is in progress */
  runningAsync: boolean;
  /** aclose() ran or the generator finished: further asend() raise StopAsyncIteration */
  closed: boolean;
  constructor(frame: ConstructorParameters<typeof PyGenerator>[0]) {
    super(frame);
    this.type = asyncGeneratorType;
    this.runningAsync = false;
    this.closed = false;
  }
}

/** ASYNC_GEN_WRAP's box: a value the async generator yields to its consumer (not to the event loop). */
export class AsyncGenWrappedValue extends PyObject {
  readonly value: PyObject;
  constructor(value: PyObject) {
    super(wrappedValueType);
    this.value = value;
  }
}

/** What kind of generator a frame with these flags makes; for messages. */
export function genKindName(g: PyGenerator): string {
  return g instanceof PyCoroutine ? 'coroutine' : g instanceof PyAsyncGenerator ? 'async generator' : 'generator';
}
