// compiler_pattern_sequence: MATCH_SEQUENCE and a length check, then the items either unpacked
// (UNPACK_SEQUENCE / UNPACK_EX) or, around a `*_`, fetched one by one with BINARY_SUBSCR.
import type * as N from '../../ast/index.js';
import { NodeKind } from '../../ast/index.js';
import { PyInt } from '@tspyc/bytecode';
import type { Compiler } from '../compiler.js';
import { Op, POP_JUMP_IF_FALSE } from '../ir.js';
import { COMPARE, NB } from '../ops.js';
import { jumpToFailPop, type PatternContext } from './context.js';
import { compilePatternSubpattern, isStarWildcard, isWildcard } from './pattern.js';

export function compilePatternSequence(c: Compiler, p: N.MatchSequence, pc: PatternContext): void {
  const patterns = p.patterns;
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  // find the starred name, if any; there may be one
  for (let i = 0; i < size; i++) {
    const pattern = patterns[i]!;
    if (pattern._kind === NodeKind.MatchStar) {
      if (star >= 0) throw c.error('multiple starred names in sequence pattern');
      starWildcard = isStarWildcard(pattern);
      onlyWildcard &&= starWildcard;
      star = i;
      continue;
    }
    onlyWildcard &&= isWildcard(pattern);
  }
  // the subject stays on top during the sequence and length checks
  pc.onTop++;
  c.addop(Op.MATCH_SEQUENCE);
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  if (star < 0) {
    // no star: len(subject) == size
    c.addop(Op.GET_LEN);
    c.loadConst(new PyInt(BigInt(size)));
    c.addopI(...COMPARE.Eq!);
    jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  } else if (size - 1) {
    // a star and other items: len(subject) >= size - 1
    c.addop(Op.GET_LEN);
    c.loadConst(new PyInt(BigInt(size - 1)));
    c.addopI(...COMPARE.GtE!);
    jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  }
  // whatever comes next consumes the subject
  pc.onTop--;
  if (onlyWildcard) {
    // [] / [_] / [_, _] / [*_] / [_, *_] / …
    c.addop(Op.POP_TOP);
  } else if (starWildcard) {
    patternHelperSequenceSubscr(c, patterns, star, pc);
  } else {
    patternHelperSequenceUnpack(c, patterns, pc);
  }
}

/** pattern_unpack_helper */
function patternUnpackHelper(c: Compiler, elts: readonly N.pattern[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i]!;
    if (elt._kind === NodeKind.MatchStar && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) throw c.error('too many expressions in star-unpacking sequence pattern');
      c.addopI(Op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt._kind === NodeKind.MatchStar) {
      throw c.error('multiple starred expressions in sequence pattern');
    }
  }
  if (!seenStar) c.addopI(Op.UNPACK_SEQUENCE, n);
}

/** pattern_helper_sequence_unpack: every item becomes a subject of its own */
function patternHelperSequenceUnpack(c: Compiler, patterns: readonly N.pattern[], pc: PatternContext): void {
  patternUnpackHelper(c, patterns);
  const size = patterns.length;
  // the new subjects stay on the stack while each one is matched in turn
  pc.onTop += size;
  for (const pattern of patterns) {
    pc.onTop--;
    compilePatternSubpattern(c, pattern, pc);
  }
}

/**
 * pattern_helper_sequence_subscr: around a `*_`, index the items that need matching instead of
 * unpacking them all ([first, *_] / [*_, last] / …); indices from the end are computed with
 * GET_LEN, since the subject may not support negative ones
 */
function patternHelperSequenceSubscr(c: Compiler, patterns: readonly N.pattern[], star: number, pc: PatternContext): void {
  // the subject stays for fetching items
  pc.onTop++;
  const size = patterns.length;
  for (let i = 0; i < size; i++) {
    const pattern = patterns[i]!;
    if (isWildcard(pattern) || i === star) continue;
    c.addopI(Op.COPY, 1);
    if (i < star) {
      c.loadConst(new PyInt(BigInt(i)));
    } else {
      c.addop(Op.GET_LEN);
      c.loadConst(new PyInt(BigInt(size - i)));
      c.addopI(Op.BINARY_OP, NB.Sub!);
    }
    c.addop(Op.BINARY_SUBSCR);
    compilePatternSubpattern(c, pattern, pc);
  }
  // done with the subject
  pc.onTop--;
  c.addop(Op.POP_TOP);
}
