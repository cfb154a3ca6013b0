// One block of the symbol table: PySTEntryObject of CPython 3.11 (Include/internal/pycore_symtable.h).
import { BlockType, ComprehensionType, SCOPE_MASK, SCOPE_OFFSET } from './flags.js';

/** where a global / nonlocal statement (or a walrus target it stands for) named a name */
export interface Directive {
  readonly name: string;
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number | null;
  readonly end_col_offset: number | null;
}

export class SymbolTableEntry {
  /** symbol name (mangled) → flags: DEF_* bits, and after analysis the scope at SCOPE_OFFSET */
  readonly symbols = new Map<string, number>();
  /** parameters, in order (ste_varnames) */
  readonly varnames: string[] = [];
  /** nested blocks, in source order */
  readonly children: SymbolTableEntry[] = [];
  /** global and nonlocal statements, for error locations */
  directives: Directive[] | null = null;
  /** true if the block is nested in a function (ste_nested) */
  nested = false;
  /** the block has free variables, including free refs to globals when nested */
  free = false;
  /** a child block has free variables */
  childFree = false;
  isGenerator = false;
  isCoroutine = false;
  comprehension: ComprehensionType = ComprehensionType.NoComprehension;
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  /** for class blocks: a closure over __class__ must be created */
  needsClassClosure = false;
  /** visiting a comprehension's target (ste_comp_iter_target) */
  compIterTarget = false;
  /** > 0 while visiting a comprehension's iterable expression (ste_comp_iter_expr) */
  compIterExpr = 0;

  constructor(
    readonly name: string,
    readonly type: BlockType,
    /** the AST node the block belongs to (st_blocks key) */
    readonly key: object,
    readonly lineno: number,
    readonly col_offset: number,
    readonly end_lineno: number | null,
    readonly end_col_offset: number | null,
  ) {}

  /** _PyST_GetSymbol: the flags of a (mangled) name, 0 when absent */
  getSymbol(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** _PyST_GetScope: LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL or 0 */
  getScope(name: string): number {
    return ((this.symbols.get(name) ?? 0) >> SCOPE_OFFSET) & SCOPE_MASK;
  }

  get isComprehension(): boolean {
    return this.comprehension !== ComprehensionType.NoComprehension;
  }

  /** symtable.py's is_optimized(): a function-like block */
  get isOptimized(): boolean {
    return this.type === BlockType.FunctionBlock;
  }
}
