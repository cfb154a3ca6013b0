// Per-version opcode tables in the shape the disassembler, assembler and VM want: numeric arrays
// indexed by opcode. CPython counterpart: Lib/opcode.py (opmap, has*, _inline_cache_entries) and
// Lib/dis.py (_all_opname, deoptmap).
import type { Target, VersionKey } from '../target.js';
import type { OpcodeFacts } from './facts.js';
import { py27 } from './generated/py27.js';
import { py36 } from './generated/py36.js';
import { py37 } from './generated/py37.js';
import { py38 } from './generated/py38.js';
import { py39 } from './generated/py39.js';
import { py310 } from './generated/py310.js';
import { py311 } from './generated/py311.js';
import { py312 } from './generated/py312.js';
import { py313 } from './generated/py313.js';

/** Bits of OpcodeTable.flags: one per `has*` list of Lib/opcode.py. */
export const HAS_ARG = 1 << 0;
export const HAS_CONST = 1 << 1;
export const HAS_NAME = 1 << 2;
export const HAS_JREL = 1 << 3;
export const HAS_JABS = 1 << 4;
export const HAS_LOCAL = 1 << 5;
export const HAS_COMPARE = 1 << 6;
export const HAS_FREE = 1 << 7;
export const HAS_NARGS = 1 << 8;
export const HAS_EXC = 1 << 9;
export const HAS_JUMP = 1 << 10;

export interface OpcodeTable {
  readonly facts: OpcodeFacts;
  /** number of opcode slots (256, or more where pseudo-opcodes are listed) */
  readonly size: number;
  /** opcode → its name, specialised forms included (dis._all_opname) */
  readonly name: readonly string[];
  /** name → opcode, specialised forms included */
  readonly number: ReadonlyMap<string, number>;
  /** opcode → HAS_* bits */
  readonly flags: Uint16Array;
  /** opcode → inline CACHE units that follow it (0 before 3.11) */
  readonly cacheEntries: Uint8Array;
  /** opcode → the base opcode of a specialised form (itself otherwise) */
  readonly deopt: Uint16Array;
  readonly haveArgument: number;
  readonly extendedArg: number;
  /** CACHE's number (3.11+), -1 before */
  readonly cache: number;
}

const FACTS: Record<VersionKey, OpcodeFacts> = {
  '2.7': py27,
  '3.6': py36,
  '3.7': py37,
  '3.8': py38,
  '3.9': py39,
  '3.10': py310,
  '3.11': py311,
  '3.12': py312,
  '3.13': py313,
};

const tables = new Map<VersionKey, OpcodeTable>();

/** The opcode table of a target (built once, then shared). */
export function opcodeTable(target: Target | VersionKey): OpcodeTable {
  const version = typeof target === 'string' ? target : target.version;
  let table = tables.get(version);
  if (!table) {
    table = build(FACTS[version]);
    tables.set(version, table);
  }
  return table;
}

function build(f: OpcodeFacts): OpcodeTable {
  const size = Math.max(256, f.opname.length, f.all_opname.length);
  const name: string[] = [];
  for (let i = 0; i < size; i++) name.push(f.all_opname[i] ?? f.opname[i] ?? `<${i}>`);
  const number = new Map<string, number>();
  for (let i = 0; i < size; i++) if (!name[i]!.startsWith('<')) number.set(name[i]!, i);
  for (const [k, v] of Object.entries(f.opmap)) number.set(k, v);

  const flags = new Uint16Array(size);
  const mark = (list: number[] | null, bit: number) => {
    if (list) for (const op of list) flags[op]! |= bit;
  };
  if (f.hasarg) mark(f.hasarg, HAS_ARG);
  else for (let op = f.HAVE_ARGUMENT; op < size; op++) flags[op]! |= HAS_ARG;
  mark(f.hasconst, HAS_CONST);
  mark(f.hasname, HAS_NAME);
  mark(f.hasjrel, HAS_JREL);
  mark(f.hasjabs, HAS_JABS);
  mark(f.haslocal, HAS_LOCAL);
  mark(f.hascompare, HAS_COMPARE);
  mark(f.hasfree, HAS_FREE);
  mark(f.hasnargs, HAS_NARGS);
  mark(f.hasexc, HAS_EXC);
  mark(f.hasjump, HAS_JUMP);

  const deopt = new Uint16Array(size);
  for (let i = 0; i < size; i++) {
    const base = f.deoptmap[name[i]!];
    deopt[i] = base !== undefined ? number.get(base) ?? i : i;
  }
  const cacheEntries = new Uint8Array(size);
  if (f.inline_cache_entries) {
    for (let i = 0; i < size; i++) cacheEntries[i] = f.inline_cache_entries[deopt[i]!] ?? 0;
  }
  return {
    facts: f,
    size,
    name,
    number,
    flags,
    cacheEntries,
    deopt,
    haveArgument: f.HAVE_ARGUMENT,
    extendedArg: f.EXTENDED_ARG,
    cache: number.get('CACHE') ?? -1,
  };
}
