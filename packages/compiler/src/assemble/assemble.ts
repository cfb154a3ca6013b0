// The last step of compilation for 3.11 (Python/compile.c: assemble_jump_offsets, write_instr,
// write_location_info_entry, assemble_exception_table): laid-out instructions to co_code, the
// location table and the exception table. Jump arguments are resolved to code-unit distances,
// growing EXTENDED_ARG prefixes until the layout is stable; each instruction is followed by its
// inline CACHE units; each instruction (prefixes and caches included) gets its own location entry;
// consecutive instructions with the same handler share one exception-table range.
import { encodeExceptionTable, LocationTableWriter, opcodeTable, type ExceptionTableEntry, type LocationRun, type Position, type Target } from '@tspyc/bytecode';

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

export function assemble311(instrs: readonly AsmInstruction[], firstLineno: number, target: Target): Assembled {
  const table = opcodeTable(target);
  const { jrel, backward } = jumpKinds(target);
  const extendedArg = table.number.get('EXTENDED_ARG')!;
  const n = instrs.length;
  // write_instr: an opcode below HAVE_ARGUMENT is written with argument 0 whatever it holds
  const haveArgument = table.facts.HAVE_ARGUMENT;
  // plain loops: TypedArray.from with a mapping function goes through the iterator protocol
  const opargs = new Int32Array(n);
  const caches = new Int32Array(n);
  const cacheEntries = table.cacheEntries;
  for (let k = 0; k < n; k++) {
    const i = instrs[k]!;
    opargs[k] = i.jumpTarget === null && i.opcode >= haveArgument ? i.oparg : 0;
    caches[k] = cacheEntries[i.opcode]!;
  }
  const sizes = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  // assemble_jump_offsets: lay out, resolve jumps, repeat while a jump's prefix count changed
  for (let changed = true; changed; ) {
    let total = 0;
    for (let k = 0; k < n; k++) {
      sizes[k] = extendedArgs(opargs[k]!) + 1 + caches[k]!;
      offsets[k] = total;
      total += sizes[k]!;
    }
    offsets[n] = total;
    changed = false;
    for (let k = 0; k < n; k++) {
      const to = instrs[k]!.jumpTarget;
      if (to === null) continue;
      const after = offsets[k]! + sizes[k]!;
      const dest = offsets[to]!;
      const opcode = instrs[k]!.opcode;
      // relative jumps count from the instruction after this one (backward ones count back)
      const arg = jrel[opcode] ? (backward[opcode] ? after - dest : dest - after) : dest;
      if (arg < 0) throw new Error(`${table.name[opcode]} at ${offsets[k]! * 2} cannot reach ${dest * 2}`);
      opargs[k] = arg;
      if (extendedArgs(arg) + 1 + caches[k]! !== sizes[k]) changed = true;
    }
  }
  const code = new Uint8Array(offsets[n]! * 2);
  const lines = new LocationTableWriter(firstLineno);
  const run: LocationRun = { line: null, endLine: null, col: null, endCol: null, units: 0 };
  let at = 0;
  for (let k = 0; k < n; k++) {
    const oparg = opargs[k]!;
    for (let shift = 8 * extendedArgs(oparg); shift > 0; shift -= 8) {
      code[at++] = extendedArg;
      code[at++] = (oparg >>> shift) & 0xff;
    }
    code[at++] = instrs[k]!.opcode;
    code[at++] = oparg & 0xff;
    at += 2 * caches[k]!; // CACHE 0
    const loc = instrs[k]!.location;
    run.line = loc.line;
    run.endLine = loc.endLine;
    run.col = loc.col;
    run.endCol = loc.endCol;
    run.units = sizes[k]!;
    lines.add(run);
  }
  // assemble_exception_table: ranges of consecutive instructions with the same handler
  const entries: ExceptionTableEntry[] = [];
  let current: Handler | null = null;
  let start = 0;
  const same = (a: Handler | null, b: Handler | null) => a === b || (a !== null && b !== null && a.target === b.target && a.depth === b.depth && a.lasti === b.lasti);
  for (let k = 0; k <= n; k++) {
    const h = k < n ? instrs[k]!.handler : null;
    if (k === n || !same(h, current)) {
      if (current !== null) entries.push({ start, end: offsets[k]!, target: offsets[current.target]!, depth: current.depth, lasti: current.lasti });
      start = offsets[k]!;
      current = h;
    }
  }
  return { code, linetable: lines.finish(), exceptiontable: encodeExceptionTable(entries) };
}
