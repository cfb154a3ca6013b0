// Statements: compiler_visit_stmt's dispatch and the simple statements (compiler_body,
// expression statements, return, raise, assert, if, pass, global/nonlocal).
import { Kind, None } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { BlockType } from '../symtable/index.js';
import { compileAnnAssign, compileAssign, compileAugAssign } from './assign.js';
import type { Compiler } from './compiler.js';
import { visitExpr, visitExprs } from './expr.js';
import { unwindFBlockStack } from './fblock.js';
import { compileClass, compileFunction, getDocString } from './function.js';
import { compileFromImport, compileImport } from './import.js';
import { jumpIf } from './jump-if.js';
import { JUMP, Op } from './jumps.js';
import { compileAsyncFor, compileBreak, compileContinue, compileFor, compileWhile } from './loops.js';
import { compileMatch } from './pattern/index.js';
import { compileTry, compileTryStar } from './try.js';
import { compileAsyncWith, compileWith } from './with.js';

export function visitStmts(c: Compiler, body: readonly N.stmt[]): void {
  for (const s of body) visitStmt(c, s);
}

/** compiler_visit_stmt: each statement's location stays current until the next one */
export function visitStmt(c: Compiler, s: N.stmt): void {
  c.setLoc(s);
  switch (s._kind) {
    // the most frequent kinds first: a switch on strings tests the cases in order
    case NodeKind.Expr:
      return compileStmtExpr(c, s.value);
    case NodeKind.Assign:
      return compileAssign(c, s);
    case NodeKind.FunctionDef:
    case NodeKind.AsyncFunctionDef:
      return compileFunction(c, s);
    case NodeKind.ClassDef:
      return compileClass(c, s);
    case NodeKind.Return:
      return compileReturn(c, s);
    case NodeKind.AugAssign:
      return compileAugAssign(c, s);
    case NodeKind.For:
      return compileFor(c, s);
    case NodeKind.While:
      return compileWhile(c, s);
    case NodeKind.If:
      return compileIf(c, s);
    case NodeKind.Raise: {
      let n = 0;
      if (s.exc) {
        visitExpr(c, s.exc);
        n++;
        if (s.cause) {
          visitExpr(c, s.cause);
          n++;
        }
      }
      c.addopI(Op.RAISE_VARARGS, n);
      c.nextBlock();
      return;
    }
    case NodeKind.Try:
      return compileTry(c, s);
    case NodeKind.Import:
      return compileImport(c, s);
    case NodeKind.ImportFrom:
      return compileFromImport(c, s);
    case NodeKind.Pass:
      c.addop(Op.NOP);
      return;
    case NodeKind.Break:
      return compileBreak(c);
    case NodeKind.Continue:
      return compileContinue(c);
    case NodeKind.With:
      return compileWith(c, s, 0);
    default:
      return visitStmtOther(c, s);
  }
}

/**
 * The less frequent statement kinds, out of visitStmt: each kind's first appearance found no
 * feedback in visitStmt's optimised code and sent it back to be compiled again, with all it inlines.
 */
function visitStmtOther(c: Compiler, s: N.stmt): void {
  switch (s._kind) {
    case NodeKind.Delete:
      return visitExprs(c, s.targets);
    case NodeKind.AnnAssign:
      return compileAnnAssign(c, s);
    case NodeKind.Match:
      return compileMatch(c, s);
    case NodeKind.TryStar:
      return compileTryStar(c, s);
    case NodeKind.Assert:
      return compileAssert(c, s);
    case NodeKind.Global:
    case NodeKind.Nonlocal:
      return;
    case NodeKind.AsyncWith:
      return compileAsyncWith(c, s, 0);
    case NodeKind.AsyncFor:
      return compileAsyncFor(c, s);
  }
}

