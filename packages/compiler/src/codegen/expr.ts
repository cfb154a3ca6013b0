// Expressions: compile.c's compiler_visit_expr / compiler_visit_expr1 and the small visitors
// (collections, subscripts, slices, f-strings, yield / await).
import { Kind, None, PyStr, PyTuple, PyFrozenSet, type PyValue } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { BlockType } from '../symtable/index.js';
import { compileCall } from './call.js';
import { compileComprehension, ComprehensionKind } from './comprehension.js';
import type { Compiler, ExprContext } from './compiler.js';
import { compileLambda } from './function.js';
import { checkIndex, checkSubscripter } from './infer-type.js';
import { Op, JUMP_NO_INTERRUPT } from './jumps.js';
import { compileBoolOp, compileCompare, compileIfExp } from './jump-if.js';
import { NB, STACK_USE_GUIDELINE, UNARY } from './ops.js';
import { ScopeType } from './unit.js';

export function ctxOf(e: { ctx: N.expr_context }): ExprContext {
  return e.ctx._type;
}

/** compiler_visit_expr: the expression's location for its own instructions, then restored */
export function visitExpr(c: Compiler, e: N.expr): void {
  const saved = c.saveLoc();
  c.setLoc(e);
  visitExpr1(c, e);
  c.restoreLoc(saved);
}

export function visitExprs(c: Compiler, es: readonly N.expr[]): void {
  for (const e of es) visitExpr(c, e);
}

