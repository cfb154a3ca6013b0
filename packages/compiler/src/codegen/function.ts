// Functions, lambdas and classes: compiler_function, compiler_lambda, compiler_class, their
// defaults, annotations and decorators, and compiler_make_closure.
import { identifierConstant, None, PyStr, PyTuple, type CodeObject } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { CELL, CO_FUTURE_ANNOTATIONS, mangle } from '../symtable/index.js';
import { callHelper } from './call.js';
import type { Compiler } from './compiler.js';
import { visitExpr, visitExprs } from './expr.js';
import { Op } from './jumps.js';
import { assembleUnit } from './make-code.js';
import { compilerBody, visitStmts } from './stmt.js';
import { ScopeType } from './unit.js';
import { exprAsUnicode as annotationString } from './unparse/index.js';

/** MAKE_FUNCTION's flag bits */
const MF_DEFAULTS = 0x01;
const MF_KWDEFAULTS = 0x02;
const MF_ANNOTATIONS = 0x04;
const MF_CLOSURE = 0x08;

/** _PyAST_GetDocString: the first statement, if it is a string constant */
export function getDocString(body: readonly N.stmt[]): PyStr | null {
  const first = body[0];
  if (!first || first._kind !== NodeKind.Expr || first.value._kind !== NodeKind.Constant) return null;
  const v = first.value.value;
  return v instanceof PyStr ? v : null;
}

/** compiler_check_debug_args */
function checkDebugArgs(c: Compiler, args: N.arguments): void {
  // in CPython's order (no array of them all: this runs for every function)
  checkDebugArgList(c, args.posonlyargs);
  checkDebugArgList(c, args.args);
  if (args.vararg) checkDebugArg(c, args.vararg);
  checkDebugArgList(c, args.kwonlyargs);
  if (args.kwarg) checkDebugArg(c, args.kwarg);
}

function checkDebugArgList(c: Compiler, list: readonly N.arg[]): void {
  for (let i = 0; i < list.length; i++) checkDebugArg(c, list[i]!);
}

/** 3.11 reports the error at the def or lambda being compiled (its current location), not at the argument as 3.12 does. */
function checkDebugArg(c: Compiler, a: N.arg): void {
  if (a.arg === '__debug__') c.checkForbiddenName(a.arg, 'Store');
}

/** compiler_default_arguments: push defaults / kw-defaults, return MAKE_FUNCTION flags */
function defaultArguments(c: Compiler, args: N.arguments): number {
  let flags = 0;
  if (args.defaults.length > 0) {
    visitExprs(c, args.defaults);
    c.addopI(Op.BUILD_TUPLE, args.defaults.length);
    flags |= MF_DEFAULTS;
  }
  const keys: PyStr[] = [];
  for (let i = 0; i < args.kwonlyargs.length; i++) {
    const d = args.kw_defaults[i];
    if (d) {
      keys.push(paramNameConstant(c, args.kwonlyargs[i]!.arg));
      visitExpr(c, d);
    }
  }
  if (keys.length) {
    c.loadConst(new PyTuple(keys));
    c.addopI(Op.BUILD_CONST_KEY_MAP, keys.length);
    flags |= MF_KWDEFAULTS;
  }
  return flags;
}

/**
 * A parameter's name as a constant: the parser's identifier object itself, which CPython's
 * constant cache then gives any equal literal; a mangled name (_Py_Mangle) is a new string instead.
 */
function paramNameConstant(c: Compiler, id: string): PyStr {
  const name = mangle(c.u.privateName, id);
  return name === id ? identifierConstant(new PyStr(name)) : new PyStr(name);
}

/** compiler_visit_argannotation: name, then value; returns how many items were pushed */
function argAnnotation(c: Compiler, id: string, annotation: N.expr | null): number {
  if (!annotation) return 0;
  c.loadConst(paramNameConstant(c, id));
  if (c.future.features & CO_FUTURE_ANNOTATIONS) {
    c.loadConst(new PyStr(annotationString(annotation)));
  } else if (annotation._kind === NodeKind.Starred) {
    // *args: *Ts  →  [annotation] = [*Ts]
    visitExpr(c, annotation.value);
    c.addopI(Op.UNPACK_SEQUENCE, 1);
  } else {
    visitExpr(c, annotation);
  }
  return 2;
}

/** compiler_visit_annotations: true if an annotations tuple was pushed */
function annotations(c: Compiler, args: N.arguments, returns: N.expr | null): boolean {
  let n = 0;
  for (const a of args.args) n += argAnnotation(c, a.arg, a.annotation);
  for (const a of args.posonlyargs) n += argAnnotation(c, a.arg, a.annotation);
  if (args.vararg && args.vararg.annotation) n += argAnnotation(c, args.vararg.arg, args.vararg.annotation);
  for (const a of args.kwonlyargs) n += argAnnotation(c, a.arg, a.annotation);
  if (args.kwarg && args.kwarg.annotation) n += argAnnotation(c, args.kwarg.arg, args.kwarg.annotation);
  n += argAnnotation(c, 'return', returns);
  if (n) {
    c.addopI(Op.BUILD_TUPLE, n);
    return true;
  }
  return false;
}

