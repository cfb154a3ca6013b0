// Conditions: compiler_jump_if (branching on an expression without materialising a bool),
// compiler_boolop, compiler_compare, compiler_ifexp, and the "is" with a literal warning.
import { Kind } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import type { Compiler } from './compiler.js';
import { visitExpr } from './expr.js';
import type { BasicBlock } from './ir.js';
import { JUMP, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, Op, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE } from './jumps.js';
import { COMPARE } from './ops.js';

function addCompare(c: Compiler, op: N.cmpop): void {
  const [opcode, arg] = COMPARE[op._type]!;
  c.addopI(opcode, arg);
}

/** check_is_arg: only None, True, False and ... may be compared with `is` */
function isArgOk(e: N.expr): boolean {
  if (e._kind !== NodeKind.Constant) return true;
  const k = e.value.kind;
  return k === Kind.None || k === Kind.Bool || k === Kind.Ellipsis;
}

/** check_compare */
function checkCompare(c: Compiler, e: N.Compare): void {
  let left = isArgOk(e.left);
  for (let i = 0; i < e.ops.length; i++) {
    const op = e.ops[i]!._type;
    const right = isArgOk(e.comparators[i]!);
    if ((op === 'Is' || op === 'IsNot') && (!right || !left)) {
      c.warn(op === 'Is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?');
      return;
    }
    left = right;
  }
}

/**
 * the links of a chained comparison but the last: each keeps its right operand for the next and
 * leaves through `cleanup` (by `exitJump`) when false
 */
function compareChainLinks(c: Compiler, e: N.Compare, cleanup: BasicBlock, exitJump: number): void {
  for (let i = 0; i < e.ops.length - 1; i++) {
    visitExpr(c, e.comparators[i]!);
    c.addopI(Op.SWAP, 2);
    c.addopI(Op.COPY, 2);
    addCompare(c, e.ops[i]!);
    c.addopJ(exitJump, cleanup);
    c.nextBlock();
  }
}

/** compiler_compare */
export function compileCompare(c: Compiler, e: N.Compare): void {
  checkCompare(c, e);
  visitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    visitExpr(c, e.comparators[0]!);
    addCompare(c, e.ops[0]!);
    return;
  }
  const cleanup = c.newBlock();
  compareChainLinks(c, e, cleanup, JUMP_IF_FALSE_OR_POP);
  visitExpr(c, e.comparators[n]!);
  addCompare(c, e.ops[n]!);
  const end = c.newBlock();
  c.addopJNoLine(JUMP, end);
  c.useNextBlock(cleanup);
  c.addopI(Op.SWAP, 2);
  c.addop(Op.POP_TOP);
  c.useNextBlock(end);
}

/** compiler_boolop: `a and b` / `a or b` keep the deciding operand on the stack */
export function compileBoolOp(c: Compiler, e: N.BoolOp): void {
  const jumpi = e.op._kind === NodeKind.And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
  const end = c.newBlock();
  const n = e.values.length - 1;
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.values[i]!);
    c.addopJ(jumpi, end);
    c.useNextBlock(c.newBlock());
  }
  visitExpr(c, e.values[n]!);
  c.useNextBlock(end);
}

/** compiler_ifexp */
export function compileIfExp(c: Compiler, e: N.IfExp): void {
  const end = c.newBlock();
  const next = c.newBlock();
  jumpIf(c, e.test, next, false);
  visitExpr(c, e.body);
  c.addopJNoLine(JUMP, end);
  c.useNextBlock(next);
  visitExpr(c, e.orelse);
  c.useNextBlock(end);
}

/** compiler_jump_if: jump to `next` when the truth of `e` equals `cond` */
export function jumpIf(c: Compiler, e: N.expr, next: BasicBlock, cond: boolean): void {
  switch (e._kind) {
    case NodeKind.UnaryOp:
      if (e.op._kind === NodeKind.Not) return jumpIf(c, e.operand, next, !cond);
      break;
    case NodeKind.BoolOp: {
      const s = e.values;
      const n = s.length - 1;
      const cond2 = e.op._kind === NodeKind.Or;
      let next2 = next;
      if (cond2 !== cond) next2 = c.newBlock();
      for (let i = 0; i < n; i++) jumpIf(c, s[i]!, next2, cond2);
      jumpIf(c, s[n]!, next, cond);
      if (next2 !== next) c.useNextBlock(next2);
      return;
    }
    case NodeKind.IfExp: {
      const end = c.newBlock();
      const next2 = c.newBlock();
      jumpIf(c, e.test, next2, false);
      jumpIf(c, e.body, next, cond);
      c.addopJNoLine(JUMP, end);
      c.useNextBlock(next2);
      jumpIf(c, e.orelse, next, cond);
      c.useNextBlock(end);
      return;
    }
    case NodeKind.Compare: {
      // a comparison's jump carries the comparison's location (and it stays current)
      c.setLoc(e);
      const n = e.ops.length - 1;
      if (n > 0) {
        checkCompare(c, e);
        const cleanup = c.newBlock();
        visitExpr(c, e.left);
        compareChainLinks(c, e, cleanup, POP_JUMP_IF_FALSE);
        visitExpr(c, e.comparators[n]!);
        addCompare(c, e.ops[n]!);
        c.addopJ(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
        c.nextBlock();
        const end = c.newBlock();
        c.addopJNoLine(JUMP, end);
        c.useNextBlock(cleanup);
        c.addop(Op.POP_TOP);
        if (!cond) c.addopJNoLine(JUMP, next);
        c.useNextBlock(end);
        return;
      }
      break;
    }
  }
  visitExpr(c, e);
  c.addopJ(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
  c.nextBlock();
}
