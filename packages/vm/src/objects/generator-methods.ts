// Generator methods: __next__, send, throw, close. CPython counterpart: Objects/genobject.c
// (gen_iternext, gen_send, _gen_throw, gen_close).
import { raise, PyError, newException } from '../errors.js';
import { None, PyObject, PyType } from './object.js';
import { newStr } from './str.js';
import { pyBool } from './int.js';
import { PyGenerator, generatorType } from './generator.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import { FRAME_SUSPENDED } from '../eval/frame.js';
import {
  PyBaseException,
  baseExceptionType,
  generatorExitType,
  runtimeErrorType,
  stopIterationType,
  typeErrorType,
} from './exception-types.js';
import { chainContext, genResume } from '../eval/ceval.js';
import { genKindName } from './coroutine.js';
import { Op } from '../eval/opcodes.js';
import { callObject } from '../protocols/call.js';
import { getAttrOpt } from '../protocols/getattr.js';
import { objectId } from '../protocols/hash.js';
import { stopIterationValue } from '../protocols/iter.js';
import { genGetFrame } from './frame-object.js';

export function stopIteration(value: PyObject): never {
  const e = newException(stopIterationType, null) as PyBaseException;
  if (value !== None) e.args = [value];
  throw new PyError(e);
}

/** gen.send(value): the next yielded value, or StopIteration(return value). */
export function genSend(gen: PyGenerator, value: PyObject): PyObject {
  const r = genResume(gen, value, null);
  if (gen.finished) stopIteration(r);
  return r;
}

/** The exception instance for throw(type[, value[, tb]]). */
export function normalize(typ: PyObject, val: PyObject | undefined): PyObject {
  if (typ instanceof PyType) {
    if (!typ.isSubtype(baseExceptionType)) {
      raise(typeErrorType, `exceptions must be classes or instances deriving from BaseException, not type`);
    }
    if (val instanceof PyBaseException && val.type.isSubtype(typ)) return val;
    return callObject(typ, val === undefined || val === None ? [] : [val], null);
  }
  if (typ instanceof PyBaseException) {
    if (val !== undefined && val !== None) raise(typeErrorType, 'instance exception may not have a separate value');
    return typ;
  }
  raise(typeErrorType, `exceptions must be classes or instances deriving from BaseException, not ${typ.type.name}`);
}

/** _gen_throw: delegate to a `yield from` subiterator first, as CPython does. */
export function genThrow(gen: PyGenerator, exc: PyObject): PyObject {
  const f = gen.frame;
  const bytes = f.code.bytes;
  if (!gen.finished && f.state === 1 && f.ip >= 2 && bytes[(f.ip - 2) * 2] === Op.SEND) {
    const yf = f.stack[f.sp - 1]!;
    let r: PyObject;
    try {
      if (exc.type.isSubtype(generatorExitType)) {
        genClose(yf);
        throw new PyError(exc);
      }
      if (yf instanceof PyGenerator) {
        gen.running = true;
        try {
          r = genThrow(yf, exc);
        } finally {
          gen.running = false;
        }
      } else {
        const m = getAttrOpt(yf, 'throw');
        if (m === undefined) throw new PyError(exc);
        r = callObject(m, [exc], null);
      }
      return r;
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
      // the subiterator finished: pop it and leave the SEND loop
      f.sp--;
      const sendOparg = bytes[(f.ip - 2) * 2 + 1]!;
      f.ip = f.ip - 1 + sendOparg;
      if (e.exc.type.isSubtype(stopIterationType)) return genSend(gen, stopIterationValue(e.exc as PyBaseException));
      const v = genResume(gen, None, e.exc);
      if (gen.finished) stopIteration(v);
      return v;
    }
  }
  const v = genResume(gen, None, exc);
  if (gen.finished) stopIteration(v);
  return v;
}

function genClose(o: PyObject): void {
  if (o instanceof PyGenerator) {
    closeGenerator(o);
    return;
  }
  const m = getAttrOpt(o, 'close');
  if (m !== undefined) callObject(m, [], null);
}

export function closeGenerator(gen: PyGenerator): void {
  if (gen.finished) return;
  if (gen.frame.state === 0) {
    gen.finished = true;
    return;
  }
  // gen_close raises GeneratorExit with PyErr_SetNone, which chains it (gen.throw's exception is not)
  const exit = newException(generatorExitType, null);
  chainContext(exit);
  try {
    genThrow(gen, exit);
  } catch (e) {
    if (e instanceof PyError && (e.exc.type.isSubtype(generatorExitType) || e.exc.type.isSubtype(stopIterationType))) return;
    throw e;
  }
  raise(runtimeErrorType, `${genKindName(gen)} ignored GeneratorExit`);
}

/** gi_yieldfrom / cr_await: the iterator a suspended SEND is delegating to. */
export function awaiting(g: PyGenerator): PyObject {
  const f = g.frame;
  if (g.finished || f.state !== 1 || f.ip < 2 || f.code.bytes[(f.ip - 2) * 2] !== Op.SEND) return None;
  return f.stack[f.sp - 1] ?? None;
}

export function initGenerators(): void {
  const t = generatorType;
  defMethod(t, '__iter__', (a) => a[0]!);
  defMethod(t, '__next__', (a) => genSend(a[0] as PyGenerator, None));
  defMethod(t, 'send', (a) => genSend(a[0] as PyGenerator, a[1] ?? None));
  defMethod(t, 'throw', (a) => genThrow(a[0] as PyGenerator, normalize(a[1]!, a[2])));
  defMethod(t, 'close', (a) => {
    closeGenerator(a[0] as PyGenerator);
    return None;
  });
  defMethod(t, '__repr__', (a) => {
    const g = a[0] as PyGenerator;
    return newStr(`<generator object ${g.qualname} at 0x${objectId(g).toString(16)}>`);
  });
  defGetSet(t, '__name__', (o) => newStr((o as PyGenerator).name));
  defGetSet(t, '__qualname__', (o) => newStr((o as PyGenerator).qualname));
  defGetSet(t, 'gi_running', (o) => pyBool((o as PyGenerator).running));
  defGetSet(t, 'gi_code', (o) => (o as PyGenerator).frame.code);
  defGetSet(t, 'gi_frame', (o) => genGetFrame(o as PyGenerator));
  defGetSet(t, 'gi_yieldfrom', (o) => awaiting(o as PyGenerator));
  defGetSet(t, 'gi_suspended', (o) => pyBool((o as PyGenerator).frame.state === FRAME_SUSPENDED));
}
