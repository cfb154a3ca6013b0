// CPython 3.11's AST optimizer (Python/ast_opt.c, _PyAST_Optimize), which compile.c runs on the
// tree before building the symbol table: constant folding of unary and binary operations, tuple
// displays and subscripts, `__debug__`, iterables of in/for/comprehensions, `not` of is/in
// comparisons, `"%s" % (a,)` into an f-string. The tree is rewritten in place (and returned).
import { PyBool, PyStr } from '@tspyc/bytecode';
import type { arguments as Arguments, arg as Arg, comprehension, excepthandler, expr, keyword, match_case, mod, pattern, stmt, withitem, JoinedStr } from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { CO_FUTURE_ANNOTATIONS } from '../symtable/future.js';
import { PyRecursionError } from '../symtable/recursion-error.js';
import { foldBinOp } from './fold-binop.js';
import { foldCompare, foldIter } from './fold-iter.js';
import { foldSubscr } from './fold-subscr.js';
import { foldTuple } from './fold-tuple.js';
import { foldUnaryOp } from './fold-unaryop.js';
import { makeConst } from './make-const.js';

/** the compiler's estimate of C stack frames per Python frame (symtable.c and ast_opt.c share it) */
const COMPILER_STACK_FRAME_SCALE = 3;

export interface OptimizeOptions {
  /** -O level: `__debug__` folds to True at 0, to False at 1 and 2 */
  optimize?: 0 | 1 | 2;
  /** the module's future features (CO_FUTURE_* bits): with `annotations`, annotations stay unfolded */
  futureFeatures?: number;
  /** sys.getrecursionlimit() of the interpreter imitated (default 1000); 3 × that many nested nodes are allowed */
  recursionLimit?: number;
  /** the Python call depth at which compilation starts (default 0) */
  startDepth?: number;
}

/** _PyAST_GetDocString: the first statement is an expression statement holding a str constant */
function hasDocString(body: readonly stmt[]): boolean {
  const first = body[0];
  return first !== undefined && first._kind === NodeKind.Expr && first.value._kind === NodeKind.Constant && first.value.value instanceof PyStr;
}

class AstOptimizer {
  depth: number;
  readonly limit: number;
  readonly optimize: number;
  readonly annotations: boolean;

  constructor(options: OptimizeOptions) {
    this.optimize = options.optimize ?? 0;
    this.annotations = ((options.futureFeatures ?? 0) & CO_FUTURE_ANNOTATIONS) === 0;
    this.depth = (options.startDepth ?? 0) * COMPILER_STACK_FRAME_SCALE;
    this.limit = (options.recursionLimit ?? 1000) * COMPILER_STACK_FRAME_SCALE;
  }

  enter(): void {
    if (++this.depth > this.limit) throw new PyRecursionError();
  }

  mod(node: mod): void {
    switch (node._kind) {
      case NodeKind.Module: return this.body(node.body);
      case NodeKind.Interactive: return this.stmts(node.body);
      case NodeKind.Expression: return this.expr(node.body);
      case NodeKind.FunctionType: return; // not folded
    }
  }

  /**
   * astfold_body: a body whose first statement only became a string constant by folding
   * (`"a" + "b"`) must not gain a docstring; the constant is wrapped in a JoinedStr.
   */
  body(stmts: stmt[]): void {
    const docstring = hasDocString(stmts);
    this.stmts(stmts);
    if (!docstring && hasDocString(stmts)) {
      const st = stmts[0] as Extract<stmt, { _type: 'Expr' }>;
      const wrapped: JoinedStr = { _type: 'JoinedStr', _kind: NodeKind.JoinedStr, values: [st.value], lineno: st.lineno, col_offset: st.col_offset, end_lineno: st.end_lineno, end_col_offset: st.end_col_offset };
      st.value = wrapped;
    }
  }