/** compiler_make_closure: LOAD_CLOSURE the free variables, then MAKE_FUNCTION */
export function makeClosure(c: Compiler, co: CodeObject, flags: number): void {
  const free = co.coFreevars;
  if (free.length) {
    for (const name of free) {
      const reftype = c.refType(name);
      const arg = reftype === CELL ? c.u.cellvars.get(name) : c.u.freevars.get(name);
      if (arg === undefined) throw new Error(`compiler_make_closure: lookup ${name} in ${c.u.name} failed`);
      c.addopI(Op.LOAD_CLOSURE, arg);
    }
    flags |= MF_CLOSURE;
    c.addopI(Op.BUILD_TUPLE, free.length);
  }
  c.loadConst(co);
  c.addopI(Op.MAKE_FUNCTION, flags);
}

/** compiler_decorators */
function decorators(c: Compiler, decos: readonly N.expr[]): void {
  visitExprs(c, decos);
}

/** compiler_apply_decorators: innermost first, each call at its decorator's location */
function applyDecorators(c: Compiler, decos: readonly N.expr[]): void {
  const saved = c.saveLoc();
  for (let i = decos.length - 1; i >= 0; i--) {
    c.setLoc(decos[i]!);
    c.addopI(Op.PRECALL, 0);
    c.addopI(Op.CALL, 0);
  }
  c.restoreLoc(saved);
}

/** compiler_function */
export function compileFunction(c: Compiler, s: N.FunctionDef | N.AsyncFunctionDef): void {
  const isAsync = s._kind === NodeKind.AsyncFunctionDef;
  const args = s.args;
  checkDebugArgs(c, args);
  decorators(c, s.decorator_list);
  const firstlineno = s.decorator_list.length ? s.decorator_list[0]!.lineno : s.lineno;
  let funcflags = defaultArguments(c, args);
  if (annotations(c, args, s.returns)) funcflags |= MF_ANNOTATIONS;
  c.enterScope(s.name, isAsync ? ScopeType.AsyncFunction : ScopeType.Function, s, firstlineno);
  const docstring = c.optimize < 2 ? getDocString(s.body) : null;
  c.u.addConst(docstring ?? None);
  c.u.argcount = args.args.length;
  c.u.posonlyargcount = args.posonlyargs.length;
  c.u.kwonlyargcount = args.kwonlyargs.length;
  visitStmts(c, docstring ? s.body.slice(1) : s.body);
  const co = assembleUnit(c, true);
  c.exitScope();
  makeClosure(c, co, funcflags);
  applyDecorators(c, s.decorator_list);
  c.nameop(s.name, 'Store');
}

/** compiler_lambda */
export function compileLambda(c: Compiler, e: N.Lambda): void {
  const args = e.args;
  checkDebugArgs(c, args);
  const funcflags = defaultArguments(c, args);
  c.enterScope('<lambda>', ScopeType.Lambda, e, e.lineno);
  // None first, so the lambda can't have a docstring
  c.u.addConst(None);
  c.u.argcount = args.args.length;
  c.u.posonlyargcount = args.posonlyargs.length;
  c.u.kwonlyargcount = args.kwonlyargs.length;
  visitExpr(c, e.body);
  let co: CodeObject;
  if (c.u.ste.isGenerator) {
    co = assembleUnit(c, false);
  } else {
    c.addop(Op.RETURN_VALUE);
    co = assembleUnit(c, true);
  }
  c.exitScope();
  makeClosure(c, co, funcflags);
}

/** compiler_class: <name> = __build_class__(<func>, <name>, *<bases>, **<keywords>) */
export function compileClass(c: Compiler, s: N.ClassDef): void {
  decorators(c, s.decorator_list);
  const firstlineno = s.decorator_list.length ? s.decorator_list[0]!.lineno : s.lineno;
  c.enterScope(s.name, ScopeType.Class, s, firstlineno);
  c.u.privateName = s.name;
  c.nameop('__name__', 'Load');
  c.nameop('__module__', 'Store');
  c.loadConst(new PyStr(c.u.qualname));
  c.nameop('__qualname__', 'Store');
  compilerBody(c, s.body);
  // the rest is artificial
  c.u.unsetLoc();
  if (c.u.ste.needsClassClosure) {
    // store __classcell__ into the namespace and return it
    c.addopI(Op.LOAD_CLOSURE, c.u.cellvars.get('__class__')!);
    c.addopI(Op.COPY, 1);
    c.nameop('__classcell__', 'Store');
  } else {
    c.loadConst(None);
  }
  c.addop(Op.RETURN_VALUE);
  const co = assembleUnit(c, true);
  c.exitScope();
  c.addop(Op.PUSH_NULL);
  c.addop(Op.LOAD_BUILD_CLASS);
  makeClosure(c, co, 0);
  c.loadConst(new PyStr(s.name));
  callHelper(c, 2, s.bases, s.keywords);
  applyDecorators(c, s.decorator_list);
  c.nameop(s.name, 'Store');
}

