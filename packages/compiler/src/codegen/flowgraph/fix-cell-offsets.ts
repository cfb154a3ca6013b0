// compile.c build_cellfixedoffsets + fix_cell_offsets: the cell and free variable instructions
// address localsplus (locals, then cells, then frees). A cell that is also an argument lives in
// the argument's slot and is dropped from the cells.
import type { BasicBlock } from '../ir.js';
import { Op } from '../ir.js';

/** for each cell then free index: its localsplus offset, before dropped cells are taken out */
export function buildCellFixedOffsets(nlocals: number, cellArgIndex: readonly number[], nfreevars: number): number[] {
  // (plain loops: this runs for every code object, and Array.from over an array-like is slow)
  const n = cellArgIndex.length + nfreevars;
  const fixed: number[] = [];
  for (let i = 0; i < n; i++) fixed.push(i < cellArgIndex.length && cellArgIndex[i]! >= 0 ? cellArgIndex[i]! : nlocals + i);
  return fixed;
}

const DEREF_OPS = new Set<number>([Op.MAKE_CELL, Op.LOAD_CLOSURE, Op.LOAD_DEREF, Op.STORE_DEREF, Op.DELETE_DEREF, Op.LOAD_CLASSDEREF]);

/** rewrites `fixedmap` in place and returns how many cells were dropped */
export function fixCellOffsets(entry: BasicBlock, nlocals: number, fixedmap: number[]): number {
  let numdropped = 0;
  for (let i = 0; i < fixedmap.length; i++) {
    if (fixedmap[i] === i + nlocals) fixedmap[i]! -= numdropped;
    else numdropped++; // a cell that is an argument
  }
  // no cells and no frees: no instruction addresses one
  if (fixedmap.length === 0) return 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const instr of b.instrs) {
      if (DEREF_OPS.has(instr.opcode)) {
        const to = fixedmap[instr.oparg];
        if (to === undefined) throw new Error(`cell or free variable index ${instr.oparg} out of range`);
        instr.oparg = to;
      }
    }
  }
  return numdropped;
}
