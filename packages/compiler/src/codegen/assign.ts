// Assignments: plain (compiler_visit_stmt's Assign), augmented (compiler_augassign) and annotated
// (compiler_annassign with its check_ann_* evaluations).
import { PyStr } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { CO_FUTURE_ANNOTATIONS, mangle } from '../symtable/index.js';
import { exprAsUnicode as annotationString } from './unparse/index.js';
import type { Compiler } from './compiler.js';
import { updateStartLocationToMatchAttr, visitExpr } from './expr.js';
import { Op } from './jumps.js';
import { NB, NB_INPLACE } from './ops.js';
import { ScopeType } from './unit.js';

export function compileAssign(c: Compiler, s: N.Assign): void {
  const n = s.targets.length;
  visitExpr(c, s.value);
  for (let i = 0; i < n; i++) {
    if (i < n - 1) c.addopI(Op.COPY, 1);
    visitExpr(c, s.targets[i]!);
  }
}

/** compiler_augassign: load the target once, operate in place, store back */
export function compileAugAssign(c: Compiler, s: N.AugAssign): void {
  const e = s.target;
  const saved = c.saveLoc();
  c.setLoc(e);
  switch (e._kind) {
    case NodeKind.Attribute:
      visitExpr(c, e.value);
      c.addopI(Op.COPY, 1);
      updateStartLocationToMatchAttr(c, e);
      c.addopName(Op.LOAD_ATTR, c.u.names, e.attr);
      break;
    case NodeKind.Subscript:
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      c.addopI(Op.COPY, 2);
      c.addopI(Op.COPY, 2);
      c.addop(Op.BINARY_SUBSCR);
      break;
    case NodeKind.Name:
      c.nameop(e.id, 'Load');
      break;
    default:
      throw new Error(`invalid node type (${e._type}) for augmented assignment`);
  }
  c.restoreLoc(saved);
  visitExpr(c, s.value);
  c.addopI(Op.BINARY_OP, NB[s.op._type]! + NB_INPLACE);
  c.setLoc(e);
  switch (e._kind) {
    case NodeKind.Attribute:
      updateStartLocationToMatchAttr(c, e);
      c.addopI(Op.SWAP, 2);
      c.addopName(Op.STORE_ATTR, c.u.names, e.attr);
      return;
    case NodeKind.Subscript:
      c.addopI(Op.SWAP, 3);
      c.addopI(Op.SWAP, 2);
      c.addop(Op.STORE_SUBSCR);
      return;
    case NodeKind.Name:
      c.nameop(e.id, 'Store');
      return;
  }
}

/** check_ann_expr: evaluate and discard */
function checkAnnExpr(c: Compiler, e: N.expr): void {
  visitExpr(c, e);
  c.addop(Op.POP_TOP);
}

/** check_ann_subscr */
function checkAnnSubscr(c: Compiler, sl: N.expr): void {
  switch (sl._kind) {
    case NodeKind.Slice:
      if (sl.lower) checkAnnExpr(c, sl.lower);
      if (sl.upper) checkAnnExpr(c, sl.upper);
      if (sl.step) checkAnnExpr(c, sl.step);
      return;
    case NodeKind.Tuple:
      for (const e of sl.elts) checkAnnSubscr(c, e);
      return;
    default:
      checkAnnExpr(c, sl);
  }
}

function atModuleOrClass(c: Compiler): boolean {
  return c.u.scopeType === ScopeType.Module || c.u.scopeType === ScopeType.Class;
}

/** compiler_annassign */
export function compileAnnAssign(c: Compiler, s: N.AnnAssign): void {
  const targ = s.target;
  if (s.value) {
    visitExpr(c, s.value);
    visitExpr(c, targ);
  }
  switch (targ._kind) {
    case NodeKind.Name:
      c.checkForbiddenName(targ.id, 'Store');
      // a simple name in a module or class: store the annotation in __annotations__
      if (s.simple && atModuleOrClass(c)) {
        if (c.future.features & CO_FUTURE_ANNOTATIONS) c.loadConst(new PyStr(annotationString(s.annotation)));
        else visitExpr(c, s.annotation);
        c.addopName(Op.LOAD_NAME, c.u.names, '__annotations__');
        c.loadConst(new PyStr(mangle(c.u.privateName, targ.id)));
        c.addop(Op.STORE_SUBSCR);
      }
      break;
    case NodeKind.Attribute:
      c.checkForbiddenName(targ.attr, 'Store');
      if (!s.value) checkAnnExpr(c, targ.value);
      break;
    case NodeKind.Subscript:
      if (!s.value) {
        checkAnnExpr(c, targ.value);
        checkAnnSubscr(c, targ.slice);
      }
      break;
    default:
      throw new Error(`invalid node type (${targ._type}) for annotated assignment`);
  }
  // the annotation of a complex target is evaluated last (not under the annotations future)
  if (!s.simple && !(c.future.features & CO_FUTURE_ANNOTATIONS) && atModuleOrClass(c)) checkAnnExpr(c, s.annotation);
}
