// One code object being compiled: compile.c's struct compiler_unit.
import { Kind, type CodeObject, type ConstantIds, type PyValue } from '@tspyc/bytecode';
import type { SymbolTableEntry } from '../symtable/index.js';
import { sameCode } from './const-key.js';
import { BasicBlock, NO_LOCATION, type Location } from './ir.js';

export enum ScopeType {
  Module,
  Class,
  Function,
  AsyncFunction,
  Lambda,
  Comprehension,
}

export enum FBlockType {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator,
}

/** struct fblockinfo: a frame block codegen must unwind on break / continue / return */
export interface FBlock {
  type: FBlockType;
  block: BasicBlock;
  /** the block to jump to on exit (loops' exits) */
  exit: BasicBlock | null;
  /** extra data: the finally body (FinallyTry), the handler name (HandlerCleanup) */
  datum: unknown;
}

/** a name → index table that grows in order of first use (compile.c's dicts of names) */
export class IndexTable {
  /** made on the first name: most units leave their cell and free tables empty */
  private map: Map<string, number> | null = null;
  /** the names in index order */
  private readonly names: string[] = [];
  constructor(
    names: readonly string[] = [],
    private readonly offset = 0,
  ) {
    for (let i = 0; i < names.length; i++) this.add(names[i]!);
  }
  add(name: string): number {
    const map = (this.map ??= new Map());
    let i = map.get(name);
    if (i === undefined) {
      map.set(name, (i = this.offset + this.names.length));
      this.names.push(name);
    }
    return i;
  }
  get(name: string): number | undefined {
    return this.map === null ? undefined : this.map.get(name);
  }
  get size(): number {
    return this.names.length;
  }
  /** the names in index order (the table's own array: not to be changed) */
  keys(): readonly string[] {
    return this.names;
  }
}

export class CompilerUnit {
  qualname = '';
  /** u_private: the class name private names are mangled with */
  privateName: string | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  readonly consts: PyValue[] = [];
  /** consts' indices by their _PyCode_ConstantKey class (ids shared by the module's units) */
  private readonly constIndex = new Map<number, number>();
  /** indices of the code objects among consts */
  private readonly codeConsts: number[] = [];
  readonly names = new IndexTable();
  readonly varnames: IndexTable;
  readonly cellvars: IndexTable;
  readonly freevars: IndexTable;
  readonly fblocks: FBlock[] = [];
  /** every block allocated, in allocation order */
  readonly blocks: BasicBlock[] = [];
  readonly entry: BasicBlock;
  curblock: BasicBlock;
  /** the location new instructions get (u_lineno, u_end_lineno, u_col_offset, u_end_col_offset) */
  loc: Location;
  /** u_firstlineno */
  firstlineno: number;

  constructor(
    readonly name: string,
    readonly scopeType: ScopeType,
    readonly ste: SymbolTableEntry,
    lineno: number,
    cellvars: readonly string[],
    freevars: readonly string[],
    private readonly constIds: ConstantIds,
  ) {
    this.varnames = new IndexTable(ste.varnames);
    this.cellvars = new IndexTable(cellvars);
    // free variables are numbered after the cells (compile.c's dictbytype offset)
    this.freevars = new IndexTable(freevars, cellvars.length);
    this.firstlineno = lineno;
    this.loc = { lineno, endLineno: lineno, colOffset: 0, endColOffset: 0 };
    this.entry = this.newBlock();
    this.curblock = this.entry;
  }

  newBlock(): BasicBlock {
    const b = new BasicBlock();
    this.blocks.push(b);
    return b;
  }

  /** compiler_add_const: the index of a constant, merged by _PyCode_ConstantKey */
  addConst(v: PyValue): number {
    if (v.kind === Kind.Code) return this.addCodeConst(v);
    const key = this.constIds.of(v);
    let i = this.constIndex.get(key);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(v);
      this.constIndex.set(key, i);
    }
    return i;
  }

  /** a code object merges with an equal one already added (never with a constant of another kind) */
  private addCodeConst(co: CodeObject): number {
    for (const i of this.codeConsts) if (sameCode(this.consts[i] as CodeObject, co)) return i;
    const i = this.consts.length;
    this.consts.push(co);
    this.codeConsts.push(i);
    return i;
  }

  unsetLoc(): void {
    this.loc = NO_LOCATION;
  }
}
