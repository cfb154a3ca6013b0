// compile.c fold_tuple_on_constants: LOAD_CONST × n, BUILD_TUPLE n → NOP × n, LOAD_CONST tuple.
import { PyTuple } from '@tspyc/bytecode';
import type { BasicBlock } from '../ir.js';
import { Op } from '../ir.js';
import type { CfgUnit } from './input.js';

/** `at` is the BUILD_TUPLE's index in the block; its n operands are the n instructions before it */
export function foldTupleOnConstants(unit: CfgUnit, bb: BasicBlock, at: number): void {
  const n = bb.instrs[at]!.oparg;
  const loads = bb.instrs.slice(at - n, at);
  if (!loads.every((i) => i.opcode === Op.LOAD_CONST)) return;
  const index = unit.addConst(new PyTuple(loads.map((i) => unit.consts[i.oparg]!)));
  for (const i of loads) i.opcode = Op.NOP;
  bb.instrs[at]!.opcode = Op.LOAD_CONST;
  bb.instrs[at]!.oparg = index;
}
