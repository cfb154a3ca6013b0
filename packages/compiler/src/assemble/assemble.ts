// The last step of compilation for 3.11 (Python/compile.c: assemble_jump_offsets, write_instr,
// write_location_info_entry, assemble_exception_table): laid-out instructions to co_code, the
// location table and the exception table. Jump arguments are resolved to code-unit distances,
// growing EXTENDED_ARG prefixes until the layout is stable; each instruction is followed by its
// inline CACHE units; each instruction (prefixes and caches included) gets its own location entry;
// consecutive instructions with the same handler share one exception-table range.
import { ExceptionTableWriter, LocationTableWriter, opcodeTable, type Position, type Target } from '@tspyc/bytecode';
import { copyBytes, takeBytes } from './byte-slab.js';

export interface Handler {
  /** index of the handler's first instruction */
  target: number;
  /** stack depth the handler unwinds to (before lasti and the exception are pushed) */
  depth: number;
  lasti: boolean;
}

export interface AsmInstruction {
  opcode: number;
  /** the argument; ignored for jumps, whose argument comes from `jumpTarget` */
  oparg: number;
  /** for a jump: the index of the instruction it goes to */
  jumpTarget: number | null;
  location: Position;
  handler: Handler | null;
}

/**
 * The same instruction list as parallel typed arrays, which the flow graph's linearize fills
 * without an object per instruction: jumpTargets holds -1 for an instruction that does not jump,
 * the location fields -1 where a Position has null, handlerIds an index into `handlers` or -1.
 */
export class LinearCode {
  opcodes: Int32Array;
  opargs: Int32Array;
  jumpTargets: Int32Array;
  lines: Int32Array;
  endLines: Int32Array;
  cols: Int32Array;
  endCols: Int32Array;
  handlerIds: Int32Array;
  /** the distinct handlers the instructions name */
  readonly handlers: Handler[] = [];
  length = 0;
  /**
   * the highest co_consts index a LOAD_CONST or KW_NAMES uses, 0 if none (the flow graph's
   * trim_unused_consts reads it; the assembler does not)
   */
  maxConstIndex = 0;

  constructor(capacity: number) {
    this.opcodes = new Int32Array(capacity);
    this.opargs = new Int32Array(capacity);
    this.jumpTargets = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.endLines = new Int32Array(capacity);
    this.cols = new Int32Array(capacity);
    this.endCols = new Int32Array(capacity);
    this.handlerIds = new Int32Array(capacity);
  }

  /**
   * The one list shared by every linearize call, emptied and grown to hold `capacity`
   * instructions: making typed arrays per code object cost more than the code objects' assembly
   * (the contents are valid until the next call, which assemble311 comes before).
   */
  static scratch(capacity: number): LinearCode {
    let s = sharedScratch;
    if (s === null || s.opcodes.length < capacity) s = sharedScratch = new LinearCode(Math.max(capacity, 2 * (s?.opcodes.length ?? 512)));
    s.length = 0;
    if (s.handlers.length > 0) s.handlers.length = 0;
    s.maxConstIndex = 0;
    return s;
  }

  static from(instrs: readonly AsmInstruction[]): LinearCode {
    const out = new LinearCode(instrs.length);
    const ids = new Map<Handler, number>();
    for (const i of instrs) {
      const p = i.location;
      let h = -1;
      if (i.handler !== null) {
        h = ids.get(i.handler) ?? -1;
        if (h < 0) ids.set(i.handler, (h = out.handlers.push(i.handler) - 1));
      }
      out.push(i.opcode, i.oparg, i.jumpTarget ?? -1, p.line ?? -1, p.endLine ?? -1, p.col ?? -1, p.endCol ?? -1, h);
    }
    return out;
  }

  /** the next instruction (at most `capacity` of them) */
  push(opcode: number, oparg: number, jumpTarget: number, line: number, endLine: number, col: number, endCol: number, handlerId: number): void {
    const k = this.length++;
    this.opcodes[k] = opcode;
    this.opargs[k] = oparg;
    this.jumpTargets[k] = jumpTarget;
    this.lines[k] = line;
    this.endLines[k] = endLine;
    this.cols[k] = col;
    this.endCols[k] = endCol;
    this.handlerIds[k] = handlerId;
  }
}

let sharedScratch: LinearCode | null = null;

export interface Assembled {
  code: Uint8Array;
  linetable: Uint8Array;
  exceptiontable: Uint8Array;
}

function extendedArgs(oparg: number): number {
  return (oparg > 0xffffff ? 1 : 0) + (oparg > 0xffff ? 1 : 0) + (oparg > 0xff ? 1 : 0);
}

interface JumpKinds {
  /** 1 for a relative jump */
  jrel: Uint8Array;
  /** 1 for a jump that counts backwards */
  backward: Uint8Array;
}

const jumpKindsCache = new Map<Target, JumpKinds>();

function jumpKinds(target: Target): JumpKinds {
  let kinds = jumpKindsCache.get(target);
  if (!kinds) {
    const table = opcodeTable(target);
    const jrel = new Uint8Array(256);
    const backward = new Uint8Array(256);
    for (let op = 0; op < 256; op++) {
      jrel[op] = table.flags[op]! & 8 /* HAS_JREL */ ? 1 : 0;
      backward[op] = (table.name[op] ?? '').includes('BACKWARD') ? 1 : 0;
    }
    jumpKindsCache.set(target, (kinds = { jrel, backward }));
  }
  return kinds;
}

