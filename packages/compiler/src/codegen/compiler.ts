// The compiler's state and its emitting primitives: compile.c's struct compiler, compiler_addop*,
// compiler_nameop, compiler_enter_scope / compiler_exit_scope. The visitors live in their own
// files and call these.
import { ConstantIds, type PyValue, type Target } from '@tspyc/bytecode';
import type { CompileWarning } from '../parser/parser-base.js';
import { PySyntaxError } from '../diagnostics/index.js';
import {
  BlockType,
  CELL,
  cellvars as cellvarsOf,
  FREE,
  freevars as freevarsOf,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  mangle,
  type FutureFeatures,
  type SymbolTable,
} from '../symtable/index.js';
import { BasicBlock, NO_LOCATION as NO_LOC, Op, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH, type Instr, type Location } from './ir.js';
import { CompilerUnit, ScopeType, type FBlock, type FBlockType, type IndexTable } from './unit.js';

function isSetup(opcode: number): boolean {
  return opcode === SETUP_FINALLY || opcode === SETUP_CLEANUP || opcode === SETUP_WITH;
}

/** IS_SCOPE_EXIT_OPCODE and the raise family: nothing follows them in their block */
function isExit(opcode: number): boolean {
  return opcode === Op.RETURN_VALUE || opcode === Op.RAISE_VARARGS || opcode === Op.RERAISE;
}

export type ExprContext = 'Load' | 'Store' | 'Del';

/** anything with a source span (statements, expressions, arguments, patterns, …) */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

export function locOf(n: Located): Location {
  return { lineno: n.lineno, endLineno: n.end_lineno ?? n.lineno, colOffset: n.col_offset, endColOffset: n.end_col_offset ?? n.col_offset };
}

export class Compiler {
  readonly units: CompilerUnit[] = [];
  u!: CompilerUnit;
  /** c_nestlevel */
  nestlevel = 0;
  /** c_interactive */
  interactive = false;
  private lines: string[] | null = null;
  /** the module's constant classes, shared by its units */
  private readonly constIds = new ConstantIds();

  constructor(
    readonly st: SymbolTable,
    readonly future: FutureFeatures,
    readonly filename: string,
    readonly optimize: 0 | 1 | 2,
    readonly target: Target,
    /** the source text, or a function giving it (decoded only when an error needs a line) */
    private readonly sourceText: string | null | (() => string | null),
    private readonly onWarning: ((w: CompileWarning) => void) | undefined,
  ) {}

  // ---- scopes ---------------------------------------------------------------------------------

  /** compiler_enter_scope */
  enterScope(name: string, scopeType: ScopeType, key: object, lineno: number): void {
    const ste = this.st.lookup(key as never);
    const u = new CompilerUnit(name, scopeType, ste, lineno, cellvarsOf(ste), freevarsOf(ste), this.constIds);
    if (this.u) {
      this.units.push(this.u);
      u.privateName = this.u.privateName;
    }
    this.u = u;
    this.nestlevel++;
    if (scopeType === ScopeType.Module) {
      u.loc = { lineno: 0, endLineno: u.loc.endLineno, colOffset: u.loc.colOffset, endColOffset: u.loc.endColOffset };
    } else {
      this.setQualname();
    }
    this.addopI(Op.RESUME, 0);
    if (scopeType === ScopeType.Module) u.unsetLoc();
  }

  /** compiler_exit_scope */
  exitScope(): void {
    this.nestlevel--;
    const parent = this.units.pop();
    if (parent) this.u = parent;
    else (this as { u: CompilerUnit | undefined }).u = undefined;
  }

  /** compiler_set_qualname */
  private setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    // the module's unit is at the bottom of the stack and gives no prefix
    const parent = this.units.length > 1 ? this.units[this.units.length - 1]! : null;
    if (parent) {
      let forceGlobal = false;
      if (u.scopeType === ScopeType.Function || u.scopeType === ScopeType.AsyncFunction || u.scopeType === ScopeType.Class) {
        const mangled = mangle(parent.privateName, u.name);
        if (parent.ste.getScope(mangled) === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        const p = parent.scopeType;
        base = p === ScopeType.Function || p === ScopeType.AsyncFunction || p === ScopeType.Lambda ? parent.qualname + '.<locals>' : parent.qualname;
      }
    }
    u.qualname = base !== null ? base + '.' + u.name : u.name;
  }

  // ---- blocks ---------------------------------------------------------------------------------

  newBlock(): BasicBlock {
    return this.u.newBlock();
  }

  /** compiler_use_next_block: `block` follows the current block and becomes current */
  useNextBlock(block: BasicBlock): void {
    this.u.curblock.next = block;
    this.u.curblock = block;
  }

  /** compiler_next_block */
  nextBlock(): void {
    this.useNextBlock(this.newBlock());
  }

  // ---- emitting -------------------------------------------------------------------------------

  private emit(opcode: number, oparg: number, target: BasicBlock | null, loc: Location): void {
    const last = this.u.curblock.last;
    // a jump or an exit ends its block (compile.c's callers always start a new one after)
    if (last && (last.target !== null && !isSetup(last.opcode) || isExit(last.opcode))) this.nextBlock();
    const instr: Instr = { opcode, oparg, target, loc, except: null };
    this.u.curblock.instrs.push(instr);
  }

