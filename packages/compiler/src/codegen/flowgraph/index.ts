// compile.c assemble() for 3.11, from the point codegen has added the implicit `return None`: the
// flow-graph passes in CPython's order, ending with the instruction list assemble311 lays out.
import type { BasicBlock } from '../ir.js';
import { cleanBasicBlock } from './clean-basic-block.js';
import { duplicateExitsWithoutLineno } from './duplicate-exits-without-lineno.js';
import { extendBlock } from './extend-block.js';
import { buildCellFixedOffsets, fixCellOffsets } from './fix-cell-offsets.js';
import { guaranteeLinenoForExits } from './guarantee-lineno-for-exits.js';
import type { CfgResult, CfgUnit } from './input.js';
import { insertPrefixInstructions, isGeneratorLike } from './insert-prefix-instructions.js';
import { convertExceptionHandlersToNops, labelExceptionTargets } from './label-exception-targets.js';
import { linearize } from './linearize.js';
import { normalizeBasicBlock } from './normalize-basic-block.js';
import { normalizeJumps } from './normalize-jumps.js';
import { optimizeCfg } from './optimize-cfg.js';
import { propagateLineNumbers } from './propagate-line-numbers.js';
import { stackdepth } from './stackdepth.js';
import { trimUnusedConsts } from './trim-unused-consts.js';

export type { CfgResult, CfgUnit } from './input.js';
export { dumpCfg } from './dump-cfg.js';

export function assembleCfg(unit: CfgUnit): CfgResult {
  const entry = unit.entry;
  // blocks in allocation order; compile.c walks u_blocks, the most recent first (one walk does
  // both passes: normalizing a block neither reads nor changes what extending another one does)
  const allocated = [...unit.blocks];
  let handlerOps = false;
  for (let i = allocated.length - 1; i >= 0; i--) {
    if (normalizeBasicBlock(allocated[i]!)) handlerOps = true;
    extendBlock(allocated[i]!);
  }

  const nlocals = unit.nlocals;
  const ncellvars = unit.cellvars.length;
  const nfreevars = unit.freevars.length;
  let nlocalsplus = nlocals + ncellvars + nfreevars;
  const cellfixedoffsets = buildCellFixedOffsets(nlocals, unit.cellArgIndex, nfreevars);

  // firstlineno, when codegen did not set it
  let firstlineno = unit.firstlineno;
  if (!firstlineno) {
    const first = entry.instrs[0];
    firstlineno = first !== undefined && first.loc.lineno ? first.loc.lineno : 1;
  }
  insertPrefixInstructions(entry, unit.flags, firstlineno, cellfixedoffsets, ncellvars, nfreevars);
  nlocalsplus -= fixCellOffsets(entry, nlocals, cellfixedoffsets);

  optimizeCfg(unit, entry, allocated, handlerOps);
  duplicateExitsWithoutLineno(entry, allocated);
  propagateLineNumbers(entry);
  guaranteeLinenoForExits(entry, firstlineno);

  const maxdepth = stackdepth(entry, isGeneratorLike(unit.flags));
  if (labelExceptionTargets(entry, handlerOps)) convertExceptionHandlersToNops(entry);
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) cleanBasicBlock(b);

  normalizeJumps(entry);
  const instrs = linearize(entry);
  return { instrs, stacksize: maxdepth, consts: trimUnusedConsts(unit.consts, instrs.maxConstIndex), firstlineno, nlocalsplus };
}
