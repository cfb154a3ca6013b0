// The symbol table of a module: CPython 3.11's Python/symtable.c. The first pass (this file) walks
// the AST and records, per block, what each name is (parameter, assigned, used, declared global or
// nonlocal, imported, annotated, comprehension target); the second pass (analyze.ts) resolves the
// scope of every name. Errors are CPython's compile-time SyntaxErrors, word for word.
import { PySyntaxError } from '../diagnostics/index.js';
import type {
  arguments as Arguments,
  arg as Arg,
  alias as Alias,
  comprehension as Comprehension,
  excepthandler,
  expr,
  match_case,
  mod,
  pattern,
  stmt,
  ClassDef,
  FunctionDef,
  AsyncFunctionDef,
  Name,
  NamedExpr,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp,
} from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { analyze } from './analyze.js';
import { SymbolTableEntry } from './entry.js';
import {
  BlockType,
  ComprehensionType,
  DEF_ANNOT,
  DEF_COMP_ITER,
  DEF_GLOBAL,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  USE,
} from './flags.js';
import { CO_FUTURE_ANNOTATIONS, futureFromAST, type FutureFeatures } from './future.js';
import { mangle } from './mangle.js';
import * as M from './messages.js';
import { PyRecursionError } from './recursion-error.js';

/** a node with a position, as every statement, expression, arg, alias and pattern has */
interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

export interface SymtableOptions {
  /** the module's future features (default: computed from the tree, as _PyFuture_FromAST does) */
  future?: FutureFeatures;
  /**
   * the source text (or a function giving it, called only for an error), to put the offending
   * line into an error's `text` (as CPython reads it back)
   */
  source?: string | null | (() => string | null);
  /**
   * sys.getrecursionlimit() of the interpreter being imitated (default 1000). Like CPython 3.11 the
   * walk allows 3 × limit nested statements, expressions and patterns, counted from 3 × the Python
   * call depth at which compilation starts (`startDepth`, default 0), then raises RecursionError.
   */
  recursionLimit?: number;
  startDepth?: number;
}

/** COMPILER_STACK_FRAME_SCALE of 3.11's symtable.c */
const COMPILER_STACK_FRAME_SCALE = 3;

/** struct symtable: the result of the pass — the tree of blocks, and each block by its AST node */
export class SymbolTable {
  /** st_blocks: AST node (module, def, class, lambda, comprehension, annotation) → its block */
  readonly blocks = new Map<object, SymbolTableEntry>();
  top!: SymbolTableEntry;

  constructor(
    readonly filename: string,
    readonly future: FutureFeatures,
  ) {}

  /** PySymtable_Lookup: the block of an AST node */
  lookup(node: object): SymbolTableEntry {
    const ste = this.blocks.get(node);
    if (!ste) throw new Error('unknown symbol table entry');
    return ste;
  }
}

/** _PySymtable_Build: the symbol table of a module (exec), expression (eval) or interactive input */
export function buildSymtable(module: mod, filename: string, options: SymtableOptions = {}): SymbolTable {
  const future = options.future ?? futureFromAST(module, filename);
  const builder = new Builder(filename, future, options.source ?? null);
  builder.depth = (options.startDepth ?? 0) * COMPILER_STACK_FRAME_SCALE;
  builder.limit = (options.recursionLimit ?? 1000) * COMPILER_STACK_FRAME_SCALE;
  try {
    return builder.build(module);
  } catch (e) {
    // a limit above what the JavaScript stack holds: the same error, not an engine crash
    if (e instanceof RangeError) throw new PyRecursionError();
    throw e;
  }
}

class Builder {
  readonly table: SymbolTable;
  /** st_cur: the current block */
  cur: SymbolTableEntry = null as unknown as SymbolTableEntry;
  /** st_stack: the blocks being visited, innermost last */
  readonly stack: SymbolTableEntry[] = [];
  /** st_global: the module block's symbols */
  global: Map<string, number> = null as unknown as Map<string, number>;
  /** st_private: the name of the class being visited, for mangling */
  privateName: string | null = null;
  readonly futureAnnotations: boolean;
  private lines: string[] | null = null;
  /** st->recursion_depth and st->recursion_limit */
  depth = 0;
  limit = 3000;

