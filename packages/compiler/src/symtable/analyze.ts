// The second pass of Python/symtable.c (3.11): decide the scope of every name of every block —
// analyze_block, analyze_name, analyze_cells, drop_class_free, update_symbols.
import { PySyntaxError } from '../diagnostics/index.js';
import type { SymbolTableEntry } from './entry.js';
import {
  BlockType,
  CELL,
  DEF_BOUND,
  DEF_FREE_CLASS,
  DEF_GLOBAL,
  DEF_NONLOCAL,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  SCOPE_OFFSET,
} from './flags.js';
import { NO_BINDING_FOR_NONLOCAL, NONLOCAL_AND_GLOBAL, NONLOCAL_AT_MODULE_LEVEL } from './messages.js';

/** where errors go: the file name, and the source line of an error (null when unknown) */
export interface ErrorContext {
  readonly filename: string;
  lineText(lineno: number): string | null;
}

/** the analysis of the whole tree, from the module block down */
export function analyze(top: SymbolTableEntry, ctx: ErrorContext): void {
  analyzeBlock(top, null, new Set(), new Set(), ctx);
}

/** error_at_directive: the error points at the first global/nonlocal statement naming `name` */
function errorAtDirective(ste: SymbolTableEntry, name: string, msg: string, ctx: ErrorContext): PySyntaxError {
  for (const d of ste.directives ?? []) {
    if (d.name === name) {
      return new PySyntaxError(
        'SyntaxError',
        msg,
        ctx.filename,
        d.lineno,
        d.col_offset + 1,
        ctx.lineText(d.lineno),
        d.end_lineno,
        d.end_col_offset === null ? null : d.end_col_offset + 1,
      );
    }
  }
  throw new Error('BUG: internal directive bookkeeping broken');
}

/** the free variables of a block with no children: none */
const EMPTY_FREE: ReadonlySet<string> = new Set<string>();

/** analyze_name: the scope of one name, given its flags; may update local, free, global, bound */
function analyzeName(
  ste: SymbolTableEntry,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
  ctx: ErrorContext,
): number {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) throw errorAtDirective(ste, name, NONLOCAL_AND_GLOBAL(name), ctx);
    global.add(name);
    if (bound) bound.delete(name);
    return GLOBAL_EXPLICIT;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) throw errorAtDirective(ste, name, NONLOCAL_AT_MODULE_LEVEL, ctx);
    if (!bound.has(name)) throw errorAtDirective(ste, name, NO_BINDING_FOR_NONLOCAL(name), ctx);
    ste.free = true;
    free.add(name);
    return FREE;
  }
  if (flags & DEF_BOUND) {
    if (local !== null) local.add(name);
    global.delete(name);
    return LOCAL;
  }
  // If an enclosing block has a binding for this name, it is a free variable rather than a global.
  if (bound && bound.has(name)) {
    ste.free = true;
    free.add(name);
    return FREE;
  }
  // If a parent has a global statement, then call it global explicit? It could also be implicit.
  if (global.has(name)) {
    return GLOBAL_IMPLICIT;
  }
  if (ste.nested) ste.free = true;
  return GLOBAL_IMPLICIT;
}

/** analyze_cells: a local that a child uses free becomes a cell, and is no longer free */
function analyzeCells(names: readonly string[], scopes: number[], free: Set<string>): void {
  for (let i = 0; i < names.length; i++) {
    if (scopes[i] !== LOCAL || !free.has(names[i]!)) continue;
    scopes[i] = CELL;
    free.delete(names[i]!);
  }
}

/** drop_class_free: a free __class__ in a method is provided by the class (its implicit cell) */
function dropClassFree(ste: SymbolTableEntry, free: Set<string>): void {
  if (free.delete('__class__')) ste.needsClassClosure = true;
}

