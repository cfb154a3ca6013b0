// compiler_pattern: one pattern, matched against the subject on top of the stack (which it
// consumes), its captures left on the stack under pc.onTop items and named in pc.stores.
// The simple kinds live here; sequences, mappings, classes and alternatives have their own files.
import type * as N from '../../ast/index.js';
import { NodeKind } from '../../ast/index.js';
import type { Compiler } from '../compiler.js';
import { Op, POP_JUMP_IF_FALSE } from '../ir.js';
import { COMPARE } from '../ops.js';
import { compilePatternClass } from './class.js';
import { jumpToFailPop, patternHelperStoreName, reprValue, type PatternContext } from './context.js';
import { visitExpr } from '../expr.js';
import { compilePatternMapping } from './mapping.js';
import { compilePatternOr } from './or.js';
import { compilePatternSequence } from './sequence.js';

/** WILDCARD_CHECK: `_` */
export function isWildcard(p: N.pattern): boolean {
  return p._kind === NodeKind.MatchAs && p.name === null;
}

/** WILDCARD_STAR_CHECK: `*_` */
export function isStarWildcard(p: N.pattern): boolean {
  return p._kind === NodeKind.MatchStar && p.name === null;
}

export function compilePattern(c: Compiler, p: N.pattern, pc: PatternContext): void {
  c.setLoc(p);
  switch (p._kind) {
    case NodeKind.MatchValue:
      return compilePatternValue(c, p, pc);
    case NodeKind.MatchSingleton:
      c.loadConst(p.value);
      c.addopI(...COMPARE.Is!);
      return jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
    case NodeKind.MatchSequence:
      return compilePatternSequence(c, p, pc);
    case NodeKind.MatchMapping:
      return compilePatternMapping(c, p, pc);
    case NodeKind.MatchClass:
      return compilePatternClass(c, p, pc);
    case NodeKind.MatchStar:
      return patternHelperStoreName(c, p.name, pc);
    case NodeKind.MatchAs:
      return compilePatternAs(c, p, pc);
    case NodeKind.MatchOr:
      return compilePatternOr(c, p, pc);
  }
}

/** compiler_pattern_subpattern: a pattern inside another may be irrefutable */
export function compilePatternSubpattern(c: Compiler, p: N.pattern, pc: PatternContext): void {
  const allowIrrefutable = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  compilePattern(c, p, pc);
  pc.allowIrrefutable = allowIrrefutable;
}

/** compiler_pattern_value */
function compilePatternValue(c: Compiler, p: N.MatchValue, pc: PatternContext): void {
  const value = p.value;
  // MATCH_VALUE_EXPR: the parser lets only these through, an AST built by hand may not
  if (value._kind !== NodeKind.Constant && value._kind !== NodeKind.Attribute) {
    throw c.error('patterns may only match literals and attribute lookups');
  }
  visitExpr(c, value);
  c.addopI(...COMPARE.Eq!);
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
}

/** compiler_pattern_as */
function compilePatternAs(c: Compiler, p: N.MatchAs, pc: PatternContext): void {
  if (p.pattern === null) {
    // an irrefutable match
    if (!pc.allowIrrefutable) {
      if (p.name !== null) throw c.error(`name capture ${reprValue(c, p.name)} makes remaining patterns unreachable`);
      throw c.error('wildcard makes remaining patterns unreachable');
    }
    return patternHelperStoreName(c, p.name, pc);
  }
  // a copy to store if the inner pattern matches
  pc.onTop++;
  c.addopI(Op.COPY, 1);
  compilePattern(c, p.pattern, pc);
  pc.onTop--;
  patternHelperStoreName(c, p.name, pc);
}