  constructor(
    readonly filename: string,
    future: FutureFeatures,
    readonly source: string | null | (() => string | null),
  ) {
    this.table = new SymbolTable(filename, future);
    this.futureAnnotations = (future.features & CO_FUTURE_ANNOTATIONS) !== 0;
  }

  build(module: mod): SymbolTable {
    this.enterBlock('top', BlockType.ModuleBlock, module, 0, 0, 0, 0);
    this.table.top = this.cur;
    switch (module._kind) {
      case NodeKind.Module:
      case NodeKind.Interactive:
        for (const s of module.body) this.visitStmt(s);
        break;
      case NodeKind.Expression:
        this.visitExpr(module.body);
        break;
      case NodeKind.FunctionType:
        throw new Error('this compiler does not handle FunctionTypes');
    }
    this.exitBlock();
    analyze(this.table.top, this);
    return this.table;
  }

  // ---- errors -------------------------------------------------------------------------------

  /** PyErr_RangedSyntaxLocationObject(filename, lineno, col + 1, end_lineno, end_col + 1) */
  error(msg: string, loc: Located): PySyntaxError {
    return new PySyntaxError(
      'SyntaxError',
      msg,
      this.filename,
      loc.lineno,
      loc.col_offset + 1,
      this.lineText(loc.lineno),
      loc.end_lineno,
      loc.end_col_offset === null ? null : loc.end_col_offset + 1,
    );
  }

  /** the source line of an error, as CPython reads it back from the file (null without source) */
  lineText(lineno: number): string | null {
    const text = typeof this.source === 'function' ? this.source() : this.source;
    if (text === null) return null;
    this.lines ??= text.split(/(?<=\n)/);
    return this.lines[lineno - 1] ?? null;
  }

  // ---- blocks -------------------------------------------------------------------------------

  enterBlock(
    name: string,
    type: BlockType,
    key: object,
    lineno: number,
    col_offset: number,
    end_lineno: number | null,
    end_col_offset: number | null,
  ): void {
    const ste = new SymbolTableEntry(name, type, key, lineno, col_offset, end_lineno, end_col_offset);
    const prev = this.stack.length > 0 ? this.cur : null;
    if (prev !== null && (prev.nested || prev.type === BlockType.FunctionBlock)) ste.nested = true;
    this.table.blocks.set(key, ste);
    this.stack.push(ste);
    // bpo-37757: disallow *all* assignment expressions in the outermost iterator expression of a
    // comprehension, even those inside a nested comprehension or a lambda.
    if (prev !== null) ste.compIterExpr = prev.compIterExpr;
    this.cur = ste;
    // Annotation blocks (from __future__ import annotations) don't affect the symbol table.
    if (type === BlockType.AnnotationBlock) return;
    if (type === BlockType.ModuleBlock) this.global = ste.symbols;
    if (prev !== null) prev.children.push(ste);
  }

  exitBlock(): void {
    this.stack.pop();
    // (not stack[-1] when it is empty: a by-name lookup through Array.prototype)
    this.cur = this.stack.length > 0 ? this.stack[this.stack.length - 1]! : (null as unknown as SymbolTableEntry);
  }

  // ---- definitions --------------------------------------------------------------------------

  /** symtable_lookup: the flags of a name in the current block */
  lookup(name: string): number {
    return this.cur.getSymbol(mangle(this.privateName, name));
  }

