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
  code.decoded = out;
  return out;
}
