// The contract between code generation and the flow-graph passes (compile.c's assemble() from
// "make sure every block that falls off the end returns None" on): what codegen hands over for one
// code object, and what comes back for the assembler.
import type { PyValue } from '@tspyc/bytecode';
import type { LinearCode } from '../../assemble/assemble.js';
import type { BasicBlock } from '../ir.js';

export interface CfgUnit {
  /** the first block (u_blocks' entry); layout order follows BasicBlock.next */
  entry: BasicBlock;
  /** every block codegen allocated, in allocation order */
  blocks: BasicBlock[];
  /**
   * co_consts so far, in order of first use (u_consts); the passes may add folded constants
   * (through addConst) and drop unused ones (trim_unused_consts)
   */
  consts: PyValue[];
  /** index of a constant, adding it if absent (compiler_add_const with _PyCode_ConstantKey) */
  addConst(v: PyValue): number;
  /** co_firstlineno as codegen set it (0: not set, take the first instruction's line) */
  firstlineno: number;
  /** co_flags computed so far (generator/coroutine bits decide the RETURN_GENERATOR prefix) */
  flags: number;
  /** number of plain locals (co_varnames); cells and frees follow in localsplus */
  nlocals: number;
  /** co_cellvars in order; a cell that is also an argument keeps the argument's slot */
  cellvars: readonly string[];
  /** for each cellvar: the index of the argument/local it aliases, or -1 (fix_cell_offsets) */
  cellArgIndex: readonly number[];
  /** co_freevars in order */
  freevars: readonly string[];
}

export interface CfgResult {
  /** the laid-out instructions, for assemble311 */
  instrs: LinearCode;
  /** co_stacksize */
  stacksize: number;
  /** the final co_consts (after folding and trimming) */
  consts: PyValue[];
  firstlineno: number;
  /** localsplus size after cells aliasing arguments were dropped */
  nlocalsplus: number;
}
