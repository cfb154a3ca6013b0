// compiler_pattern_mapping: MATCH_MAPPING, a length check, MATCH_KEYS with the keys as a tuple,
// the values matched one by one; `**rest` is a copy of the subject with the matched keys deleted.
import { PyInt, None } from '@tspyc/bytecode';
import type * as N from '../../ast/index.js';
import { NodeKind } from '../../ast/index.js';
import type { PyValue } from '@tspyc/bytecode';
import type { Compiler } from '../compiler.js';
import { Op, POP_JUMP_IF_FALSE } from '../ir.js';
import { COMPARE } from '../ops.js';
import { jumpToFailPop, patternHelperStoreName, reprValue, type PatternContext } from './context.js';
import { pyEqual, visitExpr } from '../expr.js';
import { compilePatternSubpattern } from './pattern.js';

export function compilePatternMapping(c: Compiler, p: N.MatchMapping, pc: PatternContext): void {
  const keys = p.keys;
  const patterns = p.patterns;
  let size = keys.length;
  if (size !== patterns.length) {
    // the AST validator stops this, but a hand-built AST is not validated here
    throw c.error(`keys (${size}) / patterns (${patterns.length}) length mismatch in mapping pattern`);
  }
  const starTarget = p.rest;
  // the subject stays on top during the mapping and length checks
  pc.onTop++;
  c.addop(Op.MATCH_MAPPING);
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  if (!size && starTarget === null) {
    // just "{}": done, pop the subject
    pc.onTop--;
    c.addop(Op.POP_TOP);
    return;
  }
  if (size) {
    // with keys, a length check
    c.addop(Op.GET_LEN);
    c.loadConst(new PyInt(BigInt(size)));
    c.addopI(...COMPARE.GtE!);
    jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  }
  if (0x7fffffff < size - 1) throw c.error('too many sub-patterns in mapping pattern');
  // the keys, literals or attribute lookups; duplicate literals are an error
  const seen: PyValue[] = [];
  for (let i = 0; i < size; i++) {
    const key = keys[i]!;
    if (key._kind === NodeKind.Constant) {
      const v = key.value;
      if (seen.some((w) => w === v || pyEqual(w, v))) throw c.error(`mapping pattern checks duplicate key (${reprValue(c, v)})`);
      seen.push(v);
    } else if (key._kind !== NodeKind.Attribute) {
      throw c.error('mapping pattern keys may only match literals and attribute lookups');
    }
    visitExpr(c, key);
  }
  c.addopI(Op.BUILD_TUPLE, size);
  c.addop(Op.MATCH_KEYS);
  // a tuple of keys and a tuple of values (or None) now sit on the subject
  pc.onTop += 2;
  c.addopI(Op.COPY, 1);
  c.loadConst(None);
  c.addopI(Op.IS_OP, 1);
  jumpToFailPop(c, pc, POP_JUMP_IF_FALSE);
  // match the values against the sub-patterns
  c.addopI(Op.UNPACK_SEQUENCE, size);
  pc.onTop += size - 1;
  for (const pattern of patterns) {
    pc.onTop--;
    compilePatternSubpattern(c, pattern, pc);
  }
  // a match: what follows consumes the tuple of keys and the subject
  pc.onTop -= 2;
  if (starTarget !== null) {
    // rest = dict(subject); for key in keys: del rest[key]
    c.addopI(Op.BUILD_MAP, 0); //           [subject, keys, empty]
    c.addopI(Op.SWAP, 3); //                [empty, keys, subject]
    c.addopI(Op.DICT_UPDATE, 2); //         [copy, keys]
    c.addopI(Op.UNPACK_SEQUENCE, size); //  [copy, keys...]
    while (size) {
      c.addopI(Op.COPY, 1 + size--); //     [copy, keys..., copy]
      c.addopI(Op.SWAP, 2); //              [copy, keys..., copy, key]
      c.addop(Op.DELETE_SUBSCR); //         [copy, keys...]
    }
    patternHelperStoreName(c, starTarget, pc);
  } else {
    c.addop(Op.POP_TOP); // the tuple of keys
    c.addop(Op.POP_TOP); // the subject
  }
}
