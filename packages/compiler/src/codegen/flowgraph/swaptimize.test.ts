// swaptimize on random runs of SWAPs: the rewritten run must leave the stack in the same order as
// the original, fit in the same instructions (the rest NOPs), and use the fewest swaps any
// sequence of top-of-stack swaps can (per cycle of the permutation: its length - 1 if it
// contains the top, else its length + 1).
import { describe, expect, it } from 'vitest';
import { BasicBlock, Op, NO_LOCATION, type Instr } from '../ir.js';
import { swaptimize } from './swaptimize.js';

function run(instrs: readonly Instr[], depth: number): number[] {
  const stack = Array.from({ length: depth }, (_, i) => i);
  for (const i of instrs) {
    if (i.opcode !== Op.SWAP) continue;
    const top = stack[0]!;
    stack[0] = stack[i.oparg - 1]!;
    stack[i.oparg - 1] = top;
  }
  return stack;
}

function fewestSwaps(perm: number[]): number {
  const seen = new Array<boolean>(perm.length).fill(false);
  let n = 0;
  for (let i = 0; i < perm.length; i++) {
    if (seen[i] || perm[i] === i) continue;
    let len = 0;
    let hasTop = false;
    for (let j = i; !seen[j]; j = perm[j]!) {
      seen[j] = true;
      len++;
      if (j === 0) hasTop = true;
    }
    n += hasTop ? len - 1 : len + 1;
  }
  return n;
}

// a small deterministic generator (no Math.random: failures must reproduce)
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('swaptimize', () => {
  it('keeps the permutation of 2,000 random SWAP runs with the fewest swaps', () => {
    const rnd = lcg(7);
    for (let t = 0; t < 2000; t++) {
      const len = 2 + Math.floor(rnd() * 7);
      const b = new BasicBlock();
      b.instrs = Array.from({ length: len }, () => ({
        opcode: rnd() < 0.15 ? Op.NOP : Op.SWAP,
        oparg: 2 + Math.floor(rnd() * 5),
        target: null,
        loc: NO_LOCATION,
      }));
      b.instrs[0]!.opcode = Op.SWAP;
      b.instrs.push({ opcode: Op.POP_TOP, oparg: 0, target: null, loc: NO_LOCATION });
      const depth = 7;
      const before = run(b.instrs, depth);
      const swaps = b.instrs.filter((i) => i.opcode === Op.SWAP).length;
      const last = swaptimize(b, 0);
      expect(b.instrs.length).toBe(len + 1);
      expect(b.instrs[len]!.opcode).toBe(Op.POP_TOP);
      expect(run(b.instrs, depth)).toEqual(before);
      const after = b.instrs.filter((i) => i.opcode === Op.SWAP).length;
      if (swaps > 1) {
        expect(last).toBe(len - 1);
        expect(after).toBe(fewestSwaps(before));
      } else {
        expect(last).toBe(0);
      }
    }
  });
});