  stmts(list: readonly stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  exprs(list: readonly (expr | null)[]): void {
    for (const e of list) if (e) this.expr(e);
  }

  optExpr(e: expr | null): void {
    if (e) this.expr(e);
  }

  annotation(e: expr | null): void {
    if (this.annotations && e) this.expr(e);
  }

  expr(node: expr): void {
    this.enter();
    switch (node._kind) {
      // the most frequent kinds first: a switch on strings tests the cases in order
      case NodeKind.Name:
        if (node.ctx._kind === NodeKind.Load && node.id === '__debug__') makeConst(node, PyBool.of(!this.optimize));
        break;
      case NodeKind.Constant: break;
      case NodeKind.Attribute: this.expr(node.value); break;
      case NodeKind.Call:
        this.expr(node.func);
        this.exprs(node.args);
        this.keywords(node.keywords);
        break;
      case NodeKind.BoolOp: this.exprs(node.values); break;
      case NodeKind.BinOp:
        this.expr(node.left);
        this.expr(node.right);
        foldBinOp(node);
        break;
      case NodeKind.UnaryOp:
        this.expr(node.operand);
        foldUnaryOp(node);
        break;
      case NodeKind.Lambda:
        this.arguments(node.args);
        this.expr(node.body);
        break;
      case NodeKind.IfExp:
        this.expr(node.test);
        this.expr(node.body);
        this.expr(node.orelse);
        break;
      case NodeKind.Dict:
        this.exprs(node.keys);
        this.exprs(node.values);
        break;
      case NodeKind.Set: this.exprs(node.elts); break;
      case NodeKind.ListComp:
      case NodeKind.SetComp:
      case NodeKind.GeneratorExp:
        this.expr(node.elt);
        this.generators(node.generators);
        break;
      case NodeKind.DictComp:
        this.expr(node.key);
        this.expr(node.value);
        this.generators(node.generators);
        break;
      case NodeKind.Await:
      case NodeKind.YieldFrom:
        this.expr(node.value);
        break;
      case NodeKind.Yield: this.optExpr(node.value); break;
      case NodeKind.Compare:
        this.expr(node.left);
        this.exprs(node.comparators);
        foldCompare(node);
        break;
      case NodeKind.FormattedValue:
        this.expr(node.value);
        this.optExpr(node.format_spec);
        break;
      case NodeKind.JoinedStr: this.exprs(node.values); break;
      case NodeKind.Subscript:
        this.expr(node.value);
        this.expr(node.slice);
        foldSubscr(node);
        break;
      case NodeKind.Starred: this.expr(node.value); break;
      case NodeKind.Slice:
        this.optExpr(node.lower);
        this.optExpr(node.upper);
        this.optExpr(node.step);
        break;
      case NodeKind.List: this.exprs(node.elts); break;
      case NodeKind.Tuple:
        this.exprs(node.elts);
        foldTuple(node);
        break;
      case NodeKind.NamedExpr: this.expr(node.value); break;
    }
    this.depth--;
  }

  keywords(list: readonly keyword[]): void {
    for (const k of list) this.expr(k.value);
  }

  generators(list: readonly comprehension[]): void {
    for (const c of list) {
      this.expr(c.target);
      this.expr(c.iter);
      this.exprs(c.ifs);
      foldIter(c.iter);
    }
  }

  arguments(a: Arguments): void {
    const arg = (x: Arg | null) => x && this.annotation(x.annotation);
    a.posonlyargs.forEach(arg);
    a.args.forEach(arg);
    arg(a.vararg);
    a.kwonlyargs.forEach(arg);
    this.exprs(a.kw_defaults);
    arg(a.kwarg);
    this.exprs(a.defaults);
  }

  stmt(node: stmt): void {
    this.enter();
    switch (node._kind) {
      // the most frequent kinds first: a switch on strings tests the cases in order
      case NodeKind.Expr: this.expr(node.value); break;
      case NodeKind.Assign:
        this.exprs(node.targets);
        this.expr(node.value);
        break;
      case NodeKind.FunctionDef:
      case NodeKind.AsyncFunctionDef:
        this.arguments(node.args);
        this.body(node.body);
        this.exprs(node.decorator_list);
        this.annotation(node.returns);
        break;
      case NodeKind.ClassDef:
        this.exprs(node.bases);
        this.keywords(node.keywords);
        this.body(node.body);
        this.exprs(node.decorator_list);
        break;
      case NodeKind.Return: this.optExpr(node.value); break;
      case NodeKind.Delete: this.exprs(node.targets); break;
      case NodeKind.AugAssign:
        this.expr(node.target);
        this.expr(node.value);
        break;
      case NodeKind.AnnAssign:
        this.expr(node.target);
        this.annotation(node.annotation);
        this.optExpr(node.value);
        break;
      case NodeKind.For:
        this.expr(node.target);
        this.expr(node.iter);
        this.stmts(node.body);
        this.stmts(node.orelse);
        foldIter(node.iter);
        break;
      case NodeKind.AsyncFor: // no fold_iter: an async iterable is never a display
        this.expr(node.target);
        this.expr(node.iter);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case NodeKind.While:
      case NodeKind.If:
        this.expr(node.test);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case NodeKind.With:
      case NodeKind.AsyncWith:
        this.withitems(node.items);
        this.stmts(node.body);
        break;
      case NodeKind.Raise:
        this.optExpr(node.exc);
        this.optExpr(node.cause);
        break;
      case NodeKind.Try:
      case NodeKind.TryStar:
        this.stmts(node.body);
        this.handlers(node.handlers);
        this.stmts(node.orelse);
        this.stmts(node.finalbody);
        break;
      case NodeKind.Assert:
        this.expr(node.test);
        this.optExpr(node.msg);
        break;
      case NodeKind.Match:
        this.expr(node.subject);
        this.matchCases(node.cases);
        break;
      case NodeKind.Import:
      case NodeKind.ImportFrom:
      case NodeKind.Global:
      case NodeKind.Nonlocal:
      case NodeKind.Pass:
      case NodeKind.Break:
      case NodeKind.Continue:
        break;
    }
    this.depth--;
  }

  handlers(list: readonly excepthandler[]): void {
    for (const h of list) {
      this.optExpr(h.type);
      this.stmts(h.body);
    }
  }

  withitems(list: readonly withitem[]): void {
    for (const w of list) {
      this.expr(w.context_expr);
      this.optExpr(w.optional_vars);
    }
  }

  matchCases(list: readonly match_case[]): void {
    for (const c of list) {
      this.pattern(c.pattern);
      this.optExpr(c.guard);
      this.stmts(c.body);
    }
  }

  /** mostly forms the negative and complex numbers of value patterns (`case -1:`, `case 1+2j:`) */
  pattern(node: pattern): void {
    this.enter();
    switch (node._kind) {
      case NodeKind.MatchValue: this.expr(node.value); break;
      case NodeKind.MatchSingleton:
      case NodeKind.MatchStar:
        break;
      case NodeKind.MatchSequence: this.patterns(node.patterns); break;
      case NodeKind.MatchMapping:
        this.exprs(node.keys);
        this.patterns(node.patterns);
        break;
      case NodeKind.MatchClass:
        this.expr(node.cls);
        this.patterns(node.patterns);
        this.patterns(node.kwd_patterns);
        break;
      case NodeKind.MatchAs:
        if (node.pattern) this.pattern(node.pattern);
        break;
      case NodeKind.MatchOr: this.patterns(node.patterns); break;
    }
    this.depth--;
  }

  patterns(list: readonly pattern[]): void {
    for (const p of list) this.pattern(p);
  }
}

/**
 * _PyAST_Optimize: fold `tree` in place and return it. Throws PyRecursionError ("maximum
 * recursion depth exceeded during compilation") for a tree nested deeper than the limit allows.
 */
export function optimizeAst<T extends mod>(tree: T, options: OptimizeOptions = {}): T {
  const optimizer = new AstOptimizer(options);
  try {
    optimizer.mod(tree);
  } catch (e) {
    // a limit above what the JavaScript stack holds: the same error, not an engine crash
    if (e instanceof RangeError) throw new PyRecursionError();
    throw e;
  }
  return tree;
}
