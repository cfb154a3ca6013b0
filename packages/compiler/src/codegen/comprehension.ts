// Comprehensions and generator expressions: compiler_comprehension and the sync / async
// comprehension generators. Each is its own code object, called with the outermost iterator.
import { None } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import type { Compiler } from './compiler.js';
import { addopYield, addYieldFrom, visitExpr } from './expr.js';
import { makeClosure } from './function.js';
import type { BasicBlock } from './ir.js';
import { jumpIf } from './jump-if.js';
import { JUMP, Op, POP_BLOCK, SETUP_FINALLY } from './jumps.js';
import { assembleUnit } from './make-code.js';
import { FBlockType, ScopeType } from './unit.js';

export enum ComprehensionKind {
  GenExp,
  ListComp,
  SetComp,
  DictComp,
}

/** what every generator of one comprehension needs */
interface Comprehension {
  generators: readonly N.comprehension[];
  elt: N.expr;
  /** a dict comprehension's value */
  val: N.expr | null;
  kind: ComprehensionKind;
}

export function compileComprehension(
  c: Compiler,
  e: N.expr,
  kind: ComprehensionKind,
  name: string,
  generators: readonly N.comprehension[],
  elt: N.expr,
  val: N.expr | null,
): void {
  const outerScope = c.u.scopeType;
  const outermost = generators[0]!;
  c.enterScope(name, ScopeType.Comprehension, e, e.lineno);
  c.setLoc(e);
  const isAsyncGenerator = c.u.ste.isCoroutine;
  if (
    isAsyncGenerator &&
    kind !== ComprehensionKind.GenExp &&
    outerScope !== ScopeType.AsyncFunction &&
    outerScope !== ScopeType.Comprehension
  ) {
    throw c.error('asynchronous comprehension outside of an asynchronous function');
  }
  if (kind !== ComprehensionKind.GenExp) {
    c.addopI(kind === ComprehensionKind.ListComp ? Op.BUILD_LIST : kind === ComprehensionKind.SetComp ? Op.BUILD_SET : Op.BUILD_MAP, 0);
  }
  comprehensionGenerator(c, { generators, elt, val, kind }, 0, 0);
  if (kind !== ComprehensionKind.GenExp) c.addop(Op.RETURN_VALUE);
  const co = assembleUnit(c, true);
  c.exitScope();
  makeClosure(c, co, 0);
  visitExpr(c, outermost.iter);
  c.addop(outermost.is_async ? Op.GET_AITER : Op.GET_ITER);
  c.addopI(Op.PRECALL, 0);
  c.addopI(Op.CALL, 0);
  if (isAsyncGenerator && kind !== ComprehensionKind.GenExp) {
    c.addopI(Op.GET_AWAITABLE, 0);
    c.loadConst(None);
    addYieldFrom(c, true);
  }
}

function comprehensionGenerator(c: Compiler, comp: Comprehension, genIndex: number, depth: number): void {
  if (comp.generators[genIndex]!.is_async) asyncComprehensionGenerator(c, comp, genIndex, depth);
  else syncComprehensionGenerator(c, comp, genIndex, depth);
}

/** after a generator's target: its conditions, then the next generator or the element */
function comprehensionRest(c: Compiler, comp: Comprehension, gen: N.comprehension, genIndex: number, depth: number, ifCleanup: BasicBlock): void {
  for (const cond of gen.ifs) {
    jumpIf(c, cond, ifCleanup, false);
    c.nextBlock();
  }
  if (genIndex + 1 < comp.generators.length) comprehensionGenerator(c, comp, genIndex + 1, depth);
  else comprehensionElement(c, comp, depth);
}

/** the innermost part: yield or append the element */
function comprehensionElement(c: Compiler, { elt, val, kind }: Comprehension, depth: number): void {
  switch (kind) {
    case ComprehensionKind.GenExp:
      visitExpr(c, elt);
      addopYield(c);
      c.addop(Op.POP_TOP);
      return;
    case ComprehensionKind.ListComp:
      visitExpr(c, elt);
      c.addopI(Op.LIST_APPEND, depth + 1);
      return;
    case ComprehensionKind.SetComp:
      visitExpr(c, elt);
      c.addopI(Op.SET_ADD, depth + 1);
      return;
    case ComprehensionKind.DictComp:
      visitExpr(c, elt);
      visitExpr(c, val!);
      c.addopI(Op.MAP_ADD, depth + 1);
      return;
  }
}

function syncComprehensionGenerator(c: Compiler, comp: Comprehension, genIndex: number, depth: number): void {
  const generators = comp.generators;
  let start: BasicBlock | null = c.newBlock();
  const ifCleanup = c.newBlock();
  const anchor = c.newBlock();
  const gen = generators[genIndex]!;
  if (genIndex === 0) {
    // the outermost iterator arrives as the implicit argument .0
    c.u.argcount = 1;
    c.addopI(Op.LOAD_FAST, 0);
  } else {
    // `for y in [f(x)]`: iterate over a one-element display without building it
    const elts = gen.iter._kind === NodeKind.List || gen.iter._kind === NodeKind.Tuple ? gen.iter.elts : null;
    if (elts && elts.length === 1 && elts[0]!._kind !== NodeKind.Starred) {
      visitExpr(c, elts[0]!);
      start = null;
    }
    if (start) {
      visitExpr(c, gen.iter);
      c.addop(Op.GET_ITER);
    }
  }
  if (start) {
    depth++;
    c.useNextBlock(start);
    c.addopJ(Op.FOR_ITER, anchor);
    c.nextBlock();
  }
  visitExpr(c, gen.target);
  comprehensionRest(c, comp, gen, genIndex, depth, ifCleanup);
  c.useNextBlock(ifCleanup);
  if (start) {
    c.addopJ(JUMP, start);
    c.useNextBlock(anchor);
  }
}

function asyncComprehensionGenerator(c: Compiler, comp: Comprehension, genIndex: number, depth: number): void {
  const generators = comp.generators;
  const start = c.newBlock();
  const except = c.newBlock();
  const ifCleanup = c.newBlock();
  const gen = generators[genIndex]!;
  if (genIndex === 0) {
    c.u.argcount = 1;
    c.addopI(Op.LOAD_FAST, 0);
  } else {
    visitExpr(c, gen.iter);
    c.addop(Op.GET_AITER);
  }
  c.useNextBlock(start);
  c.pushFBlock(FBlockType.AsyncComprehensionGenerator, start, null);
  c.addopJ(SETUP_FINALLY, except);
  c.addop(Op.GET_ANEXT);
  c.loadConst(None);
  addYieldFrom(c, true);
  c.addop(POP_BLOCK);
  visitExpr(c, gen.target);
  comprehensionRest(c, comp, gen, genIndex, depth + 1, ifCleanup);
  c.useNextBlock(ifCleanup);
  c.addopJ(JUMP, start);
  c.popFBlock();
  c.useNextBlock(except);
  c.addop(Op.END_ASYNC_FOR);
}
