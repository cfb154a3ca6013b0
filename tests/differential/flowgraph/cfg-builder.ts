// Hand-built control-flow graphs for the flow-graph tests, written the way 3.11's compile.c builds
// them: blocks are allocated explicitly (compiler_new_block) and laid out with use()
// (compiler_use_next_block); an instruction after a jump or scope exit opens a new implicit block.
import { None, PyInt, PyStr, opcodeTable, targetForVersion, type PyValue } from '@tspyc/bytecode';
import { BasicBlock, PSEUDO_NAMES, type Instr, type Location } from '../../../packages/compiler/src/codegen/ir.js';
import type { CfgUnit } from '../../../packages/compiler/src/codegen/flowgraph/input.js';
import { isJumpOpcode, isScopeExitOpcode } from '../../../packages/compiler/src/codegen/flowgraph/opcode-kinds.js';

const opmap = opcodeTable(targetForVersion('3.11')!).number;
const pseudo = new Map(Object.entries(PSEUDO_NAMES).map(([n, name]) => [name, Number(n)]));

export function opcodeOf(name: string): number {
  const n = pseudo.get(name) ?? opmap.get(name);
  if (n === undefined) throw new Error(`no opcode ${name}`);
  return n;
}

/** a location: line, end line, column, end column */
export function L(lineno: number, endLineno: number, colOffset: number, endColOffset: number): Location {
  return { lineno, endLineno, colOffset, endColOffset };
}
/** ADDOP_NOLINE / ADDOP_JUMP_NOLINE */
export const NOLINE = L(-1, 0, 0, 0);
/** UNSET_LOC */
export const UNSET = L(-1, -1, -1, -1);

export type ConstSpec = null | number | string;

function constValue(c: ConstSpec): PyValue {
  if (c === null) return None;
  if (typeof c === 'number') return new PyInt(BigInt(c));
  return new PyStr(c);
}

export class Cfg {
  readonly blocks: BasicBlock[] = [];
  readonly entry: BasicBlock;
  private cur: BasicBlock;
  readonly consts: PyValue[];

  constructor(consts: ConstSpec[]) {
    this.consts = consts.map(constValue);
    this.entry = this.newBlock();
    this.cur = this.entry;
  }

  newBlock(): BasicBlock {
    const b = new BasicBlock();
    this.blocks.push(b);
    return b;
  }

  /** compiler_use_next_block */
  use(b: BasicBlock): this {
    this.cur.next = b;
    this.cur = b;
    return this;
  }

  op(name: string, oparg: number, loc: Location, target: BasicBlock | null = null): this {
    const last = this.cur.last;
    if (last !== undefined && (isJumpOpcode(last.opcode) || isScopeExitOpcode(last.opcode))) this.use(this.newBlock());
    const instr: Instr = { opcode: opcodeOf(name), oparg, target, loc };
    this.cur.instrs.push(instr);
    return this;
  }

  unit(opts: Partial<Pick<CfgUnit, 'firstlineno' | 'flags' | 'nlocals' | 'cellvars' | 'cellArgIndex' | 'freevars'>> = {}): CfgUnit {
    const consts = this.consts;
    const key = (v: PyValue) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));
    return {
      entry: this.entry,
      blocks: this.blocks,
      consts,
      addConst(v: PyValue): number {
        const k = key(v);
        const at = consts.findIndex((c) => c.kind === v.kind && key(c) === k);
        if (at >= 0) return at;
        consts.push(v);
        return consts.length - 1;
      },
      firstlineno: opts.firstlineno ?? 0,
      flags: opts.flags ?? 0,
      nlocals: opts.nlocals ?? 0,
      cellvars: opts.cellvars ?? [],
      cellArgIndex: opts.cellArgIndex ?? [],
      freevars: opts.freevars ?? [],
    };
  }
}
