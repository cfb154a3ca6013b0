// compile.c optimize_basic_block: the peephole optimizer of 3.11, one block at a time.
import { Kind } from '@tspyc/bytecode';
import type { BasicBlock, Instr } from '../ir.js';
import { JUMP, Op, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE } from '../ir.js';
import { constIsTrue } from './const-is-true.js';
import { foldTupleOnConstants } from './fold-tuple-on-constants.js';
import type { CfgUnit } from './input.js';
import { jumpThread } from './jump-thread.js';
import { UNSET_LOCATION } from './location.js';
import { skipEmptyBlocks } from './normalize-basic-block.js';
import { isBlockPush, isJump } from './opcode-kinds.js';
import { applyStaticSwaps, swaptimize } from './swaptimize.js';

/** what `target` is for an instruction that does not jump */
const NOP_INSTR: Readonly<Instr> = { opcode: Op.NOP, oparg: 0, target: null, loc: UNSET_LOCATION, except: null };

export function optimizeBasicBlock(unit: CfgUnit, bb: BasicBlock): void {
  const instrs = bb.instrs;
  for (let i = 0; i < instrs.length; i++) {
    const inst = instrs[i]!;
    const oparg = inst.oparg;
    const nextop = i + 1 < instrs.length ? instrs[i + 1]!.opcode : 0;
    let target: Readonly<Instr> = NOP_INSTR;
    if (isJump(inst) || isBlockPush(inst)) {
      inst.target = skipEmptyBlocks(inst.target!);
      target = inst.target.instrs[0]!;
    }
    switch (inst.opcode) {
      // LOAD_CONST + conditional jump: decided at compile time
      case Op.LOAD_CONST:
        if (nextop === POP_JUMP_IF_FALSE || nextop === POP_JUMP_IF_TRUE || nextop === Op.JUMP_IF_FALSE_OR_POP || nextop === Op.JUMP_IF_TRUE_OR_POP || nextop === Op.IS_OP) {
          constantJump(unit, instrs, i, nextop);
        }
        break;
      // BUILD_TUPLE n + UNPACK_SEQUENCE n: nothing (n = 1) or a SWAP (n = 2, 3); else fold constants
      case Op.BUILD_TUPLE: {
        if (nextop === Op.UNPACK_SEQUENCE && oparg === instrs[i + 1]!.oparg) {
          if (oparg === 1) {
            inst.opcode = Op.NOP;
            instrs[i + 1]!.opcode = Op.NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.opcode = Op.NOP;
            instrs[i + 1]!.opcode = Op.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(unit, bb, i);
        break;
      }
      // a conditional jump to a conditional jump whose outcome the first one implies
      case Op.JUMP_IF_FALSE_OR_POP:
      case Op.JUMP_IF_TRUE_OR_POP:
        i = threadOrPop(inst, target, i);
        break;
      case POP_JUMP_IF_NOT_NONE:
      case POP_JUMP_IF_NONE:
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      case JUMP:
        if (target.opcode === JUMP) i -= jumpThread(inst, target, inst.opcode) ? 1 : 0;
        break;
      case Op.SWAP: {
        if (oparg === 1) {
          inst.opcode = Op.NOP;
          break;
        }
        i = swaptimize(bb, i);
        applyStaticSwaps(bb, i);
        break;
      }
      // PUSH_NULL + LOAD_GLOBAL → LOAD_GLOBAL with its own NULL
      case Op.PUSH_NULL:
        if (nextop === Op.LOAD_GLOBAL && (instrs[i + 1]!.oparg & 1) === 0) {
          inst.opcode = Op.NOP;
          inst.oparg = 0;
          instrs[i + 1]!.oparg |= 1;
        }
        break;
    }
  }
}

/** LOAD_CONST followed by a conditional jump or IS_OP: decided at compile time (out of the loop: rare, and the constant's kind is read of any value class) */
function constantJump(unit: CfgUnit, instrs: Instr[], i: number, nextop: number): void {
  const inst = instrs[i]!;
  const cnt = unit.consts[inst.oparg]!;
  switch (nextop) {
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE: {
      inst.opcode = Op.NOP;
      if (constIsTrue(cnt) === (nextop === POP_JUMP_IF_TRUE)) instrs[i + 1]!.opcode = JUMP;
      else instrs[i + 1]!.opcode = Op.NOP;
      break;
    }
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP: {
      if (constIsTrue(cnt) === (nextop === Op.JUMP_IF_TRUE_OR_POP)) {
        instrs[i + 1]!.opcode = JUMP;
      } else {
        inst.opcode = Op.NOP;
        instrs[i + 1]!.opcode = Op.NOP;
      }
      break;
    }
    case Op.IS_OP: {
      // LOAD_CONST None, IS_OP, POP_JUMP_IF_x → POP_JUMP_IF_[NOT_]NONE
      const jumpOp = i + 2 < instrs.length ? instrs[i + 2]!.opcode : 0;
      if (cnt.kind === Kind.None && (jumpOp === POP_JUMP_IF_FALSE || jumpOp === POP_JUMP_IF_TRUE)) {
        const nextarg = instrs[i + 1]!.oparg & 0xff;
        inst.opcode = Op.NOP;
        instrs[i + 1]!.opcode = Op.NOP;
        instrs[i + 2]!.opcode = (nextarg ^ (jumpOp === POP_JUMP_IF_FALSE ? 1 : 0)) !== 0 ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
      }
      break;
    }
  }
}

/**
 * JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP to a conditional jump: threaded; `i` less one when the
 * instruction is to be seen again. The two are mirror images: a jump on the same condition is
 * threaded through; one on the opposite condition, on the same line, makes this a plain pop-jump
 * past it.
 */
function threadOrPop(inst: Instr, target: Readonly<Instr>, i: number): number {
  const orPop = inst.opcode;
  const onFalse = orPop === Op.JUMP_IF_FALSE_OR_POP;
  const same = onFalse ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
  const t = target.opcode;
  if (t === same) return i - (jumpThread(inst, target, same) ? 1 : 0);
  if (t === JUMP || t === orPop) return i - (jumpThread(inst, target, orPop) ? 1 : 0);
  const opposite = t === (onFalse ? Op.JUMP_IF_TRUE_OR_POP : Op.JUMP_IF_FALSE_OR_POP) || t === (onFalse ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE);
  if (opposite && inst.loc.lineno === target.loc.lineno) {
    inst.opcode = same;
    inst.target = inst.target!.next;
    return i - 1;
  }
  return i;
}