/** update_symbols: record the scopes, and the free variables of children not yet resolved */
function updateSymbols(
  symbols: Map<string, number>,
  scopes: readonly number[],
  bound: Set<string> | null,
  free: ReadonlySet<string>,
  classflag: boolean,
): void {
  // (the symbols are those analyze_name saw, in the same order; forEach makes no entry pairs)
  let i = 0;
  symbols.forEach((flags, name) => symbols.set(name, flags | (scopes[i++]! << SCOPE_OFFSET)));
  const freeValue = FREE << SCOPE_OFFSET;
  for (const name of free) {
    const v = symbols.get(name);
    if (v !== undefined) {
      // a free variable in a method of the class that has the same name as a local or global
      // in the class scope
      if (classflag && v & (DEF_BOUND | DEF_GLOBAL)) symbols.set(name, v | DEF_FREE_CLASS);
      // it's a cell, or already free in this scope
      continue;
    }
    // a global
    if (bound && !bound.has(name)) continue;
    // propagate the new free symbol up the lexical stack
    symbols.set(name, freeValue);
  }
}

/**
 * analyze_block: bound is the set of names bound in enclosing function scopes (null for the
 * module), free collects the free variables of this block and those below, global the names
 * declared global in enclosing scopes. A class's bindings are not visible in nested blocks.
 */
function analyzeBlock(
  ste: SymbolTableEntry,
  bound: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
  ctx: ErrorContext,
): void {
  // bound and global are shared with the siblings: copied here only when this block changes them
  // (analyze_child_block's copies, made where they are needed)
  let copyGlobal = false;
  let copyBound = false;
  ste.symbols.forEach((flags, name) => {
    if (flags & DEF_GLOBAL) {
      copyGlobal = true;
      if (bound !== null && bound.has(name)) copyBound = true;
    } else if (!(flags & DEF_NONLOCAL) && flags & DEF_BOUND && global.has(name)) {
      copyGlobal = true;
    }
  });
  if (copyGlobal) global = new Set(global);
  if (copyBound) bound = new Set(bound);
  const isClass = ste.type === BlockType.ClassBlock;
  const isFunction = ste.type === BlockType.FunctionBlock;
  // what the children see (newbound, newglobal) and report (newfree), the locals and the names
  // in symbol order that only serve them: not made for a block with no children, as most are
  const hasChildren = ste.children.length > 0;
  let newglobal: Set<string> | null = null;
  let newbound: Set<string> | null = null;
  if (hasChildren && isClass) {
    // Class namespace has no effect on names visible in nested functions: what children see is
    // fixed before this block's names are analyzed.
    newglobal = new Set(global);
    newbound = bound ? new Set(bound) : new Set();
  }
  const local = hasChildren && isFunction ? new Set<string>() : null;
  // each symbol's scope, in the block's symbol order (arrays: a map per block cost more)
  const names: string[] | null = local !== null ? [] : null;
  const scopes: number[] = [];
  ste.symbols.forEach((flags, name) => {
    if (names !== null) names.push(name);
    scopes.push(analyzeName(ste, name, flags, bound, local, free, global, ctx));
  });
  if (!hasChildren) {
    updateSymbols(ste.symbols, scopes, bound, EMPTY_FREE, isClass);
    return;
  }

  if (newglobal === null || newbound === null) {
    newglobal = new Set();
    newbound = new Set();
    if (local !== null) for (const n of local) newbound.add(n);
    if (bound) for (const n of bound) newbound.add(n);
    for (const n of global) newglobal.add(n);
  } else {
    newbound.add('__class__');
  }
  const newfree = new Set<string>();

  for (const child of ste.children) {
    // analyze_child_block: the child copies what it changes, so its bindings don't leak to siblings
    const childFree = new Set<string>();
    analyzeBlock(child, newbound, childFree, newglobal, ctx);
    for (const n of childFree) newfree.add(n);
    if (child.free || child.childFree) ste.childFree = true;
  }

  if (isFunction) analyzeCells(names!, scopes, newfree);
  else if (isClass) dropClassFree(ste, newfree);
  updateSymbols(ste.symbols, scopes, bound, newfree, isClass);
  for (const n of newfree) free.add(n);
}
