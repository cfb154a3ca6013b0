// The eval loop's view of the instruction stream: for every code unit, the instruction that a fetch
// starting there reads, with its EXTENDED_ARG prefixes folded into the argument and its inline
// CACHE entries counted, so that one fetch is two array reads. CPython counterpart: the
// instruction decoding at the top of _PyEval_EvalFrameDefault (NEXTOPARG, EXTENDED_ARG, and the
// INLINE_CACHE_ENTRIES_* skips).
//
// decoded[2u] = op | caches << 8 | prefixes << 16, decoded[2u + 1] = oparg: the instruction proper
// is at u + prefixes and the next one at u + prefixes + 1 + caches.
import { opcodeTable } from '@tspyc/bytecode';
import { InternalError } from '../errors.js';
import { Op } from './opcodes.js';
import type { Code } from './code.js';

const CACHES = opcodeTable('3.11').cacheEntries;

/**
 * Superinstructions: two adjacent instructions fused into one fetch, as CPython 3.11's
 * LOAD_FAST__LOAD_FAST, LOAD_FAST__LOAD_CONST and STORE_FAST__LOAD_FAST (specialize.c). Numbers
 * no 3.11 opcode uses. The fused entry sits at the first instruction, with oparg = first's |
 * second's << 16 and a skip of one unit; the second's own entry stays as it was, for jumps to it.
 */
export const enum Super {
  LOAD_FAST__LOAD_FAST = 240,
  LOAD_FAST__LOAD_CONST = 241,
  STORE_FAST__LOAD_FAST = 242,
  /** COMPARE_OP then a POP_JUMP_*_IF_TRUE/FALSE: oparg = compare op | jump-if-true << 4 | backward << 5 | jump's oparg << 8 */
  COMPARE_OP__POP_JUMP = 243,
}

/** POP_JUMP_* (by bool) → jump-if-true << 4 | backward << 5, or -1 */
function jumpKind(op: number): number {
  switch (op) {
    case Op.POP_JUMP_FORWARD_IF_FALSE: return 0;
    case Op.POP_JUMP_FORWARD_IF_TRUE: return 0x10;
    case Op.POP_JUMP_BACKWARD_IF_FALSE: return 0x20;
    case Op.POP_JUMP_BACKWARD_IF_TRUE: return 0x30;
    default: return -1;
  }
}

/** The superinstruction for `first` followed by `second`, or 0. */
function fuse(first: number, second: number): number {
  if (first === Op.LOAD_FAST) {
    if (second === Op.LOAD_FAST) return Super.LOAD_FAST__LOAD_FAST;
    if (second === Op.LOAD_CONST) return Super.LOAD_FAST__LOAD_CONST;
  } else if (first === Op.STORE_FAST && second === Op.LOAD_FAST) {
    return Super.STORE_FAST__LOAD_FAST;
  }
  return 0;
}

export function decode(code: Code): Int32Array {
  const bytes = code.bytes;
  const n = bytes.length >> 1;
  const out = new Int32Array(2 * n);
  for (let u = 0; u < n; u++) {
    let ip = u;
    let op = bytes[ip << 1]!;
    let oparg = bytes[(ip << 1) + 1]!;
    ip++;
    while (op === Op.EXTENDED_ARG && ip < n) {
      op = bytes[ip << 1]!;
      oparg = (oparg << 8) | bytes[(ip << 1) + 1]!;
      ip++;
    }
    const prefixes = ip - 1 - u;
    if (prefixes > 0x7fff) throw new InternalError('more than 32767 EXTENDED_ARG prefixes');
    out[2 * u] = op | ((CACHES[op] ?? 0) << 8) | (prefixes << 16);
    out[2 * u + 1] = oparg;
  }
  // fuse pairs: both without EXTENDED_ARG prefixes or caches, opargs below 2**16
  for (let u = 0; u + 1 < n; u++) {
    const w1 = out[2 * u]!;
    const w2 = out[2 * u + 2]!;
    if ((w1 & 0xffff00) !== 0 || (w2 & 0xffff00) !== 0) continue;
    const sup = fuse(w1 & 0xff, w2 & 0xff);
    const a1 = out[2 * u + 1]!;
    const a2 = out[2 * u + 3]!;
    if (sup === 0 || a1 > 0xffff || a2 > 0xffff) continue;
    out[2 * u] = sup | (1 << 8);
    out[2 * u + 1] = a1 | (a2 << 16);
  }
  // COMPARE_OP (two caches) and the conditional jump right after it
  const cmpCaches = CACHES[Op.COMPARE_OP] ?? 0;
  for (let u = 0; u + cmpCaches + 1 < n; u++) {
    if (out[2 * u] !== (Op.COMPARE_OP | (cmpCaches << 8))) continue;
    const j = u + 1 + cmpCaches;
    const w2 = out[2 * j]!;
    const kind = (w2 & 0xffff00) === 0 ? jumpKind(w2 & 0xff) : -1;
    const a1 = out[2 * u + 1]!;
    const a2 = out[2 * j + 1]!;
    if (kind < 0 || a1 > 0xf || a2 > 0x7fffff) continue;
    out[2 * u] = Super.COMPARE_OP__POP_JUMP | ((cmpCaches + 1) << 8);
    out[2 * u + 1] = a1 | kind | (a2 << 8);
  }
  // the constants and names too, before the first run: the eval loop reads them as plain fields
  code.prepareRun();
  code.decoded = out;
  return out;
}