  addop(opcode: number): void {
    this.emit(opcode, 0, null, this.u.loc);
  }
  addopNoLine(opcode: number): void {
    this.emit(opcode, 0, null, NO_LOC);
  }
  addopI(opcode: number, oparg: number): void {
    this.emit(opcode, oparg, null, this.u.loc);
  }
  addopINoLine(opcode: number, oparg: number): void {
    this.emit(opcode, oparg, null, NO_LOC);
  }
  /** ADDOP_JUMP; the instruction after a jump starts a new block, as compile.c's callers ensure */
  addopJ(opcode: number, target: BasicBlock): void {
    this.emit(opcode, 0, target, this.u.loc);
  }
  addopJNoLine(opcode: number, target: BasicBlock): void {
    this.emit(opcode, 0, target, NO_LOC);
  }
  /** ADDOP_LOAD_CONST */
  loadConst(v: PyValue): void {
    this.addopI(Op.LOAD_CONST, this.u.addConst(v));
  }
  /** compiler_addop_name: the name mangled, then added to `table` */
  addopName(opcode: number, table: IndexTable, name: string): void {
    this.addopI(opcode, table.add(mangle(this.u.privateName, name)));
  }

  /** the current location, for code that must restore it (compiler_visit_expr) */
  saveLoc(): Location {
    return this.u.loc;
  }
  /** SET_LOC: the span of an AST node */
  setLoc(n: Located): void {
    // the span in force already (an expression statement's expression, a call's second SET_LOC):
    // its Location object serves, instructions only read theirs
    const cur = this.u.loc;
    const lineno = n.lineno;
    const colOffset = n.col_offset;
    const endLineno = n.end_lineno ?? lineno;
    const endColOffset = n.end_col_offset ?? colOffset;
    if (cur.lineno === lineno && cur.colOffset === colOffset && cur.endLineno === endLineno && cur.endColOffset === endColOffset) return;
    this.u.loc = { lineno, endLineno, colOffset, endColOffset };
  }
  /** a saved or computed location back in force */
  restoreLoc(loc: Location): void {
    this.u.loc = loc;
  }

  // ---- names ----------------------------------------------------------------------------------

  /** compiler_nameop */
  nameop(name: string, ctx: ExprContext): void {
    const u = this.u;
    this.checkForbiddenName(name, ctx);
    const mangled = mangle(u.privateName, name);
    const scope = u.ste.getScope(mangled);
    const isFunction = u.ste.type === BlockType.FunctionBlock;
    let kind: 'deref' | 'fast' | 'global' | 'name' = 'name';
    let table: IndexTable = u.names;
    if (scope === FREE) {
      table = u.freevars;
      kind = 'deref';
    } else if (scope === CELL) {
      table = u.cellvars;
      kind = 'deref';
    } else if (scope === LOCAL) {
      if (isFunction) kind = 'fast';
    } else if (scope === GLOBAL_IMPLICIT) {
      if (isFunction) kind = 'global';
    } else if (scope === GLOBAL_EXPLICIT) {
      kind = 'global';
    }
    switch (kind) {
      case 'deref': {
        const op = ctx === 'Load' ? (u.ste.type === BlockType.ClassBlock ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF) : ctx === 'Store' ? Op.STORE_DEREF : Op.DELETE_DEREF;
        this.addopI(op, table.get(mangled)!);
        return;
      }
      case 'fast':
        this.addopI(ctx === 'Load' ? Op.LOAD_FAST : ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST, u.varnames.add(mangled));
        return;
      case 'global': {
        const arg = u.names.add(mangled);
        if (ctx === 'Load') this.addopI(Op.LOAD_GLOBAL, arg << 1);
        else this.addopI(ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, arg);
        return;
      }
      case 'name':
        this.addopI(ctx === 'Load' ? Op.LOAD_NAME : ctx === 'Store' ? Op.STORE_NAME : Op.DELETE_NAME, u.names.add(mangled));
        return;
    }
  }

  /** forbidden_name */
  checkForbiddenName(name: string, ctx: ExprContext): void {
    if (ctx === 'Store' && name === '__debug__') throw this.error('cannot assign to __debug__');
    if (ctx === 'Del' && name === '__debug__') throw this.error('cannot delete __debug__');
  }

  /** get_ref_type */
  refType(name: string): number {
    if (this.u.scopeType === ScopeType.Class && name === '__class__') return CELL;
    const scope = this.u.ste.getScope(name);
    if (scope === 0) throw new Error(`get_ref_type: unknown scope for ${name} in ${this.u.name}`);
    return scope;
  }

  // ---- frame blocks ---------------------------------------------------------------------------

  /** compiler_push_fblock */
  pushFBlock(type: FBlockType, block: BasicBlock, exit: BasicBlock | null, datum: unknown = null): void {
    if (this.u.fblocks.length >= 20) throw this.error('too many statically nested blocks');
    this.u.fblocks.push({ type, block, exit, datum });
  }
  popFBlock(): FBlock {
    return this.u.fblocks.pop()!;
  }

  // ---- diagnostics ----------------------------------------------------------------------------

  lineText(lineno: number): string | null {
    const text = typeof this.sourceText === 'function' ? this.sourceText() : this.sourceText;
    if (text === null) return null;
    this.lines ??= text.split(/(?<=\n)/);
    return this.lines[lineno - 1] ?? null;
  }

  /** compiler_error: a SyntaxError at the current location */
  error(msg: string, at?: Located): PySyntaxError {
    const loc = at ? locOf(at) : this.u.loc;
    return new PySyntaxError('SyntaxError', msg, this.filename, loc.lineno, loc.colOffset + 1, this.lineText(loc.lineno), loc.endLineno, loc.endColOffset + 1);
  }

  /** compiler_warn: a SyntaxWarning at the current location */
  warn(msg: string, at?: Located): void {
    const loc = at ? locOf(at) : this.u.loc;
    this.onWarning?.({ category: 'SyntaxWarning', message: msg, filename: this.filename, lineno: loc.lineno, error: this.error(msg, at) });
  }
}

