// compiler_pattern_class: MATCH_CLASS with the positional count and a tuple of keyword attribute
// names; the attributes it returns (or None) are unpacked and matched one by one.
import { None, PyStr, PyTuple } from '@tspyc/bytecode';
import type * as N from '../../ast/index.js';
import type { Compiler } from '../compiler.js';
import { Op, POP_JUMP_IF_FALSE } from '../ir.js';
import { jumpToFailPop, type PatternContext } from './context.js';
import { visitExpr } from '../expr.js';
import { compilePatternSubpattern, isWildcard } from './pattern.js';

export function compilePatternClass(c: Compiler, p: N.MatchClass, pc: PatternContext): void {
  const patterns = p.patterns;
  const kwdAttrs = p.kwd_attrs;
  const kwdPatterns = p.kwd_patterns;
  const nargs = patterns.length;
  const nattrs = kwdAttrs.length;
  if (nattrs !== kwdPatterns.length) {
    // the AST validator stops this, but a hand-built AST is not validated here
    throw c.error(`kwd_attrs (${nattrs}) / kwd_patterns (${kwdPatterns.length}) length mismatch in class pattern`);
  }
  if (nattrs) {
    validateKwdAttrs(c, kwdAttrs, kwdPatterns);
    c.setLoc(p);
  }
  visitExpr(c, p.cls);
  c.loadConst(new PyTuple(kwdAttrs.map((name) => new PyStr(name))));
  c.addopI(Op.MATCH_CLASS, nargs);
  c.addopI(Op.COPY, 1);
  c.loadConst(None);
  c.addopI(Op.IS_OP, 1);
  // a tuple of nargs + nattrs attributes (or None) is on top
  pc.onTop++;
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  c.addopI(Op.UNPACK_SEQUENCE, nargs + nattrs);
  pc.onTop += nargs + nattrs - 1;
  for (let i = 0; i < nargs + nattrs; i++) {
    pc.onTop--;
    const pattern = i < nargs ? patterns[i]! : kwdPatterns[i - nargs]!;
    if (isWildcard(pattern)) {
      c.addop(Op.POP_TOP);
      continue;
    }
    compilePatternSubpattern(c, pattern, pc);
  }
}

/**
 * validate_kwd_attrs: no forbidden or repeated attribute names. The parser gives identifiers,
 * not nodes, so errors point at the keyword's pattern.
 */
function validateKwdAttrs(c: Compiler, attrs: readonly string[], patterns: readonly N.pattern[]): void {
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs[i]!;
    c.setLoc(patterns[i]!);
    c.checkForbiddenName(attr, 'Store');
    for (let j = i + 1; j < attrs.length; j++) {
      if (attr === attrs[j]) {
        c.setLoc(patterns[j]!);
        throw c.error(`attribute name repeated in class pattern: ${attr}`);
      }
    }
  }
}