// the table writers, reused by every call (their buffers outlive one code object's tables)
const lineWriter = new LocationTableWriter(0);
const exceptionWriter = new ExceptionTableWriter();

const scratch = { opargs: new Int32Array(0), caches: new Int32Array(0), sizes: new Int32Array(0), offsets: new Int32Array(0) };

function growScratch(min: number): void {
  const size = Math.max(min, 2 * scratch.opargs.length, 1024);
  scratch.opargs = new Int32Array(size);
  scratch.caches = new Int32Array(size);
  scratch.sizes = new Int32Array(size);
  scratch.offsets = new Int32Array(size);
}

export function assemble311(input: readonly AsmInstruction[] | LinearCode, firstLineno: number, target: Target): Assembled {
  const instrs = input instanceof LinearCode ? input : LinearCode.from(input);
  const table = opcodeTable(target);
  const { jrel, backward } = jumpKinds(target);
  const extendedArg = table.number.get('EXTENDED_ARG')!;
  const n = instrs.length;
  const { opcodes, jumpTargets, lines: locLines, endLines, cols, endCols, handlerIds, handlers } = instrs;
  // write_instr: an opcode below HAVE_ARGUMENT is written with argument 0 whatever it holds
  const haveArgument = table.facts.HAVE_ARGUMENT;
  // working arrays shared by every call (assembly is synchronous and never nested)
  if (scratch.opargs.length < n + 1) growScratch(n + 1);
  const { opargs, caches, sizes, offsets } = scratch;
  const cacheEntries = table.cacheEntries;
  // the first layout, with every jump's argument taken as 0 (no prefix)
  let total = 0;
  let jumps = false;
  for (let k = 0; k < n; k++) {
    const opcode = opcodes[k]!;
    const jump = jumpTargets[k] !== -1;
    if (jump) jumps = true;
    const oparg = !jump && opcode >= haveArgument ? instrs.opargs[k]! : 0;
    const cache = cacheEntries[opcode]!;
    opargs[k] = oparg;
    caches[k] = cache;
    const size = extendedArgs(oparg) + 1 + cache;
    sizes[k] = size;
    offsets[k] = total;
    total += size;
  }
  offsets[n] = total;
  // assemble_jump_offsets: resolve jumps, lay out again while a jump's prefix count changed
  for (let changed = jumps; changed; ) {
    changed = false;
    for (let k = 0; k < n; k++) {
      const to = jumpTargets[k]!;
      if (to === -1) continue;
      const after = offsets[k]! + sizes[k]!;
      const dest = offsets[to]!;
      const opcode = opcodes[k]!;
      // relative jumps count from the instruction after this one (backward ones count back)
      const arg = jrel[opcode] ? (backward[opcode] ? after - dest : dest - after) : dest;
      if (arg < 0) throw new Error(`${table.name[opcode]} at ${offsets[k]! * 2} cannot reach ${dest * 2}`);
      opargs[k] = arg;
      if (extendedArgs(arg) + 1 + caches[k]! !== sizes[k]) changed = true;
    }
    if (!changed) break;
    total = 0;
    for (let k = 0; k < n; k++) {
      sizes[k] = extendedArgs(opargs[k]!) + 1 + caches[k]!;
      offsets[k] = total;
      total += sizes[k]!;
    }
    offsets[n] = total;
  }
  const code = takeBytes(offsets[n]! * 2);
  lineWriter.reset(firstLineno);
  let at = 0;
  for (let k = 0; k < n; k++) {
    const oparg = opargs[k]!;
    for (let shift = 8 * extendedArgs(oparg); shift > 0; shift -= 8) {
      code[at++] = extendedArg;
      code[at++] = (oparg >>> shift) & 0xff;
    }
    code[at++] = opcodes[k]!;
    code[at++] = oparg & 0xff;
    at += 2 * caches[k]!; // CACHE 0
    lineWriter.addSpan(locLines[k]!, endLines[k]!, cols[k]!, endCols[k]!, sizes[k]!);
  }
  // assemble_exception_table: ranges of consecutive instructions with the same handler
  exceptionWriter.reset();
  let current: Handler | null = null;
  let start = 0;
  // (most code objects have no handler, and an empty table)
  for (let k = handlers.length > 0 ? 0 : n + 1; k <= n; k++) {
    const id = k < n ? handlerIds[k]! : -1;
    const h = id < 0 ? null : handlers[id]!;
    if (k === n || !sameHandler(h, current)) {
      if (current !== null) exceptionWriter.add(start, offsets[k]!, offsets[current.target]!, current.depth, current.lasti);
      start = offsets[k]!;
      current = h;
    }
  }
  return { code, linetable: copyBytes(lineWriter.written()), exceptiontable: copyBytes(exceptionWriter.written()) };
}

function sameHandler(a: Handler | null, b: Handler | null): boolean {
  return a === b || (a !== null && b !== null && a.target === b.target && a.depth === b.depth && a.lasti === b.lasti);
}
