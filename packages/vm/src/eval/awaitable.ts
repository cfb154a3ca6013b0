// The opcodes of `await`, `async for` and `async with`. CPython counterpart: Python/ceval.c
// (GET_AWAITABLE, GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH, format_awaitable_error) and
// Objects/genobject.c (_PyCoro_GetAwaitableIter).
import { raise } from '../errors.js';
import type { PyObject } from '../objects/object.js';
import { PyCoroutine, PyAsyncGenerator } from '../objects/coroutine.js';
import { PyGenerator } from '../objects/generator.js';
import { coroIsAwaited } from '../objects/coroutine-methods.js';
import { runtimeErrorType, typeErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { lookupSpecial } from '../protocols/getattr.js';
import { CO_ITERABLE_COROUTINE } from './code.js';

function isCoroutineLike(o: PyObject): boolean {
  return o instanceof PyCoroutine || (o instanceof PyGenerator && !(o instanceof PyAsyncGenerator) && (o.frame.code.flags & CO_ITERABLE_COROUTINE) !== 0);
}

/** _PyCoro_GetAwaitableIter, or null when `o` has no __await__. */
function awaitableIter(o: PyObject): PyObject | null {
  if (isCoroutineLike(o)) return o;
  const m = lookupSpecial(o, '__await__');
  if (m === undefined) return null;
  const r = callObject(m, [], null);
  if (isCoroutineLike(r)) raise(typeErrorType, '__await__() returned a coroutine');
  if (r.type.lookup('__next__') === undefined) raise(typeErrorType, `__await__() returned non-iterator of type '${r.type.name}'`);
  return r;
}

/** GET_AWAITABLE: oparg 1 is __aenter__'s result, 2 __aexit__'s. */
export function getAwaitable(o: PyObject, where: number): PyObject {
  const it = awaitableIter(o);
  if (it === null) {
    if (where === 1) raise(typeErrorType, `'async with' received an object from __aenter__ that does not implement __await__: ${o.type.name}`);
    if (where === 2) raise(typeErrorType, `'async with' received an object from __aexit__ that does not implement __await__: ${o.type.name}`);
    raise(typeErrorType, `object ${o.type.name} can't be used in 'await' expression`);
  }
  if (coroIsAwaited(it)) raise(runtimeErrorType, 'coroutine is being awaited already');
  return it;
}

export function getAIter(o: PyObject): PyObject {
  const m = lookupSpecial(o, '__aiter__');
  if (m === undefined) raise(typeErrorType, `'async for' requires an object with __aiter__ method, got ${o.type.name}`);
  const it = callObject(m, [], null);
  if (it.type.lookup('__anext__') === undefined) {
    raise(typeErrorType, `'async for' received an object from __aiter__ that does not implement __anext__: ${it.type.name}`);
  }
  return it;
}

export function getANext(aiter: PyObject): PyObject {
  const m = lookupSpecial(aiter, '__anext__');
  if (m === undefined) raise(typeErrorType, `'async for' requires an iterator with __anext__ method, got ${aiter.type.name}`);
  const next = callObject(m, [], null);
  if (aiter instanceof PyAsyncGenerator) return next;
  const it = awaitableIter(next);
  if (it === null) raise(typeErrorType, `'async for' received an invalid object from __anext__: ${next.type.name}`);
  return it;
}

/** BEFORE_ASYNC_WITH: [__aexit__ bound, __aenter__() result]. */
export function beforeAsyncWith(mgr: PyObject): [PyObject, PyObject] {
  const enter = lookupSpecial(mgr, '__aenter__');
  if (enter === undefined) raise(typeErrorType, `'${mgr.type.name}' object does not support the asynchronous context manager protocol`);
  const exit = lookupSpecial(mgr, '__aexit__');
  if (exit === undefined) {
    raise(typeErrorType, `'${mgr.type.name}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
  }
  return [exit, callObject(enter, [], null)];
}
