// compile.c trim_unused_consts: constants after the last one an instruction uses are dropped (the
// first is kept: it may be the docstring).
import type { PyValue } from '@tspyc/bytecode';
import type { BasicBlock } from '../ir.js';
import { Op } from '../ir.js';

export function trimUnusedConsts(entry: BasicBlock, consts: readonly PyValue[]): PyValue[] {
  let maxConstIndex = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) {
      if ((i.opcode === Op.LOAD_CONST || i.opcode === Op.KW_NAMES) && i.oparg > maxConstIndex) maxConstIndex = i.oparg;
    }
  }
  return consts.slice(0, maxConstIndex + 1);
}
