// BaseExceptionGroup and ExceptionGroup: construction, derive/split/subgroup, and the helpers
// `except*` needs. CPython counterpart: Objects/exceptions.c (BaseExceptionGroup_new,
// exceptiongroup_split_recursive, _PyExc_PrepReraiseStar) and Python/ceval.c
// (exception_group_match, check_except_star_type_valid).
import { raise } from '../errors.js';
import { None, PyObject, PyType, typeType } from './object.js';
import { PyStr, newStr } from './str.js';
import { PyTuple, newTuple } from './tuple.js';
import { PyList } from './list.js';
import { PyDict, dictType } from './dict.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import { PyBaseException, baseExceptionType, exceptionType, typeErrorType, valueErrorType } from './exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttr, getAttrOpt, setAttr } from '../protocols/getattr.js';
import { isTrue } from '../protocols/truth.js';
import { toArray } from '../protocols/iter.js';
import { noKeywords } from './exceptions.js';

export const baseExceptionGroupType = new PyType(typeType, 'BaseExceptionGroup', [baseExceptionType]);
baseExceptionGroupType.solid = baseExceptionType;
export const exceptionGroupType = new PyType(typeType, 'ExceptionGroup', [baseExceptionGroupType, exceptionType]);
exceptionGroupType.mro = [exceptionGroupType, baseExceptionGroupType, exceptionType, baseExceptionType, baseExceptionType.mro[1]!];
exceptionGroupType.solid = baseExceptionType;

export class PyExceptionGroup extends PyBaseException {
  message: PyObject = newStr('');
  exceptions: PyObject[] = [];
}

/** PySequence_Check */
function isSequence(o: PyObject): boolean {
  return o.type.lookup('__getitem__') !== undefined && !o.type.isSubtype(dictType);
}

function group(o: PyObject): PyExceptionGroup {
  if (!(o instanceof PyExceptionGroup)) raise(typeErrorType, `descriptor requires a 'BaseExceptionGroup' object but received a '${o.type.name}'`);
  return o;
}

export function isExceptionGroup(o: PyObject): o is PyExceptionGroup {
  return o instanceof PyExceptionGroup;
}

/** BaseExceptionGroup.__new__(cls, message, exceptions) */
function groupNew(cls: PyType, args: PyObject[]): PyExceptionGroup {
  if (args.length !== 2) raise(typeErrorType, `BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length} given)`);
  const [message, excs] = args as [PyObject, PyObject];
  if (!(message instanceof PyStr)) raise(typeErrorType, `BaseExceptionGroup.__new__() argument 1 must be str, not ${message.type.name}`);
  if (!isSequence(excs)) {
    raise(typeErrorType, 'second argument (exceptions) must be a sequence');
  }
  const items = toArray(excs);
  if (items.length === 0) raise(valueErrorType, 'second argument (exceptions) must be a non-empty sequence');
  let nested = false;
  items.forEach((e, i) => {
    if (!(e instanceof PyBaseException)) raise(valueErrorType, `Item ${i} of second argument (exceptions) is not an exception`);
    if (!e.type.isSubtype(exceptionType)) nested = true;
  });
  if (cls === baseExceptionGroupType) {
    if (!nested) cls = exceptionGroupType;
  } else if (cls === exceptionGroupType) {
    if (nested) raise(typeErrorType, 'Cannot nest BaseExceptions in an ExceptionGroup');
  } else if (nested && cls.isSubtype(exceptionType)) {
    raise(typeErrorType, `Cannot nest BaseExceptions in '${cls.name}'`);
  }
  const g = new PyExceptionGroup(cls, args.slice());
  g.dict = new PyDict();
  g.message = message;
  g.exceptions = items;
  return g;
}

/** _PyExc_CreateExceptionGroup */
export function createExceptionGroup(message: string, excs: PyObject[], asTuple = false): PyExceptionGroup {
  return groupNew(baseExceptionGroupType, [newStr(message), asTuple ? newTuple(excs) : new PyList(excs)]);
}

type Matcher = (e: PyObject) => boolean;

/** The matcher for split()/subgroup()'s condition: a type, a tuple of types, or a predicate. */
function matcherOf(cond: PyObject): Matcher {
  if (cond instanceof PyType && cond.isSubtype(baseExceptionType)) return (e) => e.type.isSubtype(cond);
  if (cond instanceof PyTuple && cond.items.every((t) => t instanceof PyType && t.isSubtype(baseExceptionType))) {
    return (e) => cond.items.some((t) => e.type.isSubtype(t as PyType));
  }
  if (cond.type.lookup('__call__') !== undefined) return (e) => isTrue(callObject(cond, [e], null));
  raise(typeErrorType, 'expected a function, exception type or tuple of exception types');
}

/** derive() the group from `excs`, then copy traceback, cause, context and notes (a new list). */
function deriveAndCopy(g: PyExceptionGroup, excs: PyObject[]): PyObject {
  const d = callObject(getAttr(g, 'derive'), [new PyList(excs)], null);
  if (!(d instanceof PyExceptionGroup)) raise(typeErrorType, 'derive must return an instance of BaseExceptionGroup');
  d.traceback = g.traceback;
  d.context = g.context;
  d.cause = g.cause;
  d.suppressContext = g.suppressContext;
  const notes = getAttrOpt(g, '__notes__');
  if (notes !== undefined) {
    if (isSequence(notes)) setAttr(d, '__notes__', new PyList(toArray(notes)));
    else setAttr(d, '__notes__', notes);
  }
  return d;
}

