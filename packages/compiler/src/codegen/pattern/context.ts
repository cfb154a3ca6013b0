// compile.c's pattern_context and the helpers every pattern kind shares: the fail_pop blocks a
// failed match jumps into (each pops one more item than the next), name stores, and the SWAP
// rotations that stand in for 3.10's ROT_N.
import { PyStr, pyRepr, type PyValue } from '@tspyc/bytecode';
import type { Compiler } from '../compiler.js';
import type { BasicBlock } from '../ir.js';
import { Op } from '../ir.js';

export interface PatternContext {
  /** the names to bind on success, in the order their values sit on the stack */
  stores: string[];
  /** may this pattern be irrefutable (a bare capture or wildcard)? */
  allowIrrefutable: boolean;
  /** fail_pop[n] pops n items, then falls into fail_pop[n-1]; fail_pop[0] is the failure exit */
  failPop: BasicBlock[];
  /** items on top of the stack that are not the subject, to pop on failure */
  onTop: number;
}

export function newPatternContext(allowIrrefutable: boolean): PatternContext {
  return { stores: [], allowIrrefutable, failPop: [], onTop: 0 };
}

/** ensure_fail_pop: blocks for popping up to n items */
export function ensureFailPop(c: Compiler, pc: PatternContext, n: number): void {
  while (pc.failPop.length < n + 1) pc.failPop.push(c.newBlock());
}

/** jump_to_fail_pop: pop what is on top plus the captures so far, then fail */
export function jumpToFailPop(c: Compiler, pc: PatternContext, opcode: number): void {
  const pops = pc.onTop + pc.stores.length;
  ensureFailPop(c, pc, pops);
  c.addopJ(opcode, pc.failPop[pops]!);
  c.nextBlock();
}

/** emit_and_reset_fail_pop: lay out the fail_pop blocks, each one POP_TOP into the next */
export function emitAndResetFailPop(c: Compiler, pc: PatternContext): void {
  if (pc.failPop.length === 0) return;
  for (let i = pc.failPop.length - 1; i > 0; i--) {
    c.useNextBlock(pc.failPop[i]!);
    c.addop(Op.POP_TOP);
  }
  c.useNextBlock(pc.failPop[0]!);
  pc.failPop = [];
}

/** pattern_helper_rotate: 3.10's ROT_N(count) as SWAPs */
export function patternHelperRotate(c: Compiler, count: number): void {
  while (1 < count) c.addopI(Op.SWAP, count--);
}

/** compiler_error_duplicate_store */
export function errorDuplicateStore(c: Compiler, name: string): Error {
  return c.error(`multiple assignments to name ${reprValue(c, name)} in pattern`);
}

/** %R of a name or constant, as the compiler's messages print it */
export function reprValue(c: Compiler, v: PyValue | string): string {
  return pyRepr(typeof v === 'string' ? new PyStr(v) : v, { target: c.target });
}

/** pattern_helper_store_name: move the value under the items to keep, and remember its name */
export function patternHelperStoreName(c: Compiler, name: string | null, pc: PatternContext): void {
  if (name === null) {
    c.addop(Op.POP_TOP);
    return;
  }
  c.checkForbiddenName(name, 'Store');
  if (pc.stores.includes(name)) throw errorDuplicateStore(c, name);
  const rotations = pc.onTop + pc.stores.length + 1;
  patternHelperRotate(c, rotations);
  pc.stores.push(name);
}
