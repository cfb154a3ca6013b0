// compiler_match / compiler_match_inner: the subject evaluated once, each case matched against a
// copy of it (the last tried case takes the subject itself), captures stored only after the
// whole pattern matched, then the guard; a trailing `case _:` is compiled without a match.
import type * as N from '../../ast/index.js';
import type { Compiler } from '../compiler.js';
import { visitExpr } from '../expr.js';
import { JUMP, Op } from '../ir.js';
import { jumpIf } from '../jump-if.js';
import { visitStmts } from '../stmt.js';
import { emitAndResetFailPop, ensureFailPop, newPatternContext } from './context.js';
import { compilePattern, isWildcard } from './pattern.js';

export function compileMatch(c: Compiler, s: N.Match): void {
  visitExpr(c, s.subject);
  const end = c.newBlock();
  const cases = s.cases.length;
  const last = s.cases[cases - 1]!;
  const hasDefault = isWildcard(last.pattern) && 1 < cases ? 1 : 0;
  for (let i = 0; i < cases - hasDefault; i++) {
    const m = s.cases[i]!;
    c.setLoc(m.pattern);
    // copy the subject unless this is the last case tried
    if (i !== cases - hasDefault - 1) c.addopI(Op.COPY, 1);
    // irrefutable cases must be guarded, last, or both
    const pc = newPatternContext(m.guard !== null || i === cases - 1);
    compilePattern(c, m.pattern, pc);
    // a match: store the captured names (their values are on the stack)
    for (const name of pc.stores) c.nameop(name, 'Store');
    if (m.guard) {
      ensureFailPop(c, pc, 0);
      jumpIf(c, m.guard, pc.failPop[0]!, false);
    }
    // done with the subject
    if (i !== cases - hasDefault - 1) c.addop(Op.POP_TOP);
    visitStmts(c, m.body);
    c.u.unsetLoc();
    c.addopJ(JUMP, end);
    // a failed match's cleanup belongs to the pattern, not to the body's last line
    c.setLoc(m.pattern);
    emitAndResetFailPop(c, pc);
  }
  if (hasDefault) {
    // a trailing "case _" needs no copy of the subject and no match
    const m = last;
    c.setLoc(m.pattern);
    // line coverage for the default case, which makes no code of its own (hasDefault implies an
    // earlier case, so compile.c's POP_TOP branch for a lone `case _` is never taken)
    c.addop(Op.NOP);
    if (m.guard) jumpIf(c, m.guard, end, false);
    visitStmts(c, m.body);
    c.u.unsetLoc();
  }
  c.useNextBlock(end);
}