/** exceptiongroup_split_recursive: [match, rest], each a group or null. */
function splitRecursive(e: PyObject, match: Matcher, wantRest: boolean): [PyObject | null, PyObject | null] {
  if (match(e)) return [e, null];
  if (!(e instanceof PyExceptionGroup)) return [null, wantRest ? e : null];
  const matched: PyObject[] = [];
  const rest: PyObject[] = [];
  for (const sub of e.exceptions) {
    const [m, r] = splitRecursive(sub, match, wantRest);
    if (m !== null) matched.push(m);
    if (r !== null) rest.push(r);
  }
  return [matched.length > 0 ? deriveAndCopy(e, matched) : null, wantRest && rest.length > 0 ? deriveAndCopy(e, rest) : null];
}

/** Every non-group exception inside `e`. */
function collectLeaves(e: PyObject, into: Set<PyObject>): void {
  if (e instanceof PyExceptionGroup) for (const s of e.exceptions) collectLeaves(s, into);
  else into.add(e);
}

/** check_except_star_type_valid */
export function checkExceptStarType(t: PyObject): void {
  const types = t instanceof PyTuple ? t.items : [t];
  for (const x of types) {
    if (!(x instanceof PyType) || !x.isSubtype(baseExceptionType)) {
      raise(typeErrorType, 'catching classes that do not inherit from BaseException is not allowed');
    }
    if (x.isSubtype(baseExceptionGroupType)) {
      raise(typeErrorType, 'catching ExceptionGroup with except* is not allowed. Use except instead.');
    }
  }
}

/** exception_group_match: [match, rest] for CHECK_EG_MATCH (None where nothing). */
export function exceptionGroupMatch(exc: PyObject, t: PyObject): [PyObject, PyObject] {
  if (exc === None) return [None, None];
  const types = t instanceof PyTuple ? t.items : [t];
  if (types.some((x) => exc.type.isSubtype(x as PyType))) {
    if (exc instanceof PyExceptionGroup) return [exc, None];
    const wrapped = createExceptionGroup('', [exc], true); // a naked exception: wrapped in a 1-tuple
    wrapped.traceback = (exc as PyBaseException).traceback;
    return [wrapped, None];
  }
  if (exc instanceof PyExceptionGroup) {
    const pair = callObject(getAttr(exc, 'split'), [t], null) as PyTuple;
    return [pair.items[0]!, pair.items[1]!];
  }
  return [None, exc];
}

function sameMetadata(a: PyObject, b: PyObject): boolean {
  if (!(a instanceof PyBaseException) || !(b instanceof PyBaseException)) return false;
  const na = a.dict instanceof PyDict ? a.dict.getStr('__notes__') : undefined;
  const nb = b.dict instanceof PyDict ? b.dict.getStr('__notes__') : undefined;
  return na === nb && a.traceback === b.traceback && a.cause === b.cause && a.context === b.context;
}

/** _PyExc_PrepReraiseStar: what leaves an `except*` statement (None when nothing). */
export function prepReraiseStar(orig: PyObject, excs: PyList): PyObject {
  const items = excs.items;
  if (items.length === 0) return None;
  if (!(orig instanceof PyExceptionGroup)) return items[0]!;
  const raised: PyObject[] = [];
  const reraised: PyObject[] = [];
  for (const e of items) {
    if (e === None) continue;
    (sameMetadata(e, orig) ? reraised : raised).push(e);
  }
  const leaves = new Set<PyObject>();
  for (const e of reraised) collectLeaves(e, leaves);
  const reraisedGroup = leaves.size > 0 ? splitRecursive(orig, (e) => leaves.has(e), false)[0] : null;
  if (raised.length === 0) return reraisedGroup ?? None;
  const keep = raised.slice();
  if (reraisedGroup !== null) keep.push(reraisedGroup);
  if (keep.length === 1) return keep[0]!;
  return createExceptionGroup('', keep);
}

export function initExceptionGroups(): void {
  const t = baseExceptionGroupType;
  defMethod(t, '__new__', (a) => groupNew(a[0] as PyType, a.slice(1)));
  defMethod(t, '__init__', (a, kw) => {
    noKeywords(a[0]!, kw);
    (a[0] as PyBaseException).args = a.slice(1);
    return None;
  });
  defMethod(t, '__str__', (a) => {
    const g = group(a[0]!);
    const n = g.exceptions.length;
    return newStr(`${(g.message as PyStr).value} (${n} sub-exception${n > 1 ? 's' : ''})`);
  });
  defMethod(t, 'derive', (a) => groupNew(baseExceptionGroupType, [group(a[0]!).message, a[1]!]));
  defMethod(t, 'split', (a) => {
    const [m, r] = splitRecursive(group(a[0]!), matcherOf(a[1]!), true);
    return newTuple([m ?? None, r ?? None]);
  });
  defMethod(t, 'subgroup', (a) => splitRecursive(group(a[0]!), matcherOf(a[1]!), false)[0] ?? None);
  defGetSet(t, 'message', (o) => group(o).message);
  defGetSet(t, 'exceptions', (o) => newTuple(group(o).exceptions));
}
