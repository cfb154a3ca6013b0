// CPython 3.11's AST optimizer (Python/ast_opt.c, _PyAST_Optimize), which compile.c runs on the
// tree before building the symbol table: constant folding of unary and binary operations, tuple
// displays and subscripts, `__debug__`, iterables of in/for/comprehensions, `not` of is/in
// comparisons, `"%s" % (a,)` into an f-string. The tree is rewritten in place (and returned).
import { PyBool, PyStr } from '@tspyc/bytecode';
import type { arguments as Arguments, arg as Arg, comprehension, excepthandler, expr, keyword, match_case, mod, pattern, stmt, withitem, JoinedStr } from '../ast/index.js';
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
  return first !== undefined && first._type === 'Expr' && first.value._type === 'Constant' && first.value.value instanceof PyStr;
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
    switch (node._type) {
      case 'Module': return this.body(node.body);
      case 'Interactive': return this.stmts(node.body);
      case 'Expression': return this.expr(node.body);
      case 'FunctionType': return; // not folded
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
      const wrapped: JoinedStr = { _type: 'JoinedStr', values: [st.value], lineno: st.lineno, col_offset: st.col_offset, end_lineno: st.end_lineno, end_col_offset: st.end_col_offset };
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
    switch (node._type) {
      // the most frequent kinds first: a switch on strings tests the cases in order
      case 'Name':
        if (node.ctx._type === 'Load' && node.id === '__debug__') makeConst(node, PyBool.of(!this.optimize));
        break;
      case 'Constant': break;
      case 'Attribute': this.expr(node.value); break;
      case 'Call':
        this.expr(node.func);
        this.exprs(node.args);
        this.keywords(node.keywords);
        break;
      case 'BoolOp': this.exprs(node.values); break;
      case 'BinOp':
        this.expr(node.left);
        this.expr(node.right);
        foldBinOp(node);
        break;
      case 'UnaryOp':
        this.expr(node.operand);
        foldUnaryOp(node);
        break;
      case 'Lambda':
        this.arguments(node.args);
        this.expr(node.body);
        break;
      case 'IfExp':
        this.expr(node.test);
        this.expr(node.body);
        this.expr(node.orelse);
        break;
      case 'Dict':
        this.exprs(node.keys);
        this.exprs(node.values);
        break;
      case 'Set': this.exprs(node.elts); break;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.expr(node.elt);
        this.generators(node.generators);
        break;
      case 'DictComp':
        this.expr(node.key);
        this.expr(node.value);
        this.generators(node.generators);
        break;
      case 'Await':
      case 'YieldFrom':
        this.expr(node.value);
        break;
      case 'Yield': this.optExpr(node.value); break;
      case 'Compare':
        this.expr(node.left);
        this.exprs(node.comparators);
        foldCompare(node);
        break;
      case 'FormattedValue':
        this.expr(node.value);
        this.optExpr(node.format_spec);
        break;
      case 'JoinedStr': this.exprs(node.values); break;
      case 'Subscript':
        this.expr(node.value);
        this.expr(node.slice);
        foldSubscr(node);
        break;
      case 'Starred': this.expr(node.value); break;
      case 'Slice':
        this.optExpr(node.lower);
        this.optExpr(node.upper);
        this.optExpr(node.step);
        break;
      case 'List': this.exprs(node.elts); break;
      case 'Tuple':
        this.exprs(node.elts);
        foldTuple(node);
        break;
      case 'NamedExpr': this.expr(node.value); break;
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
    switch (node._type) {
      // the most frequent kinds first: a switch on strings tests the cases in order
      case 'Expr': this.expr(node.value); break;
      case 'Assign':
        this.exprs(node.targets);
        this.expr(node.value);
        break;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.arguments(node.args);
        this.body(node.body);
        this.exprs(node.decorator_list);
        this.annotation(node.returns);
        break;
      case 'ClassDef':
        this.exprs(node.bases);
        this.keywords(node.keywords);
        this.body(node.body);
        this.exprs(node.decorator_list);
        break;
      case 'Return': this.optExpr(node.value); break;
      case 'Delete': this.exprs(node.targets); break;
      case 'AugAssign':
        this.expr(node.target);
        this.expr(node.value);
        break;
      case 'AnnAssign':
        this.expr(node.target);
        this.annotation(node.annotation);
        this.optExpr(node.value);
        break;
      case 'For':
        this.expr(node.target);
        this.expr(node.iter);
        this.stmts(node.body);
        this.stmts(node.orelse);
        foldIter(node.iter);
        break;
      case 'AsyncFor': // no fold_iter: an async iterable is never a display
        this.expr(node.target);
        this.expr(node.iter);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case 'While':
      case 'If':
        this.expr(node.test);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case 'With':
      case 'AsyncWith':
        this.withitems(node.items);
        this.stmts(node.body);
        break;
      case 'Raise':
        this.optExpr(node.exc);
        this.optExpr(node.cause);
        break;
      case 'Try':
      case 'TryStar':
        this.stmts(node.body);
        this.handlers(node.handlers);
        this.stmts(node.orelse);
        this.stmts(node.finalbody);
        break;
      case 'Assert':
        this.expr(node.test);
        this.optExpr(node.msg);
        break;
      case 'Match':
        this.expr(node.subject);
        this.matchCases(node.cases);
        break;
      case 'Import':
      case 'ImportFrom':
      case 'Global':
      case 'Nonlocal':
      case 'Pass':
      case 'Break':
      case 'Continue':
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
    switch (node._type) {
      case 'MatchValue': this.expr(node.value); break;
      case 'MatchSingleton':
      case 'MatchStar':
        break;
      case 'MatchSequence': this.patterns(node.patterns); break;
      case 'MatchMapping':
        this.exprs(node.keys);
        this.patterns(node.patterns);
        break;
      case 'MatchClass':
        this.expr(node.cls);
        this.patterns(node.patterns);
        this.patterns(node.kwd_patterns);
        break;
      case 'MatchAs':
        if (node.pattern) this.pattern(node.pattern);
        break;
      case 'MatchOr': this.patterns(node.patterns); break;
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
