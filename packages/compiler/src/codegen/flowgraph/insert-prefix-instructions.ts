// compile.c insert_prefix_instructions: what runs before RESUME. COPY_FREE_VARS, then MAKE_CELL for
// each cell in localsplus order, then RETURN_GENERATOR + POP_TOP for generators and coroutines.
// MAKE_CELL's argument is still the cell index here; fix_cell_offsets maps it.
import type { BasicBlock, Instr } from '../ir.js';
import { Op } from '../ir.js';
import { UNSET_LOCATION } from './location.js';

const CO_GENERATOR = 0x20;
const CO_COROUTINE = 0x80;
const CO_ASYNC_GENERATOR = 0x200;

export function isGeneratorLike(flags: number): boolean {
  return (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0;
}

function instr(opcode: number, oparg: number): Instr {
  return { opcode, oparg, target: null, loc: UNSET_LOCATION, except: null };
}

/**
 * `fixed`: build_cellfixedoffsets' map from cell/free index to localsplus offset (before dropped
 * argument cells are taken out)
 */
export function insertPrefixInstructions(entry: BasicBlock, flags: number, firstlineno: number, fixed: readonly number[], ncellvars: number, nfreevars: number): void {
  const prefix: Instr[] = [];
  if (nfreevars > 0) prefix.push(instr(Op.COPY_FREE_VARS, nfreevars));
  // the cells sorted by where they live in localsplus (argument cells first)
  if (ncellvars > 0) {
    const cells: number[] = [];
    for (let i = 0; i < ncellvars; i++) cells.push(i);
    cells.sort((a, b) => fixed[a]! - fixed[b]!);
    for (const c of cells) prefix.push(instr(Op.MAKE_CELL, c));
  }
  if (isGeneratorLike(flags)) {
    prefix.push({ opcode: Op.RETURN_GENERATOR, oparg: 0, target: null, loc: { lineno: firstlineno, endLineno: firstlineno, colOffset: -1, endColOffset: -1 }, except: null });
    prefix.push(instr(Op.POP_TOP, 0));
  }
  if (prefix.length > 0) entry.instrs.unshift(...prefix);
}