  /** symtable_add_def_helper */
  addDefTo(name: string, flag: number, ste: SymbolTableEntry, loc: Located): void {
    const mangled = mangle(this.privateName, name);
    const old = ste.symbols.get(mangled);
    let val: number;
    if (old !== undefined) {
      if (flag & DEF_PARAM && old & DEF_PARAM) throw this.error(M.DUPLICATE_ARGUMENT(name), loc);
      val = old | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      // an iteration variable of a comprehension: it can't rebind a walrus target
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) throw this.error(M.NAMED_EXPR_COMP_INNER_LOOP_CONFLICT(name), loc);
      val |= DEF_COMP_ITER;
    }
    // (most uses of a name repeat its flags: then the map is not written again)
    if (val !== old) ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
  }

  addDef(name: string, flag: number, loc: Located): void {
    this.addDefTo(name, flag, this.cur, loc);
  }

  /** symtable_record_directive */
  recordDirective(name: string, loc: Located): void {
    (this.cur.directives ??= []).push({
      name: mangle(this.privateName, name),
      lineno: loc.lineno,
      col_offset: loc.col_offset,
      end_lineno: loc.end_lineno,
      end_col_offset: loc.end_col_offset,
    });
  }

  // ---- statements ---------------------------------------------------------------------------

  visitStmts(body: readonly stmt[]): void {
    for (let i = 0; i < body.length; i++) this.visitStmt(body[i]!);
  }

  visitExprs(list: readonly (expr | null)[]): void {
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e) this.visitExpr(e);
    }
  }

  visitStmt(s: stmt): void {
    if (++this.depth > this.limit) throw new PyRecursionError();
    switch (s._kind) {
      // the most frequent kinds first: a switch on strings tests the cases in order
      case NodeKind.Expr:
        this.visitExpr(s.value);
        break;
      case NodeKind.Assign:
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case NodeKind.FunctionDef:
      case NodeKind.AsyncFunctionDef:
        this.visitFunctionDef(s);
        break;
      case NodeKind.ClassDef:
        this.visitClassDef(s);
        break;
      case NodeKind.Return:
        if (s.value) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case NodeKind.AugAssign:
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case NodeKind.For:
      case NodeKind.AsyncFor:
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case NodeKind.While:
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case NodeKind.If:
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case NodeKind.Raise:
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case NodeKind.Try:
      case NodeKind.TryStar:
        // 3.11 visits the else clause before the handlers
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        for (const h of s.handlers) this.visitExceptHandler(h);
        this.visitStmts(s.finalbody);
        break;
      case NodeKind.Import:
      case NodeKind.ImportFrom:
        for (const a of s.names) this.visitAlias(a);
        break;
      case NodeKind.Pass:
      case NodeKind.Break:
      case NodeKind.Continue:
        break;
      case NodeKind.With:
      case NodeKind.AsyncWith:
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
      default:
        this.visitStmtOther(s);
        break;
    }
    this.depth--;
  }

  /** visitStmt's rare kinds, out of it: a kind first met after visitStmt was optimised would send it back to be compiled again */
  private visitStmtOther(s: stmt): void {
    switch (s._kind) {
      case NodeKind.Delete:
        this.visitExprs(s.targets);
        break;
      case NodeKind.AnnAssign:
        if (s.target._kind === NodeKind.Name) {
          const target = s.target;
          const cur = this.lookup(target.id);
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.symbols !== this.global && s.simple) {
            throw this.error(cur & DEF_GLOBAL ? M.GLOBAL_ANNOT(target.id) : M.NONLOCAL_ANNOT(target.id), s);
          }
          if (s.simple) this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
          if (s.value) this.addDef(target.id, DEF_LOCAL, target);
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value) this.visitExpr(s.value);
        break;
      case NodeKind.Match:
        this.visitExpr(s.subject);
        for (const c of s.cases) this.visitMatchCase(c);
        break;
      case NodeKind.Assert:
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case NodeKind.Global:
        for (const name of s.names) {
          const cur = this.lookup(name);
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            const msg =
              cur & DEF_PARAM
                ? M.GLOBAL_PARAM(name)
                : cur & USE
                  ? M.GLOBAL_AFTER_USE(name)
                  : cur & DEF_ANNOT
                    ? M.GLOBAL_ANNOT(name)
                    : M.GLOBAL_AFTER_ASSIGN(name);
            throw this.error(msg, s);
          }
          this.addDef(name, DEF_GLOBAL, s);
          this.recordDirective(name, s);
        }
        break;
      case NodeKind.Nonlocal:
        for (const name of s.names) {
          const cur = this.lookup(name);
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            const msg =
              cur & DEF_PARAM
                ? M.NONLOCAL_PARAM(name)
                : cur & USE
                  ? M.NONLOCAL_AFTER_USE(name)
                  : cur & DEF_ANNOT
                    ? M.NONLOCAL_ANNOT(name)
                    : M.NONLOCAL_AFTER_ASSIGN(name);
            throw this.error(msg, s);
          }
          this.addDef(name, DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      default:
        throw new Error(`symtable: unexpected statement ${(s as { _type: string })._type}`);
    }
  }

  visitFunctionDef(s: FunctionDef | AsyncFunctionDef): void {
    this.addDef(s.name, DEF_LOCAL, s);
    const args = s.args;
    this.visitExprs(args.defaults);
    this.visitExprs(args.kw_defaults);
    this.visitAnnotations(s, args, s.returns);
    this.visitExprs(s.decorator_list);
    this.enterBlock(s.name, BlockType.FunctionBlock, s, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    if (s._kind === NodeKind.AsyncFunctionDef) this.cur.isCoroutine = true;
    this.visitArguments(args);
    this.visitStmts(s.body);
    this.exitBlock();
  }

  visitClassDef(s: ClassDef): void {
    this.addDef(s.name, DEF_LOCAL, s);
    this.visitExprs(s.bases);
    for (const k of s.keywords) this.visitExpr(k.value);
    this.visitExprs(s.decorator_list);
    this.enterBlock(s.name, BlockType.ClassBlock, s, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    const saved = this.privateName;
    this.privateName = s.name;
    this.visitStmts(s.body);
    this.privateName = saved;
    this.exitBlock();
  }

  visitExceptHandler(h: excepthandler): void {
    if (h.type) this.visitExpr(h.type);
    if (h.name) this.addDef(h.name, DEF_LOCAL, h);
    this.visitStmts(h.body);
  }

  visitMatchCase(m: match_case): void {
    this.visitPattern(m.pattern);
    if (m.guard) this.visitExpr(m.guard);
    this.visitStmts(m.body);
  }

  visitPattern(p: pattern): void {
    if (++this.depth > this.limit) throw new PyRecursionError();
    switch (p._kind) {
      case NodeKind.MatchValue:
        this.visitExpr(p.value);
        break;
      case NodeKind.MatchSingleton:
        break;
      case NodeKind.MatchSequence:
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case NodeKind.MatchStar:
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case NodeKind.MatchMapping:
        this.visitExprs(p.keys);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest !== null) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case NodeKind.MatchClass:
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case NodeKind.MatchAs:
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case NodeKind.MatchOr:
        for (const q of p.patterns) this.visitPattern(q);
        break;
    }
    this.depth--;
  }

  /** symtable_visit_alias: an import binds the first component of its (as-)name */
  visitAlias(a: Alias): void {
    const name = a.asname ?? a.name;
    if (name !== '*') {
      const dot = name.indexOf('.');
      this.addDef(dot >= 0 ? name.slice(0, dot) : name, DEF_IMPORT, a);
    } else if (this.cur.type !== BlockType.ModuleBlock) {
      throw this.error(M.IMPORT_STAR_WARNING, a);
    }
  }

  // ---- parameters and annotations ----------------------------------------------------------

  visitParams(args: readonly Arg[]): void {
    for (const a of args) this.addDef(a.arg, DEF_PARAM, a);
  }

  /** symtable_visit_arguments: inside the function block (defaults were visited outside) */
  visitArguments(a: Arguments): void {
    this.visitParams(a.posonlyargs);
    this.visitParams(a.args);
    this.visitParams(a.kwonlyargs);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  /** symtable_visit_annotation: with `from __future__ import annotations`, in a throwaway block */
  visitAnnotation(annotation: expr): void {
    if (this.futureAnnotations) {
      this.enterBlock('_annotation', BlockType.AnnotationBlock, annotation, annotation.lineno, annotation.col_offset, annotation.end_lineno, annotation.end_col_offset);
    }
    this.visitExpr(annotation);
    if (this.futureAnnotations) this.exitBlock();
  }

  visitArgAnnotations(args: readonly Arg[]): void {
    for (const a of args) if (a.annotation) this.visitExpr(a.annotation);
  }

  /** symtable_visit_annotations: a function's parameter and return annotations */
  visitAnnotations(s: FunctionDef | AsyncFunctionDef, a: Arguments, returns: expr | null): void {
    if (this.futureAnnotations) {
      // CPython keys this block by the def, whose own block then replaces it in st_blocks; keyed
      // by the arguments node here so that lookup(def) is the function's block all the same
      this.enterBlock('_annotation', BlockType.AnnotationBlock, a, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    }
    this.visitArgAnnotations(a.posonlyargs);
    this.visitArgAnnotations(a.args);
    if (a.vararg?.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpr(a.kwarg.annotation);
    this.visitArgAnnotations(a.kwonlyargs);
    if (this.futureAnnotations) this.exitBlock();
    if (returns) this.visitAnnotation(returns);
  }

  // ---- expressions --------------------------------------------------------------------------

  visitExpr(e: expr): void {
    if (++this.depth > this.limit) throw new PyRecursionError();
    switch (e._kind) {
      // the most frequent kinds first
      case NodeKind.Name:
        this.visitName(e);
        break;
      case NodeKind.Attribute:
        this.visitExpr(e.value);
        break;
      case NodeKind.Constant:
        break;
      case NodeKind.Call:
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case NodeKind.BoolOp:
        this.visitExprs(e.values);
        break;
      case NodeKind.BinOp:
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case NodeKind.UnaryOp:
        this.visitExpr(e.operand);
        break;
      case NodeKind.Compare:
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case NodeKind.Subscript:
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case NodeKind.Starred:
        this.visitExpr(e.value);
        break;
      case NodeKind.List:
      case NodeKind.Tuple:
        this.visitExprs(e.elts);
        break;
      default:
        this.visitExprOther(e);
        break;
    }
    this.depth--;
  }

  /** visitExpr's less frequent kinds, out of it, as for statements */
  private visitExprOther(e: expr): void {
    switch (e._kind) {
      case NodeKind.NamedExpr:
        this.raiseIfAnnotationBlock('named expression', e);
        this.handleNamedExpr(e);
        break;
      case NodeKind.Lambda:
        this.visitExprs(e.args.defaults);
        this.visitExprs(e.args.kw_defaults);
        this.enterBlock('lambda', BlockType.FunctionBlock, e, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case NodeKind.IfExp:
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case NodeKind.Dict:
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case NodeKind.Set:
        this.visitExprs(e.elts);
        break;
      case NodeKind.GeneratorExp:
        this.handleComprehension(e, 'genexpr', ComprehensionType.GeneratorExpression, e.generators, e.elt, null);
        break;
      case NodeKind.ListComp:
        this.handleComprehension(e, 'listcomp', ComprehensionType.ListComprehension, e.generators, e.elt, null);
        break;
      case NodeKind.SetComp:
        this.handleComprehension(e, 'setcomp', ComprehensionType.SetComprehension, e.generators, e.elt, null);
        break;
      case NodeKind.DictComp:
        this.handleComprehension(e, 'dictcomp', ComprehensionType.DictComprehension, e.generators, e.key, e.value);
        break;
      case NodeKind.Yield:
        this.raiseIfAnnotationBlock('yield expression', e);
        if (e.value) this.visitExpr(e.value);
        this.cur.isGenerator = true;
        if (this.cur.isComprehension) throw this.comprehensionYieldError(e);
        break;
      case NodeKind.YieldFrom:
        this.raiseIfAnnotationBlock('yield expression', e);
        this.visitExpr(e.value);
        this.cur.isGenerator = true;
        if (this.cur.isComprehension) throw this.comprehensionYieldError(e);
        break;
      case NodeKind.Await:
        this.raiseIfAnnotationBlock('await expression', e);
        this.visitExpr(e.value);
        this.cur.isCoroutine = true;
        break;
      case NodeKind.FormattedValue:
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case NodeKind.JoinedStr:
        this.visitExprs(e.values);
        break;
      case NodeKind.Slice:
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      default:
        throw new Error(`symtable: unexpected expression ${(e as { _type: string })._type}`);
    }
  }

  visitName(e: Name): void {
    const load = e.ctx._kind === NodeKind.Load;
    // Store and Del both bind
    this.addDef(e.id, load ? USE : DEF_LOCAL, e);
    // Special-case super: it counts as a use of __class__
    if (load && this.cur.type === BlockType.FunctionBlock && e.id === 'super') {
      this.addDef('__class__', USE, e);
    }
  }

  /** symtable_raise_if_annotation_block */
  raiseIfAnnotationBlock(what: string, e: expr): void {
    if (this.cur.type === BlockType.AnnotationBlock) throw this.error(M.ANNOTATION_NOT_ALLOWED(what), e);
  }

  /** symtable_raise_if_comprehension_block */
  comprehensionYieldError(e: expr): PySyntaxError {
    switch (this.cur.comprehension) {
      case ComprehensionType.ListComprehension:
        return this.error(M.YIELD_INSIDE_LISTCOMP, e);
      case ComprehensionType.SetComprehension:
        return this.error(M.YIELD_INSIDE_SETCOMP, e);
      case ComprehensionType.DictComprehension:
        return this.error(M.YIELD_INSIDE_DICTCOMP, e);
      default:
        return this.error(M.YIELD_INSIDE_GENEXPR, e);
    }
  }

  /** symtable_handle_namedexpr */
  handleNamedExpr(e: NamedExpr): void {
    if (this.cur.compIterExpr > 0) throw this.error(M.NAMED_EXPR_COMP_ITER_EXPR, e);
    // inside a comprehension body: bind the target in the nearest enclosing non-comprehension scope
    if (this.cur.isComprehension) this.extendNamedExprScope(e.target as Name);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  /** symtable_extend_namedexpr_scope */
  extendNamedExprScope(e: Name): void {
    const target = e.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i]!;
      // a comprehension scope: check for a conflict with its iteration variables, else skip it
      // (looked up by the unmangled name, as CPython does)
      if (ste.isComprehension) {
        if (ste.getSymbol(target) & DEF_COMP_ITER) throw this.error(M.NAMED_EXPR_COMP_CONFLICT(target), e);
        continue;
      }
      if (ste.type === BlockType.FunctionBlock) {
        // add as GLOBAL/LOCAL or NONLOCAL/LOCAL
        this.addDef(target, ste.getSymbol(target) & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, e);
        this.recordDirective(target, e);
        this.addDefTo(target, DEF_LOCAL, ste, e);
        return;
      }
      if (ste.type === BlockType.ModuleBlock) {
        this.addDef(target, DEF_GLOBAL, e);
        this.recordDirective(target, e);
        this.addDefTo(target, DEF_GLOBAL, ste, e);
        return;
      }
      if (ste.type === BlockType.ClassBlock) throw this.error(M.NAMED_EXPR_COMP_IN_CLASS, e);
    }
    throw new Error('symtable: no scope for an assignment expression');
  }

  /** symtable_visit_comprehension: the second and later `for` clauses */
  visitComprehension(lc: Comprehension): void {
    this.cur.compIterTarget = true;
    this.visitExpr(lc.target);
    this.cur.compIterTarget = false;
    this.cur.compIterExpr++;
    this.visitExpr(lc.iter);
    this.cur.compIterExpr--;
    this.visitExprs(lc.ifs);
    if (lc.is_async) this.cur.isCoroutine = true;
  }

  /** symtable_handle_comprehension: the outermost iterable is evaluated here, the rest in a new
   * function scope that receives it as its parameter `.0` */
  handleComprehension(
    e: ListComp | SetComp | DictComp | GeneratorExp,
    scopeName: string,
    kind: ComprehensionType,
    generators: readonly Comprehension[],
    elt: expr,
    value: expr | null,
  ): void {
    const isGenerator = e._kind === NodeKind.GeneratorExp;
    const outermost = generators[0]!;
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock(scopeName, BlockType.FunctionBlock, e, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    const ste = this.cur;
    ste.comprehension = kind;
    if (outermost.is_async) ste.isCoroutine = true;
    // symtable_implicit_arg(st, 0), at the block's own location
    this.addDef('.0', DEF_PARAM, ste);
    ste.compIterTarget = true;
    this.visitExpr(outermost.target);
    ste.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) this.visitComprehension(generators[i]!);
    if (value) this.visitExpr(value);
    this.visitExpr(elt);
    ste.isGenerator = isGenerator;
    const isAsync = ste.isCoroutine && !isGenerator;
    this.exitBlock();
    if (isAsync) this.cur.isCoroutine = true;
  }
}