/** find_ann: does the body (not nested scopes) contain an annotated assignment? */
export function findAnn(stmts: readonly N.stmt[]): boolean {
  for (const st of stmts) {
    switch (st._kind) {
      case NodeKind.AnnAssign:
        return true;
      case NodeKind.For:
      case NodeKind.AsyncFor:
      case NodeKind.While:
      case NodeKind.If:
        if (findAnn(st.body) || findAnn(st.orelse)) return true;
        break;
      case NodeKind.With:
      case NodeKind.AsyncWith:
        if (findAnn(st.body)) return true;
        break;
      case NodeKind.Try:
      case NodeKind.TryStar:
        for (const h of st.handlers) if (findAnn(h.body)) return true;
        if (findAnn(st.body) || findAnn(st.finalbody) || findAnn(st.orelse)) return true;
        break;
    }
  }
  return false;
}

/** compiler_body: module and class bodies (SETUP_ANNOTATIONS, the docstring as __doc__) */
export function compilerBody(c: Compiler, stmts: readonly N.stmt[]): void {
  // the module's first instructions take the first statement's line
  if (c.u.ste.type === BlockType.ModuleBlock && stmts.length) c.setLoc(stmts[0]!);
  if (findAnn(stmts)) c.addop(Op.SETUP_ANNOTATIONS);
  if (!stmts.length) return;
  let i = 0;
  if (c.optimize < 2) {
    const doc = getDocString(stmts);
    if (doc) {
      i = 1;
      visitExpr(c, (stmts[0] as N.Expr).value);
      c.u.unsetLoc();
      c.nameop('__doc__', 'Store');
    }
  }
  for (; i < stmts.length; i++) visitStmt(c, stmts[i]!);
}

/** compiler_visit_stmt_expr */
function compileStmtExpr(c: Compiler, value: N.expr): void {
  if (c.interactive && c.nestlevel <= 1) {
    visitExpr(c, value);
    c.addop(Op.PRINT_EXPR);
    return;
  }
  if (value._kind === NodeKind.Constant) {
    // a constant statement does nothing, but keeps its line
    c.addop(Op.NOP);
    return;
  }
  visitExpr(c, value);
  c.u.unsetLoc(); // the POP_TOP is artificial
  c.addop(Op.POP_TOP);
}

/** compiler_return */
function compileReturn(c: Compiler, s: N.Return): void {
  const value = s.value;
  const preserveTos = value !== null && value._kind !== NodeKind.Constant;
  if (c.u.ste.type !== BlockType.FunctionBlock) throw c.error("'return' outside function");
  if (value !== null && c.u.ste.isCoroutine && c.u.ste.isGenerator) throw c.error("'return' with value in async generator");
  if (preserveTos) {
    visitExpr(c, value!);
  } else if (value !== null) {
    // an instruction with the return value's line
    c.setLoc(value);
    c.addop(Op.NOP);
  }
  if (value === null || value.lineno !== s.lineno) {
    c.setLoc(s);
    c.addop(Op.NOP);
  }
  unwindFBlockStack(c, preserveTos, false);
  if (value === null) c.loadConst(None);
  else if (!preserveTos) c.loadConst((value as N.Constant).value);
  // no new block here: the unit's last block then ends in RETURN_VALUE and gets no implicit return
  c.addop(Op.RETURN_VALUE);
}

/** compiler_if */
function compileIf(c: Compiler, s: N.If): void {
  const end = c.newBlock();
  const next = s.orelse.length ? c.newBlock() : end;
  jumpIf(c, s.test, next, false);
  visitStmts(c, s.body);
  if (s.orelse.length) {
    c.addopJNoLine(JUMP, end);
    c.useNextBlock(next);
    visitStmts(c, s.orelse);
  }
  c.useNextBlock(end);
}

/** compiler_assert */
function compileAssert(c: Compiler, s: N.Assert): void {
  const t = s.test;
  if ((t._kind === NodeKind.Tuple && t.elts.length > 0) || (t._kind === NodeKind.Constant && t.value.kind === Kind.Tuple && t.value.items.length > 0)) {
    c.warn('assertion is always true, perhaps remove parentheses?');
  }
  if (c.optimize) return;
  const end = c.newBlock();
  jumpIf(c, t, end, true);
  c.addop(Op.LOAD_ASSERTION_ERROR);
  if (s.msg) {
    visitExpr(c, s.msg);
    c.addopI(Op.PRECALL, 0);
    c.addopI(Op.CALL, 0);
  }
  c.addopI(Op.RAISE_VARARGS, 1);
  c.useNextBlock(end);
}