function visitExpr1(c: Compiler, e: N.expr): void {
  switch (e._kind) {
    // the most frequent kinds first: a switch on strings tests the cases in order
    case NodeKind.Name:
      return c.nameop(e.id, ctxOf(e));
    case NodeKind.Call:
      return compileCall(c, e);
    case NodeKind.Constant:
      c.loadConst(e.value);
      return;
    case NodeKind.Attribute:
      visitExpr(c, e.value);
      updateStartLocationToMatchAttr(c, e);
      switch (e.ctx._kind) {
        case NodeKind.Load:
          c.addopName(Op.LOAD_ATTR, c.u.names, e.attr);
          return;
        case NodeKind.Store:
          c.checkForbiddenName(e.attr, 'Store');
          c.addopName(Op.STORE_ATTR, c.u.names, e.attr);
          return;
        case NodeKind.Del:
          c.addopName(Op.DELETE_ATTR, c.u.names, e.attr);
          return;
      }
      return;
    case NodeKind.Tuple:
      if (e.ctx._kind === NodeKind.Store) return assignmentHelper(c, e.elts);
      if (e.ctx._kind === NodeKind.Load) return starunpackHelper(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
      return visitExprs(c, e.elts);
    case NodeKind.BoolOp:
      return compileBoolOp(c, e);
    case NodeKind.BinOp:
      visitExpr(c, e.left);
      visitExpr(c, e.right);
      c.addopI(Op.BINARY_OP, NB[e.op._type]!);
      return;
    case NodeKind.UnaryOp:
      visitExpr(c, e.operand);
      c.addop(UNARY[e.op._type]!);
      return;
    case NodeKind.Compare:
      return compileCompare(c, e);
    case NodeKind.List:
      if (e.ctx._kind === NodeKind.Store) return assignmentHelper(c, e.elts);
      if (e.ctx._kind === NodeKind.Load) return starunpackHelper(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
      return visitExprs(c, e.elts);
    case NodeKind.Subscript:
      return compileSubscript(c, e);
    default:
      return visitExprOther(c, e);
  }
}

/**
 * The less frequent kinds, out of visitExpr1: each kind's first appearance found no feedback in
 * visitExpr1's optimised code and sent it back to be compiled again, with all it inlines.
 */
function visitExprOther(c: Compiler, e: N.expr): void {
  switch (e._kind) {
    case NodeKind.Lambda:
      return compileLambda(c, e);
    case NodeKind.IfExp:
      return compileIfExp(c, e);
    case NodeKind.Dict:
      return compileDict(c, e);
    case NodeKind.Set:
      return starunpackHelper(c, e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
    case NodeKind.GeneratorExp:
      return compileComprehension(c, e, ComprehensionKind.GenExp, '<genexpr>', e.generators, e.elt, null);
    case NodeKind.ListComp:
      return compileComprehension(c, e, ComprehensionKind.ListComp, '<listcomp>', e.generators, e.elt, null);
    case NodeKind.SetComp:
      return compileComprehension(c, e, ComprehensionKind.SetComp, '<setcomp>', e.generators, e.elt, null);
    case NodeKind.DictComp:
      return compileComprehension(c, e, ComprehensionKind.DictComp, '<dictcomp>', e.generators, e.key, e.value);
    case NodeKind.Yield:
      if (c.u.ste.type !== BlockType.FunctionBlock) throw c.error("'yield' outside function");
      if (e.value) visitExpr(c, e.value);
      else c.loadConst(None);
      addopYield(c);
      return;
    case NodeKind.YieldFrom:
      if (c.u.ste.type !== BlockType.FunctionBlock) throw c.error("'yield' outside function");
      if (c.u.scopeType === ScopeType.AsyncFunction) throw c.error("'yield from' inside async function");
      visitExpr(c, e.value);
      c.addop(Op.GET_YIELD_FROM_ITER);
      c.loadConst(None);
      addYieldFrom(c, false);
      return;
    case NodeKind.Await:
      if (c.u.ste.type !== BlockType.FunctionBlock) throw c.error("'await' outside function");
      if (c.u.scopeType !== ScopeType.AsyncFunction && c.u.scopeType !== ScopeType.Comprehension) throw c.error("'await' outside async function");
      visitExpr(c, e.value);
      c.addopI(Op.GET_AWAITABLE, 0);
      c.loadConst(None);
      addYieldFrom(c, true);
      return;
    case NodeKind.JoinedStr:
      return compileJoinedStr(c, e);
    case NodeKind.FormattedValue:
      return compileFormattedValue(c, e);
    case NodeKind.Starred:
      if (e.ctx._kind === NodeKind.Store) throw c.error('starred assignment target must be in a list or tuple');
      throw c.error("can't use starred expression here");
    case NodeKind.Slice:
      return compileSlice(c, e);
    case NodeKind.NamedExpr:
      visitExpr(c, e.value);
      c.addopI(Op.COPY, 1);
      visitExpr(c, e.target);
      return;
  }
}

/** update_start_location_to_match_attr: point the attribute's own instruction at the name */
export function updateStartLocationToMatchAttr(c: Compiler, attr: N.Attribute): void {
  const loc = c.u.loc;
  const endLineno = attr.end_lineno ?? attr.lineno;
  if (loc.lineno === endLineno) return;
  const len = [...attr.attr].length;
  const attrEnd = attr.end_col_offset ?? 0;
  let col: number;
  let endCol = loc.endColOffset;
  if (len <= attrEnd) col = attrEnd - len;
  else {
    col = -1;
    endCol = -1;
  }
  const newEndLine = Math.max(endLineno, loc.endLineno);
  if (endLineno === newEndLine) endCol = Math.max(col, endCol);
  c.restoreLoc({ lineno: endLineno, endLineno: newEndLine, colOffset: col, endColOffset: endCol });
}

/** ADDOP_YIELD */
export function addopYield(c: Compiler): void {
  if (c.u.ste.isGenerator && c.u.ste.isCoroutine) c.addop(Op.ASYNC_GEN_WRAP);
  c.addop(Op.YIELD_VALUE);
  c.addopI(Op.RESUME, 1);
}

/** compiler_add_yield_from: the SEND / YIELD_VALUE loop of `yield from` and `await` */
export function addYieldFrom(c: Compiler, isAwait: boolean): void {
  const start = c.newBlock();
  const resume = c.newBlock();
  const exit = c.newBlock();
  c.useNextBlock(start);
  c.addopJ(Op.SEND, exit);
  c.useNextBlock(resume);
  c.addop(Op.YIELD_VALUE);
  c.addopI(Op.RESUME, isAwait ? 3 : 2);
  c.addopJ(JUMP_NO_INTERRUPT, start);
  c.useNextBlock(exit);
}

function compileSubscript(c: Compiler, e: N.Subscript): void {
  const ctx = e.ctx._type;
  if (ctx === 'Load') {
    checkSubscripter(c, e.value);
    checkIndex(c, e.value, e.slice);
  }
  visitExpr(c, e.value);
  visitExpr(c, e.slice);
  c.addop(ctx === 'Load' ? Op.BINARY_SUBSCR : ctx === 'Store' ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
}

function compileSlice(c: Compiler, s: N.Slice): void {
  let n = 2;
  if (s.lower) visitExpr(c, s.lower);
  else c.loadConst(None);
  if (s.upper) visitExpr(c, s.upper);
  else c.loadConst(None);
  if (s.step) {
    n++;
    visitExpr(c, s.step);
  }
  c.addopI(Op.BUILD_SLICE, n);
}

function isConst(e: N.expr): e is N.Constant {
  return e._kind === NodeKind.Constant;
}

/** are_all_items_const */
export function allConst(es: readonly (N.expr | null)[], begin = 0, end = es.length): boolean {
  for (let i = begin; i < end; i++) {
    const e = es[i];
    if (!e || !isConst(e)) return false;
  }
  return true;
}

/** starunpack_helper: list / tuple / set displays, and the positional part of a call */
export function starunpackHelper(c: Compiler, elts: readonly N.expr[], pushed: number, build: number, add: number, extend: number, tuple: boolean): void {
  const n = elts.length;
  if (n > 2 && allConst(elts)) {
    const values = elts.map((e) => (e as N.Constant).value);
    if (tuple && !pushed) {
      c.loadConst(new PyTuple(values));
    } else {
      const folded: PyValue = add === Op.SET_ADD ? new PyFrozenSet(dedupeForSet(values)) : new PyTuple(values);
      c.addopI(build, pushed);
      c.loadConst(folded);
      c.addopI(extend, 1);
      if (tuple) c.addop(Op.LIST_TO_TUPLE);
    }
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((e) => e._kind === NodeKind.Starred);
  if (!seenStar && !big) {
    visitExprs(c, elts);
    c.addopI(tuple ? Op.BUILD_TUPLE : build, n + pushed);
    return;
  }
  let built = false;
  if (big) {
    c.addopI(build, pushed);
    built = true;
  }
  for (let i = 0; i < n; i++) {
    const elt = elts[i]!;
    if (elt._kind === NodeKind.Starred) {
      if (!built) {
        c.addopI(build, i + pushed);
        built = true;
      }
      visitExpr(c, elt.value);
      c.addopI(extend, 1);
    } else {
      visitExpr(c, elt);
      if (built) c.addopI(add, 1);
    }
  }
  if (tuple) c.addop(Op.LIST_TO_TUPLE);
}

/** frozenset(values): equal elements collapse to the first (1 == 1.0 == True) */
export function dedupeForSet(values: readonly PyValue[]): PyValue[] {
  const out: PyValue[] = [];
  for (const v of values) if (!out.some((w) => pyEqual(v, w))) out.push(v);
  return out;
}

function numeric(v: PyValue): number | bigint | null {
  switch (v.kind) {
    case Kind.Bool: return v.value ? 1n : 0n;
    case Kind.Int: return v.value;
    case Kind.Float: return v.value;
    default: return null;
  }
}

/** Python == between constants (for set folding) */
export function pyEqual(a: PyValue, b: PyValue): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== null && y !== null) {
    if (typeof x === 'bigint' && typeof y === 'bigint') return x === y;
    const fx = typeof x === 'bigint' ? x : x;
    const fy = typeof y === 'bigint' ? y : y;
    if (typeof fx === 'number' && typeof fy === 'number') return fx === fy;
    // int vs float: exact comparison
    const f = (typeof fx === 'number' ? fx : fy) as number;
    const i = (typeof fx === 'bigint' ? fx : fy) as bigint;
    return Number.isInteger(f) && BigInt(f) === i;
  }
  if (a.kind === Kind.Complex && b.kind === Kind.Complex) return a.real === b.real && a.imag === b.imag;
  if (a.kind === Kind.Complex && y !== null) return a.imag === 0 && Number(y) === a.real;
  if (b.kind === Kind.Complex && x !== null) return b.imag === 0 && Number(x) === b.real;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case Kind.None: case Kind.Ellipsis: return true;
    case Kind.Str: return a.value === (b as PyStr).value;
    case Kind.Bytes: {
      const bb = (b as typeof a).value;
      return a.value.length === bb.length && a.value.every((x2, i) => x2 === bb[i]);
    }
    case Kind.Tuple: {
      const bt = (b as typeof a).items;
      return a.items.length === bt.length && a.items.every((x2, i) => pyEqual(x2, bt[i]!));
    }
    case Kind.FrozenSet: {
      const bs = (b as typeof a).items;
      return a.items.length === bs.length && a.items.every((x2) => bs.some((y2) => pyEqual(x2, y2)));
    }
    default:
      return a === b;
  }
}

/** unpack_helper */
export function unpackHelper(c: Compiler, elts: readonly N.expr[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i]!;
    if (elt._kind === NodeKind.Starred && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) throw c.error('too many expressions in star-unpacking assignment');
      c.addopI(Op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt._kind === NodeKind.Starred) {
      throw c.error('multiple starred expressions in assignment');
    }
  }
  if (!seenStar) c.addopI(Op.UNPACK_SEQUENCE, n);
}

/** assignment_helper */
export function assignmentHelper(c: Compiler, elts: readonly N.expr[]): void {
  unpackHelper(c, elts);
  for (const elt of elts) visitExpr(c, elt._kind === NodeKind.Starred ? elt.value : elt);
}

/** compiler_subdict */
function compileSubdict(c: Compiler, e: N.Dict, begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big && allConst(e.keys, begin, end)) {
    for (let i = begin; i < end; i++) visitExpr(c, e.values[i]!);
    c.loadConst(new PyTuple(e.keys.slice(begin, end).map((k) => (k as N.Constant).value)));
    c.addopI(Op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) c.addopI(Op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    visitExpr(c, e.keys[i]!);
    visitExpr(c, e.values[i]!);
    if (big) c.addopI(Op.MAP_ADD, 1);
  }
  if (!big) c.addopI(Op.BUILD_MAP, n);
}

/** compiler_dict */
function compileDict(c: Compiler, e: N.Dict): void {
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      if (elements) {
        compileSubdict(c, e, i - elements, i);
        if (haveDict) c.addopI(Op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      }
      if (!haveDict) {
        c.addopI(Op.BUILD_MAP, 0);
        haveDict = true;
      }
      visitExpr(c, e.values[i]!);
      c.addopI(Op.DICT_UPDATE, 1);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      compileSubdict(c, e, i - elements, i + 1);
      if (haveDict) c.addopI(Op.DICT_UPDATE, 1);
      haveDict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    compileSubdict(c, e, n - elements, n);
    if (haveDict) c.addopI(Op.DICT_UPDATE, 1);
    haveDict = true;
  }
  if (!haveDict) c.addopI(Op.BUILD_MAP, 0);
}

/** compiler_joined_str */
function compileJoinedStr(c: Compiler, e: N.JoinedStr): void {
  const n = e.values.length;
  if (n > STACK_USE_GUIDELINE) {
    c.loadConst(new PyStr(''));
    c.addopName(Op.LOAD_METHOD, c.u.names, 'join');
    c.addopI(Op.BUILD_LIST, 0);
    for (const v of e.values) {
      visitExpr(c, v);
      c.addopI(Op.LIST_APPEND, 1);
    }
    c.addopI(Op.PRECALL, 1);
    c.addopI(Op.CALL, 1);
  } else {
    visitExprs(c, e.values);
    if (n !== 1) c.addopI(Op.BUILD_STRING, n);
  }
}

/** compiler_formatted_value: FORMAT_VALUE's oparg packs the conversion and "has a spec" */
function compileFormattedValue(c: Compiler, e: N.FormattedValue): void {
  visitExpr(c, e.value);
  let oparg: number;
  switch (e.conversion) {
    case 115 /* s */: oparg = 1; break;
    case 114 /* r */: oparg = 2; break;
    case 97 /* a */: oparg = 3; break;
    case -1: oparg = 0; break;
    default: throw new Error(`Unrecognized conversion character ${e.conversion}`);
  }
  if (e.format_spec) {
    visitExpr(c, e.format_spec);
    oparg |= 4;
  }
  c.addopI(Op.FORMAT_VALUE, oparg);
}

