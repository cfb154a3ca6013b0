// The eval loop: one function, a switch on 3.11's opcode numbers. CPython counterpart:
// Python/ceval.c (_PyEval_EvalFrameDefault, exception_unwind, initialize_locals) and
// Objects/genobject.c (gen_send_ex) for resuming generators.
//
// Inline CACHE entries are skipped by the fetch (opcodeTable('3.11').cacheEntries); jumps are
// relative to the instruction after the caches, as in CPython. Rare opcodes call into ops.ts.
import { opcodeTable } from '@tspyc/bytecode';
import { InternalError, PyError, newException, raise, raiseNameError } from '../errors.js';
import { None, NotImplemented, PyObject, PyType } from '../objects/object.js';
import { False, PyInt, True, intFromNumber, intType, newInt, pyBool } from '../objects/int.js';
import { PyFloat, floatType } from '../objects/float.js';
import { PyStr, newStr, strType } from '../objects/str.js';
import { PyTuple, newTuple, tupleType } from '../objects/tuple.js';
import { PyList, listType } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PySet, setUpdate } from '../objects/set.js';
import { PyCell, PyFunction, PyMethod } from '../objects/function.js';
import { PyBuiltin, type Kwargs } from '../objects/native.js';
import { PyGenerator } from '../objects/generator.js';
import { AsyncGenWrappedValue, PyAsyncGenerator, PyCoroutine, genKindName } from '../objects/coroutine.js';
import { checkExceptStarType, exceptionGroupMatch, prepReraiseStar } from '../objects/exception-group.js';
import { beforeAsyncWith, getAIter, getANext, getAwaitable } from './awaitable.js';
import { PyTraceback } from '../objects/traceback.js';
import { PySlice } from '../objects/slice.js';
import { PyModule } from '../objects/module.js';
import { PySuper } from '../objects/super.js';
import { PyArrayIter, PyRangeIter } from '../objects/iterators.js';
import {
  PyBaseException,
  baseExceptionType,
  generatorExitType,
  memoryErrorType,
  nameErrorType,
  recursionErrorType,
  runtimeErrorType,
  stopIterationType,
  stopAsyncIterationType,
  systemErrorType,
  typeErrorType,
  unboundLocalErrorType,
  assertionErrorType,
  valueErrorType,
} from '../objects/exception-types.js';
import { binaryOp, invert, negative, positive, NB_ADD, NB_INPLACE, NB_MULTIPLY, NB_SUBTRACT, NB_TRUE_DIVIDE } from '../protocols/number.js';
import { richCompare, richCompareBool, CMP_EQ, CMP_NE, CMP_LT, CMP_GT, CMP_LE, CMP_GE, cmpResult } from '../protocols/compare.js';
import { isTrue } from '../protocols/truth.js';
import { callObject } from '../protocols/call.js';
import { getAttr, setAttr, lookupSpecial, genericGetAttr } from '../protocols/getattr.js';
import { getIter, iterNext, toArray, EXHAUSTED_INDEX } from '../protocols/iter.js';
import { contains, delItem, getItem, setItem } from '../protocols/sequence.js';
import { bindArguments } from './call-args.js';
import { loadAttr, loadMethod, storeAttr } from './attr-cache.js';
import { Super, decode } from './decode.js';
import { loadGlobal } from './global-cache.js';
import { CO_GENERATOR, CO_NEWLOCALS, type Code, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE, CO_VARARGS, CO_VARKEYWORDS } from './code.js';
import { FRAME_COMPLETED, FRAME_EXECUTING, FRAME_SUSPENDED, Frame } from './frame.js';
import { Op } from './opcodes.js';
import { ts } from './state.js';
import * as ops from './ops.js';
import { printExpr } from './displayhook.js';

const OPNAMES = opcodeTable('3.11').name;
const MAX_SAFE_INT = Number.MAX_SAFE_INTEGER;

/**
 * Call a Python function: bind arguments, then run its frame (or make its generator). `self`,
 * when not null, is an argument before `args` (a bound method's, without an array made for it).
 */
