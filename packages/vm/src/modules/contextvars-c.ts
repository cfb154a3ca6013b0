// The _contextvars module (what Lib/contextvars.py re-exports; decimal, asyncio and others use it):
// ContextVar, Token, Context and copy_context. A context maps variables to values and never changes
// in place: ContextVar.set gives the current context a new map, so a copy_context() snapshot keeps
// what it saw (CPython shares structure with a HAMT; a copied Map is enough for a handful of vars).
// CPython counterpart: Python/context.c.
import { raise, PyError } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { intFromNumber, pyBool } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { PyNativeIter } from '../objects/iterators.js';
import { defIteratorMethods } from '../objects/iterator-methods.js';
import { defClassGetItem } from '../objects/generic-alias.js';
import { keyErrorType, lookupErrorType, runtimeErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { objectId } from '../protocols/hash.js';
import { repr } from '../protocols/repr.js';

const contextType = builtinType('Context', undefined, 0);
const contextVarType = builtinType('ContextVar', undefined, 0);
const tokenType = builtinType('Token', undefined, 0);
const missingType = builtinType('Token.MISSING', undefined, 0);
for (const t of [contextType, contextVarType, tokenType]) {
  t.module = '_contextvars';
  t.tpName = `_contextvars.${t.name}`;
}
const keysType = builtinType('keys', undefined, 0);
const valuesType = builtinType('values', undefined, 0);
const itemsType = builtinType('items', undefined, 0);
for (const t of [keysType, valuesType, itemsType]) defIteratorMethods(t);

class PyContext extends PyObject {
  vars: Map<PyContextVar, PyObject> = new Map();
  /** the context that was current when run() entered this one; null when not entered */
  prev: PyContext | null = null;
  entered = false;
  constructor() {
    super(contextType);
  }
}

class PyContextVar extends PyObject {
  constructor(
    readonly name: PyStr,
    readonly dflt: PyObject | null,
  ) {
    super(contextVarType);
  }
}

class PyToken extends PyObject {
  used = false;
  constructor(
    readonly ctx: PyContext,
    readonly v: PyContextVar,
    readonly old: PyObject | null,
  ) {
    super(tokenType);
  }
}

const MISSING = new PyObject(missingType);
const addr = (o: PyObject) => `0x${objectId(o).toString(16).padStart(12, '0')}`;

/** The thread's current context, made on first use (PyContext_CopyCurrent's source). */
let current: PyContext | null = null;
function currentContext(): PyContext {
  return (current ??= new PyContext());
}

function copyOf(ctx: PyContext): PyContext {
  const c = new PyContext();
  c.vars = ctx.vars; // maps are never changed in place
  return c;
}

function contextEnter(ctx: PyContext): void {
  if (ctx.entered) raise(runtimeErrorType, `cannot enter context: ${repr(ctx)} is already entered`);
  ctx.prev = currentContext();
  ctx.entered = true;
  current = ctx;
}

function contextExit(ctx: PyContext): void {
  current = ctx.prev;
  ctx.prev = null;
  ctx.entered = false;
}

function varSet(v: PyContextVar, value: PyObject): void {
  const ctx = currentContext();
  const vars = new Map(ctx.vars);
  vars.set(v, value);
  ctx.vars = vars;
}

function varDelete(v: PyContextVar): void {
  const ctx = currentContext();
  const vars = new Map(ctx.vars);
  vars.delete(v);
  ctx.vars = vars;
}

function asVar(key: PyObject): PyContextVar {
  if (!(key instanceof PyContextVar)) raise(typeErrorType, `a ContextVar key was expected, got ${repr(key)}`);
  return key;
}

function noKeywords(name: string, kw: Kwargs | null): void {
  if (kw && kw.size > 0) raise(typeErrorType, `${name}() takes no keyword arguments`);
}

function initContext(): void {
  const t = contextType;
  defMethod(t, '__new__', (a, kw) => {
    if (a.length > 1 || (kw && kw.size > 0)) raise(typeErrorType, 'Context() does not accept any arguments');
    return new PyContext();
  });
  defMethod(t, '__getitem__', (a) => {
    const v = asVar(a[1]!);
    const value = (a[0] as PyContext).vars.get(v);
    if (value === undefined) throw new PyError(keyErrorOf(v));
    return value;
  });
  defMethod(t, '__contains__', (a) => pyBool((a[0] as PyContext).vars.has(asVar(a[1]!))));
  defMethod(t, '__len__', (a) => intFromNumber((a[0] as PyContext).vars.size));
  defMethod(t, '__iter__', (a) => iterOver(keysType, [...(a[0] as PyContext).vars.keys()]));
  defMethod(t, 'get', (a) => {
    const v = asVar(a[1]!);
    return (a[0] as PyContext).vars.get(v) ?? a[2] ?? None;
  });
  defMethod(t, 'keys', (a) => iterOver(keysType, [...(a[0] as PyContext).vars.keys()]));
  defMethod(t, 'values', (a) => iterOver(valuesType, [...(a[0] as PyContext).vars.values()]));
  defMethod(t, 'items', (a) => iterOver(itemsType, [...(a[0] as PyContext).vars].map(([k, v]) => newTuple([k, v]))));
  defMethod(t, 'copy', (a) => copyOf(a[0] as PyContext));
  defMethod(t, 'run', (a, kw) => {
    if (a.length < 2) raise(typeErrorType, 'run() missing 1 required positional argument');
    const ctx = a[0] as PyContext;
    contextEnter(ctx);
    try {
      return callObject(a[1]!, a.slice(2), kw);
    } finally {
      contextExit(ctx);
    }
  });
  // a Context compares by its mapping, as the HAMTs do
  defMethod(t, '__eq__', (a) => {
    const [x, y] = a as [PyContext, PyObject];
    if (!(y instanceof PyContext)) return pyBool(false);
    if (x.vars.size !== y.vars.size) return pyBool(false);
    for (const [k, v] of x.vars) if (y.vars.get(k) !== v) return pyBool(false);
    return pyBool(true);
  });
  t.setAttr('__hash__', None);
}

function keyErrorOf(v: PyContextVar): PyObject {
  return callObject(keyErrorType, [v], null);
}

function iterOver(type: PyType, items: PyObject[]): PyObject {
  let i = 0;
  return new PyNativeIter(type, () => (i < items.length ? items[i++]! : null));
}

function initContextVar(): void {
  const t = contextVarType;
  defMethod(t, '__new__', (a, kw) => {
    const name = a[1];
    if (a.length !== 2) raise(typeErrorType, a.length < 2 ? "ContextVar() missing required argument 'name' (pos 1)" : 'ContextVar() takes at most 1 positional argument');
    if (!(name instanceof PyStr)) raise(typeErrorType, 'context variable name must be a str');
    let dflt: PyObject | null = null;
    for (const [k, v] of kw ?? []) {
      if (k !== 'default') raise(typeErrorType, `'${k}' is an invalid keyword argument for ContextVar()`);
      dflt = v;
    }
    return new PyContextVar(name, dflt);
  });
  defMethod(t, 'get', (a, kw) => {
    noKeywords('get', kw);
    const v = a[0] as PyContextVar;
    const value = currentContext().vars.get(v);
    if (value !== undefined) return value;
    if (a[1] !== undefined) return a[1];
    if (v.dflt !== null) return v.dflt;
    throw new PyError(callObject(lookupErrorType, [v], null));
  });
  defMethod(t, 'set', (a, kw) => {
    noKeywords('set', kw);
    const v = a[0] as PyContextVar;
    const ctx = currentContext();
    const token = new PyToken(ctx, v, ctx.vars.get(v) ?? null);
    varSet(v, a[1]!);
    return token;
  });
  defMethod(t, 'reset', (a, kw) => {
    noKeywords('reset', kw);
    const v = a[0] as PyContextVar;
    const token = a[1];
    if (!(token instanceof PyToken)) raise(typeErrorType, `expected an instance of Token, got ${repr(token ?? None)}`);
    if (token.used) raise(runtimeErrorType, `${repr(token)} has already been used once`);
    if (token.v !== v) raise(valueErrorType, `${repr(token)} was created by a different ContextVar`);
    if (token.ctx !== currentContext()) raise(valueErrorType, `${repr(token)} was created in a different Context`);
    token.used = true;
    if (token.old === null) varDelete(v);
    else varSet(v, token.old);
    return None;
  });
  defMethod(t, '__repr__', (a) => {
    const v = a[0] as PyContextVar;
    return newStr(`<ContextVar name=${repr(v.name)}${v.dflt === null ? '' : ` default=${repr(v.dflt)}`} at ${addr(v)}>`);
  });
  defGetSet(t, 'name', (o) => (o as PyContextVar).name);
  defClassGetItem(t);
}

function initToken(): void {
  const t = tokenType;
  defMethod(t, '__new__', () => raise(runtimeErrorType, 'Tokens can only be created by ContextVars'));
  defMethod(t, '__repr__', (a) => {
    const tok = a[0] as PyToken;
    return newStr(`<Token${tok.used ? ' used' : ''} var=${repr(tok.v)} at ${addr(tok)}>`);
  });
  defGetSet(t, 'var', (o) => (o as PyToken).v);
  defGetSet(t, 'old_value', (o) => (o as PyToken).old ?? MISSING);
  t.setAttr('MISSING', MISSING);
  defClassGetItem(t);
  defMethod(missingType, '__repr__', () => newStr('<Token.MISSING>'));
}

let initialised = false;

export function makeContextvarsC(): PyModule {
  if (!initialised) {
    initContext();
    initContextVar();
    initToken();
    initialised = true;
  }
  const m = new PyModule('_contextvars');
  m.dict.setStr('Context', contextType);
  m.dict.setStr('ContextVar', contextVarType);
  m.dict.setStr('Token', tokenType);
  m.dict.setStr(
    'copy_context',
    builtinFunction('copy_context', (a) => {
      if (a.length > 0) raise(typeErrorType, `copy_context() takes no arguments (${a.length} given)`);
      return copyOf(currentContext());
    }),
  );
  return m;
}
