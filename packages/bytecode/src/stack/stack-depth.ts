// co_stacksize from finished 3.11 bytecode: the deepest the value stack gets on any path from the
// first instruction, following jumps and the exception table's handlers (entered at their recorded
// depth, plus lasti, plus the exception) — the walk CPython's stackdepth() does over basic blocks.
import type { CodeObject } from '../code-object.js';
import { decodeExceptionTable } from '../exception-table/exception-table.js';
import { HAS_JABS, HAS_JREL, opcodeTable } from '../opcodes/table.js';
import { jumpTarget } from '../dis/instruction.js';
import type { Target } from '../target.js';
import { stackEffect311 } from './stack-effect311.js';

export class StackDepthError extends Error {}

const ENDS_FLOW = new Set(['RETURN_VALUE', 'RAISE_VARARGS', 'RERAISE', 'JUMP_FORWARD', 'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT']);

export interface StackDepthReport {
  depth: number;
  /**
   * instructions no path reaches. CPython leaves only handler code unreached — the handler of a
   * protected body that compiled to nothing that can raise (e.g. `try: return 1`) — and its CFG
   * still counts that handler, entered from its SETUP_FINALLY, in co_stacksize.
   */
  unreached: number;
}

export function stackDepth311(co: CodeObject, target: Target): number {
  return stackDepthReport311(co, target).depth;
}

export function stackDepthReport311(co: CodeObject, target: Target): StackDepthReport {
  const table = opcodeTable(target);
  const code = co.code.value;
  const units = code.length >> 1;
  // instructions (EXTENDED_ARG folded) and, for every code unit, the instruction it belongs to
  const ops: number[] = [];
  const args: number[] = [];
  const offsets: number[] = [];
  const unitToInstr = new Int32Array(units + 1).fill(-1);
  let ext = 0;
  let prefixStart = -1;
  const extended = table.number.get('EXTENDED_ARG');
  for (let u = 0; u < units; ) {
    const op = code[2 * u]!;
    const arg = code[2 * u + 1]! | ext;
    if (prefixStart < 0) prefixStart = u;
    if (op === extended) {
      ext = arg << 8;
      u++;
      continue;
    }
    const index = ops.length;
    ops.push(op);
    args.push(arg);
    offsets.push(2 * u);
    for (let k = prefixStart; k <= u; k++) unitToInstr[k] = index;
    ext = 0;
    prefixStart = -1;
    const caches = table.cacheEntries[table.deopt[op]!]!;
    for (let k = 1; k <= caches && u + k < units; k++) unitToInstr[u + k] = index;
    u += 1 + caches;
  }
  const handlers = decodeExceptionTable(co.exceptiontable?.value ?? new Uint8Array(0));
  const depthAt = new Int32Array(ops.length).fill(-1);
  const work: [number, number][] = [[0, 0]];
  let max = 0;
  const push = (instr: number, depth: number) => {
    if (instr < 0 || instr >= ops.length) throw new StackDepthError(`jump outside the code (${instr})`);
    if (depthAt[instr]! < 0) work.push([instr, depth]);
  };
  while (work.length) {
    let [i, depth] = work.pop()!;
    while (i < ops.length && depthAt[i]! < 0) {
      depthAt[i] = depth;
      const unit = offsets[i]! >> 1;
      for (const h of handlers) {
        if (unit >= h.start && unit < h.end) {
          const d = h.depth + (h.lasti ? 1 : 0) + 1;
          max = Math.max(max, d);
          push(unitToInstr[h.target]!, d);
          break;
        }
      }
      const op = ops[i]!;
      const name = table.name[table.deopt[op]!]!;
      const arg = args[i]!;
      // RETURN_GENERATOR's value is popped by the POP_TOP after it: the pair counts as depth 1
      const effect = name === 'RETURN_GENERATOR' ? 1 : stackEffect311(name, arg, false);
      if (effect === undefined) throw new StackDepthError(`no stack effect for ${name}`);
      if (table.flags[table.deopt[op]!]! & (HAS_JREL | HAS_JABS)) {
        const to = jumpTarget(table, target.minor, op, arg, offsets[i]!);
        if (to !== null) {
          const jd = depth + stackEffect311(name, arg, true)!;
          max = Math.max(max, jd);
          push(unitToInstr[to >> 1]!, jd);
        }
      }
      depth += effect;
      max = Math.max(max, depth);
      if (ENDS_FLOW.has(name)) break;
      i++;
    }
  }
  let unreached = 0;
  for (let k = 0; k < ops.length; k++) if (depthAt[k]! < 0) unreached++;
  return { depth: max, unreached };
}