export function callPyFunction(func: PyFunction, args: PyObject[], kw: Kwargs | null, self: PyObject | null = null): PyObject {
  const code = func.code;
  const f = new Frame(code, func, func.globals, func.builtins, null);
  const extra = self !== null ? 1 : 0;
  if (kw === null && args.length + extra === code.argcount && code.kwonlyargcount === 0 && (code.flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0) {
    // the common case: exactly the positional parameters
    const fast = f.fast;
    if (self !== null) fast[0] = self;
    for (let i = 0; i < args.length; i++) fast[i + extra] = args[i]!;
  } else {
    bindArguments(func, f.fast, self !== null ? [self, ...args] : args, kw);
  }
  return evalFrame(f, null);
}

/**
 * The frame of a call of `fn` given exactly its positional parameters (`self`, when not null,
 * first), taken from the caller's stack.
 */
function frameFromStack(fn: PyFunction, self: PyObject | null, stack: (PyObject | null)[], base: number, nargs: number): Frame {
  const f = new Frame(fn.code, fn, fn.globals, fn.builtins, null);
  const fast = f.fast;
  let j = 0;
  if (self !== null) fast[j++] = self;
  for (let i = 0; i < nargs; i++) fast[j++] = stack[base + i]!;
  return f;
}

/** Run a code object with an explicit locals mapping (module bodies, class bodies). */
export function evalCodeWithLocals(code: Code, globals: PyDict, builtins: PyDict, locals: PyObject, func: PyFunction | null): PyObject {
  const f = new Frame(code, func, globals, builtins, locals);
  return evalFrame(f, null);
}

/** Resume a generator with `value` sent (or `exc` thrown); returns the yielded or returned value. */
export function genResume(gen: PyGenerator, value: PyObject, exc: PyObject | null): PyObject {
  const f = gen.frame;
  if (gen.running) raise(valueErrorType, 'generator already executing');
  if (gen.finished) {
    if (exc !== null) throw new PyError(exc);
    if (gen instanceof PyCoroutine) raise(runtimeErrorType, 'cannot reuse already awaited coroutine');
    gen.finished = true;
    return None;
  }
  if (f.state !== FRAME_SUSPENDED && value !== None && exc === null) {
    raise(typeErrorType, `can't send non-None value to a just-started ${genKindName(gen)}`);
  }
  f.stack[f.sp++] = value;
  gen.running = true;
  // the generator's exc_info entry goes on top of its caller's: its own value, or the caller's
  // exception seen through it while it has none
  const prevHandled = ts.handled;
  const prevExcValue = ts.excValue;
  const prevOuter = ts.outerHandled;
  ts.outerHandled = prevHandled;
  ts.excValue = gen.handled;
  ts.handled = gen.handled ?? prevHandled;
  try {
    const r = evalFrame(f, exc);
    if (f.state === FRAME_COMPLETED) gen.finished = true;
    return r;
  } catch (e) {
    gen.finished = true;
    if (e instanceof PyError && (e.exc.type.isSubtype(stopIterationType) || (gen instanceof PyAsyncGenerator && e.exc.type.isSubtype(stopAsyncIterationType)))) {
      const err = newException(runtimeErrorType, `${genKindName(gen)} raised ${e.exc.type.isSubtype(stopIterationType) ? 'StopIteration' : 'StopAsyncIteration'}`) as PyBaseException;
      err.cause = e.exc;
      err.context = e.exc;
      err.suppressContext = true;
      throw new PyError(err);
    }
    throw e;
  } finally {
    gen.running = false;
    gen.handled = gen.finished ? null : ts.excValue;
    ts.handled = prevHandled;
    ts.excValue = prevExcValue;
    ts.outerHandled = prevOuter;
  }
}

/** The handler of the exception table covering code unit `lasti`, or undefined. */
function findHandler(code: Code, lasti: number) {
  const table = code.exceptionTable;
  for (let i = 0; i < table.length; i++) {
    const e = table[i]!;
    if (lasti >= e.start && lasti < e.end) return e;
  }
  return undefined;
}

/** _PyErr_SetObject's chaining: the exception being handled becomes the new one's __context__. */
export function chainContext(exc: PyObject): void {
  const handled = ts.handled;
  if (handled === null || handled === exc || !(exc instanceof PyBaseException)) return;
  // Floyd's cycle detection, as CPython: a cycle already in the chain must not hang the raise.
  let o: PyObject | null = handled;
  let slow: PyObject | null = handled;
  let toggle = false;
  while (o instanceof PyBaseException && o.context !== null) {
    if (o.context === exc) {
      o.context = null;
      break;
    }
    o = o.context;
    if (o === slow) break;
    if (toggle) slow = (slow as PyBaseException).context;
    toggle = !toggle;
  }
  exc.context = handled;
}

/**
 * Turn a JS exception into a Python one, or null: a RangeError from a deep JS stack is a
 * RecursionError, one from an array, string or buffer too big to make is a MemoryError (CPython's
 * failed allocation: `[0] * 2**40`).
 */
function asPyError(e: unknown): PyError | null {
  if (e instanceof PyError) return e;
  if (e instanceof RangeError) {
    if (e.message.includes('call stack')) return new PyError(newException(recursionErrorType, 'maximum recursion depth exceeded'));
    if (/^(Invalid (typed )?array length|Invalid string length|Array buffer allocation failed)/.test(e.message)) return new PyError(newException(memoryErrorType, null));
  }
  return null;
}

/** Errors already chained and given a traceback entry in the frame they were raised in. */
const seen = new WeakSet<PyError>();

/**
 * Enter a frame (recursion check), run it, leave it: the eval loop leaves wherever control does
 * (RETURN_VALUE, YIELD_VALUE, RETURN_GENERATOR, an exception without a handler here), so a call
 * costs no JS frame besides this one.
 */
export function evalFrame(f: Frame, throwExc: PyObject | null): PyObject {
  if (ts.depth >= ts.recursionLimit) raise(recursionErrorType, 'maximum recursion depth exceeded');
  ts.depth++;
  f.back = ts.frame;
  ts.frame = f;
  f.state = FRAME_EXECUTING;
  let pending: PyObject | null = throwExc;
  for (;;) {
    try {
      if (pending !== null) {
        // thrown in (gen.throw: PyErr_Restore): set as it is, not chained to the exception being handled
        const err = new PyError(pending);
        pending = null;
        seen.add(err);
        throw err;
      }
      return dispatch(f);
    } catch (e) {
      // leave the frame first, so that nothing thrown while handling this leaves ts pointing at it
      ts.depth--;
      ts.frame = f.back;
      unwind(f, e);
      // handled here (f.ip and f.sp are the handler's): enter the frame again
      ts.depth++;
      ts.frame = f;
    }
  }
}

/** Leave the frame `f` on its way out of the eval loop (evalFrame entered it). */
function leaveFrame(f: Frame): void {
  ts.depth--;
  ts.frame = f.back;
  f.back = null;
}

/** set by RERAISE, RAISE_VARARGS 0 and END_ASYNC_FOR just before they throw: the exception keeps its traceback as it is */
let reraising = false;
/**
 * set by RERAISE just before it throws: the instruction running (code unit), by which handlers are
 * looked up, while f.lasti, which RERAISE may move back to the original raise, gives tracebacks
 * their line. -1: the instruction is f.lasti.
 */
let reraiseInstr = -1;

/**
 * exception_unwind: give the exception its traceback entry and context, then point the frame at
 * its handler (f.ip, f.sp), or mark the frame completed and rethrow.
 */
function unwind(f: Frame, e: unknown): void {
  const instr = reraiseInstr >= 0 ? reraiseInstr : f.lasti;
  reraiseInstr = -1;
  const err = asPyError(e);
  if (err === null) {
    reraising = false;
    f.back = null;
    throw e;
  }
  const exc = err.exc;
  if (reraising) {
    reraising = false;
    seen.add(err);
  } else if (!seen.has(err)) {
    seen.add(err);
    chainContext(exc);
    if (exc instanceof PyBaseException) exc.traceback = new PyTraceback(exc.traceback as PyTraceback | null, f, f.lasti);
  } else if (exc instanceof PyBaseException) {
    exc.traceback = new PyTraceback(exc.traceback as PyTraceback | null, f, f.lasti);
  }
  const stack = f.stack;
  const h = findHandler(f.code, instr);
  if (h === undefined) {
    f.state = FRAME_COMPLETED;
    // the stack only: a traceback's frame keeps its locals
    for (let i = f.code.nlocalsplus; i < stack.length; i++) stack[i] = null;
    f.back = null;
    throw err;
  }
  let sp = f.code.nlocalsplus + h.depth;
  if (h.lasti) stack[sp++] = intFromNumber(f.lasti);
  stack[sp++] = exc;
  f.sp = sp;
  f.ip = h.target;
}

/**
 * The eval loop proper, from f.ip and f.sp. No try block here: V8 optimizes code inside one less
 * well (allocations through derived-class constructors, a PyInt for instance, are not inlined there
 * and cost several times as much). An exception thrown here is unwound by evalFrame, which calls
 * this again at the handler.
 */
function dispatch(f: Frame): PyObject {
  const code = f.code;
  const decoded = code.decoded ?? decode(code);
  // made by decode, like decoded: plain field loads, not the getters (this runs for every call)
  const consts = code.constsCache;
  const names = code.namesCache;
  const fast = f.fast;
  const stack = f.stack;
  const globals = f.globals;
  const builtins = f.builtins;
  let sp = f.sp;
  let ip = f.ip;
  let kwnames: PyTuple | null = null;
  let instr = f.lasti;
  for (;;) {
    const w = decoded[ip << 1]!;
    const op = w & 0xff;
    const oparg = decoded[(ip << 1) + 1]!;
    instr = ip + (w >>> 16);
    f.lasti = instr;
    ip = instr + 1 + ((w >> 8) & 0xff);

    switch (op) {
      case Op.NOP:
      case Op.RESUME:
      case Op.PRECALL:
        break;

      case Op.LOAD_FAST: {
        const v = fast[oparg];
        if (v === null) unboundLocal(code, oparg);
        stack[sp++] = v!;
        break;
      }
      case Op.STORE_FAST:
        fast[oparg] = stack[--sp]!;
        break;
      case Super.LOAD_FAST__LOAD_FAST: {
        const v = fast[oparg & 0xffff];
        if (v === null) unboundLocal(code, oparg & 0xffff);
        const v2 = fast[oparg >>> 16];
        if (v2 === null) {
          f.lasti = instr + 1;
          unboundLocal(code, oparg >>> 16);
        }
        stack[sp++] = v!;
        stack[sp++] = v2!;
        break;
      }
      case Super.LOAD_FAST__LOAD_CONST: {
        const v = fast[oparg & 0xffff];
        if (v === null) unboundLocal(code, oparg & 0xffff);
        stack[sp++] = v!;
        stack[sp++] = consts[oparg >>> 16]!;
        break;
      }
      case Super.STORE_FAST__LOAD_FAST: {
        fast[oparg & 0xffff] = stack[--sp]!;
        const v = fast[oparg >>> 16];
        if (v === null) {
          f.lasti = instr + 1;
          unboundLocal(code, oparg >>> 16);
        }
        stack[sp++] = v!;
        break;
      }
      case Op.LOAD_CONST:
        stack[sp++] = consts[oparg]!;
        break;
      case Op.POP_TOP:
        sp--;
        break;
      case Op.PUSH_NULL:
        stack[sp++] = null;
        break;
      case Op.COPY:
        stack[sp] = stack[sp - oparg]!;
        sp++;
        break;
      case Op.SWAP: {
        const t = stack[sp - 1]!;
        stack[sp - 1] = stack[sp - oparg]!;
        stack[sp - oparg] = t;
        break;
      }

      case Op.UNARY_NEGATIVE:
        stack[sp - 1] = negative(stack[sp - 1]!);
        break;
      case Op.UNARY_NOT:
        stack[sp - 1] = isTrue(stack[sp - 1]!) ? False : True;
        break;
      case Op.BINARY_OP: {
        const b = stack[--sp]!;
        const a = stack[sp - 1]!;
        if (a.type === floatType && b.type === floatType) {
          // + - * / of exact floats here (binaryOp has the rest, and every error)
          const x = (a as PyFloat).value;
          const y = (b as PyFloat).value;
          const o = oparg >= NB_INPLACE ? oparg - NB_INPLACE : oparg;
          if (o === NB_MULTIPLY) {
            stack[sp - 1] = new PyFloat(x * y);
            break;
          } else if (o === NB_ADD) {
            stack[sp - 1] = new PyFloat(x + y);
            break;
          } else if (o === NB_SUBTRACT) {
            stack[sp - 1] = new PyFloat(x - y);
            break;
          } else if (o === NB_TRUE_DIVIDE && y !== 0) {
            stack[sp - 1] = new PyFloat(x / y);
            break;
          }
        } else if (a.type === intType && b.type === intType) {
          // + - on ints held as numbers, when the result is still a safe integer
          const x = (a as PyInt).num;
          const y = (b as PyInt).num;
          const o = oparg >= NB_INPLACE ? oparg - NB_INPLACE : oparg;
          const r = o === NB_ADD ? x + y : o === NB_SUBTRACT ? x - y : NaN;
          // NaN (a big operand, another operator) fails the range test
          if (r >= -MAX_SAFE_INT && r <= MAX_SAFE_INT) {
            stack[sp - 1] = intFromNumber(r);
            break;
          }
        }
        stack[sp - 1] = binaryOp(a, b, oparg);
        break;
      }
      case Op.COMPARE_OP: {
        const b = stack[--sp]!;
        const a = stack[sp - 1]!;
        if (a instanceof PyInt && b instanceof PyInt && a.type === intType && b.type === intType) {
          const xn = a.num;
          const yn = b.num;
          if (xn === xn && yn === yn) {
            stack[sp - 1] = pyBool(cmpResult(xn < yn ? -1 : xn > yn ? 1 : 0, oparg));
          } else {
            const x = a.value;
            const y = b.value;
            stack[sp - 1] = pyBool(cmpResult(x < y ? -1 : x > y ? 1 : 0, oparg));
          }
        } else if (a instanceof PyFloat && b instanceof PyFloat && a.type === floatType && b.type === floatType) {
          const x = a.value;
          const y = b.value;
          // NaN: only != holds
          stack[sp - 1] = pyBool(x !== x || y !== y ? oparg === CMP_NE : cmpResult(x < y ? -1 : x > y ? 1 : 0, oparg));
        } else {
          stack[sp - 1] = richCompare(a, b, oparg);
        }
        break;
      }
      case Super.COMPARE_OP__POP_JUMP: {
        const b = stack[--sp]!;
        const a = stack[--sp]!;
        const cmp = oparg & 0xf;
        let t: boolean;
        if (a.type === intType && b.type === intType && (a as PyInt).num === (a as PyInt).num && (b as PyInt).num === (b as PyInt).num) {
          const xn = (a as PyInt).num;
          const yn = (b as PyInt).num;
          t = cmpResult(xn < yn ? -1 : xn > yn ? 1 : 0, cmp);
        } else {
          const r = richCompare(a, b, cmp);
          // the jump's truth test: errors there belong to the jump instruction
          f.lasti = ip - 1;
          t = r === True ? true : r === False ? false : isTrue(r);
        }
        if (t === ((oparg & 0x10) !== 0)) {
          if (oparg & 0x20) ip -= oparg >>> 8;
          else ip += oparg >>> 8;
        }
        break;
      }
      case Op.IS_OP: {
        const b = stack[--sp]!;
        const a = stack[sp - 1]!;
        stack[sp - 1] = (a === b) !== (oparg === 1) ? True : False;
        break;
      }
      case Op.CONTAINS_OP: {
        const b = stack[--sp]!;
        const a = stack[sp - 1]!;
        stack[sp - 1] = contains(b, a) !== (oparg === 1) ? True : False;
        break;
      }

      case Op.BINARY_SUBSCR: {
        const sub = stack[--sp]!;
        const container = stack[sp - 1]!;
        const tc = container.type;
        if ((tc === listType || tc === tupleType) && sub.type === intType) {
          // a non-negative index in range (the rest, errors included, in getItem)
          const items = (container as PyList | PyTuple).items;
          const i = (sub as PyInt).num;
          if (i >= 0 && i < items.length) {
            stack[sp - 1] = items[i]!;
            break;
          }
        }
        stack[sp - 1] = getItem(container, sub);
        break;
      }
      case Op.STORE_SUBSCR: {
        const sub = stack[sp - 1]!;
        const container = stack[sp - 2]!;
        const v = stack[sp - 3]!;
        sp -= 3;
        if (container.type === listType && sub.type === intType) {
          const items = (container as PyList).items;
          const i = (sub as PyInt).num;
          if (i >= 0 && i < items.length) {
            items[i] = v;
            break;
          }
        }
        setItem(container, sub, v);
        break;
      }
      case Op.DELETE_SUBSCR: {
        const sub = stack[sp - 1]!;
        const container = stack[sp - 2]!;
        sp -= 2;
        delItem(container, sub);
        break;
      }
      case Op.BUILD_SLICE: {
        if (oparg === 3) {
          const step = stack[--sp]!;
          const stop = stack[--sp]!;
          stack[sp - 1] = new PySlice(stack[sp - 1]!, stop, step);
        } else {
          const stop = stack[--sp]!;
          stack[sp - 1] = new PySlice(stack[sp - 1]!, stop, None);
        }
        break;
      }

      case Op.LOAD_GLOBAL: {
        if (oparg & 1) stack[sp++] = null;
        const name = names[oparg >> 1]!;
        const v = loadGlobal(code, instr, globals, builtins, name);
        if (v === undefined) raiseNameError(nameErrorType, `name '${name}' is not defined`, name);
        stack[sp++] = v!;
        break;
      }
      case Op.STORE_GLOBAL:
        globals.setStr(names[oparg]!, stack[--sp]!);
        break;
      case Op.LOAD_NAME: {
        const name = names[oparg]!;
        let v = f.locals !== null ? ops.localsGet(f.locals, name) : undefined;
        if (v === undefined) v = globals.getStr(name);
        if (v === undefined) v = builtins.getStr(name);
        if (v === undefined) raiseNameError(nameErrorType, `name '${name}' is not defined`, name);
        stack[sp++] = v;
        break;
      }
      case Op.STORE_NAME: {
        if (f.locals === null) raise(systemErrorType, `no locals found when storing '${names[oparg]!}'`);
        ops.localsSet(f.locals, names[oparg]!, stack[--sp]!);
        break;
      }
      case Op.COPY_FREE_VARS: {
        const closure = f.func!.closure!;
        const offset = code.nlocalsplus - oparg;
        for (let i = 0; i < oparg; i++) fast[offset + i] = closure[i]!;
        break;
      }
      case Op.LOAD_CLOSURE:
        stack[sp++] = fast[oparg]!;
        break;
      case Op.LOAD_DEREF: {
        const v = (fast[oparg] as PyCell).ref;
        if (v === null) unboundDeref(code, oparg);
        stack[sp++] = v!;
        break;
      }
      case Op.STORE_DEREF:
        (fast[oparg] as PyCell).ref = stack[--sp]!;
        break;
      case Op.LOAD_ATTR:
        stack[sp - 1] = loadAttr(code, instr, stack[sp - 1]!, names[oparg]!);
        break;
      case Op.STORE_ATTR: {
        const owner = stack[--sp]!;
        const v = stack[--sp]!;
        storeAttr(code, instr, owner, oparg, v);
        break;
      }
      case Op.LOAD_METHOD: {
        const obj = stack[sp - 1]!;
        const name = names[oparg]!;
        const meth = loadMethod(code, instr, obj, name);
        if (meth !== null) {
          stack[sp - 1] = meth;
          stack[sp++] = obj;
        } else {
          stack[sp - 1] = null;
          stack[sp++] = loadAttr(code, instr, obj, name);
        }
        break;
      }

      case Op.KW_NAMES:
        kwnames = consts[oparg] as PyTuple;
        break;
      case Op.CALL: {
        const isMeth = stack[sp - oparg - 2] !== null;
        const nargs = oparg + (isMeth ? 1 : 0);
        const callable = stack[sp - nargs - 1]!;
        const base = sp - nargs;
        if (kwnames === null && (callable instanceof PyFunction || callable instanceof PyMethod)) {
          // a Python function given exactly its positional parameters: the arguments go from
          // this stack straight into the new frame's locals
          const self = callable instanceof PyMethod ? callable.self : null;
          const fn = self !== null ? (callable as PyMethod).func : callable;
          if (fn instanceof PyFunction) {
            const c = fn.code;
            const extra = self !== null ? 1 : 0;
            if (c.argcount === nargs + extra && c.kwonlyargcount === 0 && (c.flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0) {
              const nf = frameFromStack(fn, self, stack, base, nargs);
              sp -= oparg + 2;
              for (let i = sp; i < sp + oparg + 2; i++) stack[i] = null;
              stack[sp++] = evalFrame(nf, null);
              break;
            }
          }
        }
        let kw: Kwargs | null = null;
        let npos = nargs;
        if (kwnames !== null) {
          const kn = kwnames.items;
          npos = nargs - kn.length;
          kw = new Map();
          for (let i = 0; i < kn.length; i++) kw.set((kn[i] as PyStr).value, stack[base + npos + i]!);
          kwnames = null;
        }
        const args = new Array<PyObject>(npos);
        for (let i = 0; i < npos; i++) args[i] = stack[base + i]!;
        sp -= oparg + 2;
        for (let i = sp; i < sp + oparg + 2; i++) stack[i] = null;
        stack[sp++] = callable instanceof PyBuiltin && (npos > 0 || callable.owner === null) ? callable.fn(args, kw) : callObject(callable, args, kw);
        break;
      }
      case Op.RETURN_VALUE: {
        const v = stack[--sp]!;
        f.sp = sp;
        f.state = FRAME_COMPLETED;
        leaveFrame(f);
        return v;
      }

      case Op.BUILD_TUPLE: {
        const items = new Array<PyObject>(oparg);
        for (let i = 0; i < oparg; i++) items[i] = stack[sp - oparg + i]!;
        sp -= oparg;
        stack[sp++] = newTuple(items);
        break;
      }
      case Op.BUILD_LIST: {
        const items = new Array<PyObject>(oparg);
        for (let i = 0; i < oparg; i++) items[i] = stack[sp - oparg + i]!;
        sp -= oparg;
        stack[sp++] = new PyList(items);
        break;
      }
      case Op.LIST_APPEND: {
        const v = stack[--sp]!;
        (stack[sp - oparg] as PyList).items.push(v);
        break;
      }
      case Op.UNPACK_SEQUENCE: {
        const seq = stack[--sp]!;
        let items: PyObject[];
        if ((seq instanceof PyTuple || seq instanceof PyList) && seq.type.solid === seq.type) {
          items = seq.items;
          if (items.length !== oparg) ops.unpackCountError(items.length, oparg);
        } else {
          items = ops.unpackIterable(seq, oparg, -1);
        }
        for (let i = oparg - 1; i >= 0; i--) stack[sp++] = items[i]!;
        break;
      }
      case Op.JUMP_FORWARD:
        ip += oparg;
        break;
      case Op.JUMP_BACKWARD:
      case Op.JUMP_BACKWARD_NO_INTERRUPT:
        ip -= oparg;
        break;
      case Op.POP_JUMP_FORWARD_IF_FALSE: {
        const v = stack[--sp]!;
        if (v === False || (v !== True && !isTrue(v))) ip += oparg;
        break;
      }
      case Op.POP_JUMP_FORWARD_IF_TRUE: {
        const v = stack[--sp]!;
        if (v === True || (v !== False && isTrue(v))) ip += oparg;
        break;
      }
      case Op.POP_JUMP_BACKWARD_IF_FALSE: {
        const v = stack[--sp]!;
        if (v === False || (v !== True && !isTrue(v))) ip -= oparg;
        break;
      }
      case Op.POP_JUMP_BACKWARD_IF_TRUE: {
        const v = stack[--sp]!;
        if (v === True || (v !== False && isTrue(v))) ip -= oparg;
        break;
      }
      case Op.POP_JUMP_FORWARD_IF_NONE:
        if (stack[--sp] === None) ip += oparg;
        break;
      case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
        if (stack[--sp] !== None) ip += oparg;
        break;
      case Op.POP_JUMP_BACKWARD_IF_NONE:
        if (stack[--sp] === None) ip -= oparg;
        break;
      case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
        if (stack[--sp] !== None) ip -= oparg;
        break;
      case Op.JUMP_IF_FALSE_OR_POP: {
        const v = stack[sp - 1]!;
        if (!isTrue(v)) ip += oparg;
        else sp--;
        break;
      }
      case Op.JUMP_IF_TRUE_OR_POP: {
        const v = stack[sp - 1]!;
        if (isTrue(v)) ip += oparg;
        else sp--;
        break;
      }

      case Op.GET_ITER:
        stack[sp - 1] = getIter(stack[sp - 1]!);
        break;
      case Op.GET_YIELD_FROM_ITER: {
        const v = stack[sp - 1]!;
        if (v instanceof PyCoroutine) {
          if (!(code.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) raise(typeErrorType, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        } else if (!(v instanceof PyGenerator) || v instanceof PyAsyncGenerator) stack[sp - 1] = getIter(v);
        break;
      }
      case Op.FOR_ITER: {
        const it = stack[sp - 1]!;
        let v: PyObject | null;
        if (it instanceof PyRangeIter) {
          if (it.remaining > 0) {
            it.remaining--;
            v = intFromNumber(it.next);
            it.next += it.step;
          } else v = null;
        } else if (it instanceof PyArrayIter) {
          const items = it.owner.items;
          if (it.index < items.length) v = items[it.index++]!;
          else {
            // listiter_next drops its list when done: items appended later are not seen
            it.index = EXHAUSTED_INDEX;
            v = null;
          }
        } else if (it instanceof PyGenerator) {
          v = genResume(it, None, null);
          if (it.finished) v = null;
        } else {
          v = iterNext(it);
        }
        if (v !== null) stack[sp++] = v;
        else {
          sp--;
          ip += oparg;
        }
        break;
      }

      case Op.RETURN_GENERATOR: {
        const gen = code.flags & CO_COROUTINE ? new PyCoroutine(f) : code.flags & CO_ASYNC_GENERATOR ? new PyAsyncGenerator(f) : new PyGenerator(f);
        f.generator = gen;
        f.ip = ip;
        f.sp = sp;
        f.state = FRAME_SUSPENDED;
        gen.frame.state = 0; // FRAME_CREATED: the first send must be None
        leaveFrame(f);
        return gen;
      }
      case Op.YIELD_VALUE: {
        const v = stack[--sp]!;
        f.ip = ip;
        f.sp = sp;
        f.state = FRAME_SUSPENDED;
        leaveFrame(f);
        return v;
      }
      case Op.SEND: {
        const v = stack[--sp]!;
        const receiver = stack[sp - 1]!;
        let r: PyObject;
        let done: boolean;
        if (v === None && (receiver instanceof PyRangeIter || receiver instanceof PyArrayIter)) {
          // `yield from` a range or a list: next() without the __next__ call (they return None)
          const x = iterNext(receiver);
          done = x === null;
          r = x ?? None;
        } else if (receiver instanceof PyGenerator) {
          r = genResume(receiver, v, null);
          done = receiver.finished;
        } else {
          const s = ops.send(receiver, v);
          r = s.value;
          done = s.done;
        }
        // one push and one jump for all three (fewer paths for V8 to meet first when optimized)
        if (done) {
          stack[sp - 1] = r;
          ip += oparg;
        } else {
          stack[sp++] = r;
        }
        break;
      }
      default:
        // the rarer opcodes, in a function of their own (a smaller eval loop compiles faster)
        f.sp = sp;
        rareOp(f, op, oparg, instr);
        sp = f.sp;
    }
  }
}

/** The eval loop's rarer opcodes: the stack is f.stack up to f.sp, in and out. */
function rareOp(f: Frame, op: number, oparg: number, instr: number): void {
  const code = f.code;
  const consts = code.constsCache; // dispatch has decoded the code
  const names = code.namesCache;
  const fast = f.fast;
  const stack = f.stack;
  const globals = f.globals;
  const builtins = f.builtins;
  let sp = f.sp;
  switch (op) {
    case Op.DELETE_FAST:
      if (fast[oparg] === null) unboundLocal(code, oparg);
      fast[oparg] = null;
      break;
    case Op.PRINT_EXPR:
      printExpr(stack[--sp]!);
      break;
    case Op.UNARY_POSITIVE:
      stack[sp - 1] = positive(stack[sp - 1]!);
      break;
    case Op.UNARY_INVERT:
      stack[sp - 1] = invert(stack[sp - 1]!);
      break;

    case Op.DELETE_GLOBAL:
      if (!globals.deleteStr(names[oparg]!)) raise(nameErrorType, `name '${names[oparg]!}' is not defined`);
      break;
    case Op.DELETE_NAME: {
      if (f.locals === null || !ops.localsDelete(f.locals, names[oparg]!)) {
        raise(nameErrorType, `name '${names[oparg]!}' is not defined`);
      }
      break;
    }

    case Op.MAKE_CELL:
      fast[oparg] = new PyCell(fast[oparg]!);
      break;
    case Op.LOAD_CLASSDEREF: {
      const name = code.localsplusNames[oparg]!;
      let v = f.locals !== null ? ops.localsGet(f.locals, name) : undefined;
      if (v === undefined) {
        const c = (fast[oparg] as PyCell).ref;
        if (c === null) unboundDeref(code, oparg);
        v = c!;
      }
      stack[sp++] = v;
      break;
    }
    case Op.DELETE_DEREF: {
      const cell = fast[oparg] as PyCell;
      if (cell.ref === null) unboundDeref(code, oparg);
      cell.ref = null;
      break;
    }

    case Op.DELETE_ATTR:
      setAttr(stack[--sp]!, names[oparg]!, null);
      break;
    case Op.CALL_FUNCTION_EX: {
      let kwargs: PyObject | null = null;
      if (oparg & 1) kwargs = stack[--sp]!;
      const callargs = stack[--sp]!;
      const func = stack[--sp]!;
      sp--; // NULL
      stack[sp++] = ops.callFunctionEx(func, callargs, kwargs);
      break;
    }
    case Op.MAKE_FUNCTION: {
      const c = stack[--sp] as Code;
      const fn = new PyFunction(c, globals, builtins);
      const mod = globals.getStr('__name__');
      if (mod !== undefined) fn.module = mod;
      const doc = c.docConst;
      if (doc !== null) fn.doc = doc;
      if (oparg & 0x08) fn.closure = (stack[--sp] as PyTuple).items as PyCell[];
      if (oparg & 0x04) fn.annotations = stack[--sp]!;
      if (oparg & 0x02) fn.kwdefaults = stack[--sp] as PyDict;
      if (oparg & 0x01) fn.defaults = (stack[--sp] as PyTuple).items;
      stack[sp++] = fn;
      break;
    }
    case Op.BUILD_SET: {
      const s = new PySet();
      for (let i = 0; i < oparg; i++) s.add(stack[sp - oparg + i]!);
      sp -= oparg;
      stack[sp++] = s;
      break;
    }
    case Op.BUILD_MAP: {
      const d = new PyDict();
      for (let i = 0; i < oparg; i++) d.set(stack[sp - 2 * oparg + 2 * i]!, stack[sp - 2 * oparg + 2 * i + 1]!);
      sp -= 2 * oparg;
      stack[sp++] = d;
      break;
    }
    case Op.BUILD_CONST_KEY_MAP: {
      const keys = (stack[--sp] as PyTuple).items;
      const d = new PyDict();
      for (let i = 0; i < oparg; i++) d.set(keys[i]!, stack[sp - oparg + i]!);
      sp -= oparg;
      stack[sp++] = d;
      break;
    }
    case Op.BUILD_STRING: {
      let s = '';
      for (let i = 0; i < oparg; i++) s += (stack[sp - oparg + i] as PyStr).value;
      sp -= oparg;
      stack[sp++] = newStr(s);
      break;
    }
    case Op.FORMAT_VALUE: {
      const spec = (oparg & 0x04) ? stack[--sp]! : null;
      stack[sp - 1] = ops.formatValue(stack[sp - 1]!, oparg & 3, spec);
      break;
    }
    case Op.SET_ADD: {
      const v = stack[--sp]!;
      (stack[sp - oparg] as PySet).add(v);
      break;
    }
    case Op.MAP_ADD: {
      const v = stack[--sp]!;
      const k = stack[--sp]!;
      (stack[sp - oparg] as PyDict).set(k, v);
      break;
    }
    case Op.LIST_EXTEND: {
      const it = stack[--sp]!;
      ops.listExtend(stack[sp - oparg] as PyList, it);
      break;
    }
    case Op.SET_UPDATE: {
      const it = stack[--sp]!;
      setUpdate(stack[sp - oparg] as PySet, it, toArray);
      break;
    }
    case Op.DICT_UPDATE: {
      const other = stack[--sp]!;
      ops.dictUpdate(stack[sp - oparg] as PyDict, other, null);
      break;
    }
    case Op.DICT_MERGE: {
      const other = stack[--sp]!;
      ops.dictUpdate(stack[sp - oparg] as PyDict, other, stack[sp - oparg - 2] ?? null);
      break;
    }
    case Op.LIST_TO_TUPLE:
      stack[sp - 1] = newTuple((stack[sp - 1] as PyList).items);
      break;

    case Op.UNPACK_EX: {
      const seq = stack[--sp]!;
      const before = oparg & 0xff;
      const after = oparg >> 8;
      const items = ops.unpackIterable(seq, before, after);
      for (let i = items.length - 1; i >= 0; i--) stack[sp++] = items[i]!;
      break;
    }

    case Op.GET_AWAITABLE:
      stack[sp - 1] = getAwaitable(stack[sp - 1]!, oparg);
      break;
    case Op.GET_AITER:
      stack[sp - 1] = getAIter(stack[sp - 1]!);
      break;
    case Op.GET_ANEXT:
      stack[sp] = getANext(stack[sp - 1]!);
      sp++;
      break;
    case Op.ASYNC_GEN_WRAP:
      stack[sp - 1] = new AsyncGenWrappedValue(stack[sp - 1]!);
      break;
    case Op.END_ASYNC_FOR: {
      const exc = stack[--sp]!;
      if (exc.type.isSubtype(stopAsyncIterationType)) {
        sp--;
        break;
      }
      reraising = true;
      throw new PyError(exc);
    }
    case Op.BEFORE_ASYNC_WITH: {
      const [exit, res] = beforeAsyncWith(stack[sp - 1]!);
      stack[sp - 1] = exit;
      stack[sp++] = res;
      break;
    }

    case Op.LOAD_BUILD_CLASS: {
      const bc = builtins.getStr('__build_class__');
      if (bc === undefined) raise(nameErrorType, '__build_class__ not found');
      stack[sp++] = bc;
      break;
    }
    case Op.SETUP_ANNOTATIONS:
      if (f.locals !== null && ops.localsGet(f.locals, '__annotations__') === undefined) {
        ops.localsSet(f.locals, '__annotations__', new PyDict());
      }
      break;
    case Op.LOAD_ASSERTION_ERROR:
      stack[sp++] = assertionErrorType;
      break;

    case Op.RAISE_VARARGS: {
      if (oparg === 0) {
        const h = ts.handled;
        if (h === null) raise(runtimeErrorType, 'No active exception to reraise');
        reraising = true;
        throw new PyError(h);
      }
      const cause = oparg === 2 ? stack[--sp]! : undefined;
      const exc = stack[--sp]!;
      throw new PyError(ops.makeRaisable(exc, cause));
    }
    case Op.PUSH_EXC_INFO: {
      const v = stack[sp - 1]!;
      stack[sp - 1] = ts.excValue ?? None;
      stack[sp++] = v;
      ts.excValue = v;
      ts.handled = v;
      break;
    }
    case Op.POP_EXCEPT: {
      const v = stack[--sp]!;
      ts.excValue = v === None ? null : v;
      ts.handled = ts.excValue ?? ts.outerHandled;
      break;
    }
    case Op.RERAISE: {
      const exc = stack[--sp]!;
      reraiseInstr = instr;
      if (oparg) f.lasti = Number((stack[sp - oparg] as PyInt).value);
      reraising = true;
      throw new PyError(exc);
    }
    case Op.CHECK_EXC_MATCH: {
      const right = stack[sp - 1]!;
      const left = stack[sp - 2]!;
      stack[sp - 1] = pyBool(ops.exceptionMatches(left, right));
      break;
    }
    case Op.CHECK_EG_MATCH: {
      const t = stack[--sp]!;
      checkExceptStarType(t);
      const [match, rest] = exceptionGroupMatch(stack[sp - 1]!, t);
      stack[sp - 1] = rest;
      stack[sp++] = match;
      if (match !== None) ts.handled = ts.excValue = match;
      break;
    }
    case Op.PREP_RERAISE_STAR: {
      const excs = stack[--sp] as PyList;
      stack[sp - 1] = prepReraiseStar(stack[sp - 1]!, excs);
      break;
    }
    case Op.BEFORE_WITH: {
      const mgr = stack[sp - 1]!;
      const enter = lookupSpecial(mgr, '__enter__');
      if (enter === undefined) {
        raise(typeErrorType, `'${mgr.type.name}' object does not support the context manager protocol`);
      }
      const exit = lookupSpecial(mgr, '__exit__');
      if (exit === undefined) {
        raise(typeErrorType, `'${mgr.type.name}' object does not support the context manager protocol (missed __exit__ method)`);
      }
      stack[sp - 1] = exit;
      stack[sp++] = callObject(enter, [], null);
      break;
    }
    case Op.WITH_EXCEPT_START: {
      const val = stack[sp - 1]!;
      const exit = stack[sp - 4]!;
      const tb = val instanceof PyBaseException && val.traceback !== null ? val.traceback : None;
      stack[sp++] = callObject(exit, [val.type, val, tb], null);
      break;
    }

    case Op.IMPORT_NAME: {
      const fromlist = stack[--sp]!;
      const level = stack[sp - 1]!;
      stack[sp - 1] = ops.importName(f, names[oparg]!, fromlist, level);
      break;
    }
    case Op.IMPORT_FROM:
      stack[sp] = ops.importFrom(stack[sp - 1]!, names[oparg]!);
      sp++;
      break;
    case Op.IMPORT_STAR: {
      const mod = stack[--sp]!;
      ops.importStar(f, mod);
      break;
    }

    case Op.GET_LEN:
      stack[sp] = ops.getLen(stack[sp - 1]!);
      sp++;
      break;
    case Op.MATCH_MAPPING:
      stack[sp] = pyBool(ops.isMapping(stack[sp - 1]!));
      sp++;
      break;
    case Op.MATCH_SEQUENCE:
      stack[sp] = pyBool(ops.isMatchSequence(stack[sp - 1]!));
      sp++;
      break;
    case Op.MATCH_KEYS: {
      stack[sp] = ops.matchKeys(stack[sp - 2]!, stack[sp - 1]!);
      sp++;
      break;
    }
    case Op.MATCH_CLASS: {
      const names_ = stack[--sp] as PyTuple;
      const cls = stack[--sp]!;
      const subject = stack[sp - 1]!;
      stack[sp - 1] = ops.matchClass(subject, cls, oparg, names_);
      break;
    }

    default:
      raise(systemErrorType, `tspyc: opcode ${OPNAMES[op] ?? op} is not supported yet`);
  }
  f.sp = sp;
}

function unboundLocal(code: Code, i: number): never {
  raise(unboundLocalErrorType, `cannot access local variable '${code.localsplusNames[i]!}' where it is not associated with a value`);
}

function unboundDeref(code: Code, i: number): never {
  const name = code.localsplusNames[i]!;
  if (code.localsplusKinds[i]! & 0x80) {
    raise(nameErrorType, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }
  unboundLocal(code, i);
}

