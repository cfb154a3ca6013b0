// Calls: compiler_call, maybe_optimize_method_call (LOAD_METHOD), compiler_call_helper with its
// fast path (PRECALL/CALL, KW_NAMES) and the general CALL_FUNCTION_EX path, decorators' calls.
import { identifierConstant, PyStr, PyTuple } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { DEF_IMPORT } from '../symtable/index.js';
import type { Compiler } from './compiler.js';
import { starunpackHelper, updateStartLocationToMatchAttr, visitExpr, visitExprs } from './expr.js';
import { checkCaller } from './infer-type.js';
import { Op } from './jumps.js';
import { STACK_USE_GUIDELINE } from './ops.js';

/** validate_keywords: a keyword repeated in one call */
function validateKeywords(c: Compiler, keywords: readonly N.keyword[]): void {
  for (let i = 0; i < keywords.length; i++) {
    const key = keywords[i]!.arg;
    if (key === null) continue;
    c.checkForbiddenName(key, 'Store');
    for (let j = i + 1; j < keywords.length; j++) {
      const other = keywords[j]!;
      if (other.arg !== null && other.arg === key) {
        c.setLoc(other);
        throw c.error(`keyword argument repeated: ${key}`);
      }
    }
  }
}

/** a `*args` among the positional arguments (plain loops: a closure per call costs, calls are many) */
function hasStarred(args: readonly N.expr[]): boolean {
  for (let i = 0; i < args.length; i++) if (args[i]!._kind === NodeKind.Starred) return true;
  return false;
}

/** a `**kwargs` among the keywords */
function hasDoubleStar(keywords: readonly N.keyword[]): boolean {
  for (let i = 0; i < keywords.length; i++) if (keywords[i]!.arg === null) return true;
  return false;
}

/** is_import_originated: a module-level name bound by an import */
function isImportOriginated(c: Compiler, e: N.expr): boolean {
  if (e._kind !== NodeKind.Name) return false;
  return (c.st.top.getSymbol(e.id) & DEF_IMPORT) !== 0;
}

/** compiler_call_simple_kw_helper: the KW_NAMES tuple */
function kwNames(c: Compiler, keywords: readonly N.keyword[]): void {
  const names = new PyTuple(keywords.map((k) => new PyStr(k.arg!)));
  c.addopI(Op.KW_NAMES, c.u.addConst(names));
}

/** maybe_optimize_method_call: obj.meth(...) as LOAD_METHOD … PRECALL/CALL; false if not eligible */
function maybeOptimizeMethodCall(c: Compiler, e: N.Call): boolean {
  const meth = e.func;
  if (meth._kind !== NodeKind.Attribute || meth.ctx._kind !== NodeKind.Load) return false;
  if (isImportOriginated(c, meth.value)) return false;
  const argsl = e.args.length;
  const kwdsl = e.keywords.length;
  if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  if (hasStarred(e.args) || hasDoubleStar(e.keywords)) return false;
  visitExpr(c, meth.value);
  c.setLoc(meth);
  updateStartLocationToMatchAttr(c, meth);
  c.addopName(Op.LOAD_METHOD, c.u.names, meth.attr);
  visitExprs(c, e.args);
  if (kwdsl) {
    validateKeywords(c, e.keywords);
    for (const k of e.keywords) visitExpr(c, k.value);
    kwNames(c, e.keywords);
  }
  c.setLoc(e);
  updateStartLocationToMatchAttr(c, meth);
  c.addopI(Op.PRECALL, argsl + kwdsl);
  c.addopI(Op.CALL, argsl + kwdsl);
  return true;
}

/** compiler_call */
export function compileCall(c: Compiler, e: N.Call): void {
  if (maybeOptimizeMethodCall(c, e)) return;
  checkCaller(c, e.func);
  c.setLoc(e.func);
  c.addop(Op.PUSH_NULL);
  c.setLoc(e);
  visitExpr(c, e.func);
  callHelper(c, 0, e.args, e.keywords);
}

/** compiler_subkwargs: keyword arguments begin..end as one dict */
function subkwargs(c: Compiler, keywords: readonly N.keyword[], begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) visitExpr(c, keywords[i]!.value);
    c.loadConst(new PyTuple(keywords.slice(begin, end).map((k) => identifierConstant(new PyStr(k.arg!)))));
    c.addopI(Op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) c.addopINoLine(Op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    const kw = keywords[i]!;
    c.loadConst(identifierConstant(new PyStr(kw.arg!)));
    visitExpr(c, kw.value);
    if (big) c.addopINoLine(Op.MAP_ADD, 1);
  }
  if (!big) c.addopI(Op.BUILD_MAP, n);
}

/** compiler_call_helper: `n` arguments are already on the stack */
export function callHelper(c: Compiler, n: number, args: readonly N.expr[], keywords: readonly N.keyword[]): void {
  validateKeywords(c, keywords);
  const nelts = args.length;
  const nkwelts = keywords.length;
  const simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE && !hasStarred(args) && !hasDoubleStar(keywords);
  if (simple) {
    visitExprs(c, args);
    if (nkwelts) {
      for (const k of keywords) visitExpr(c, k.value);
      kwNames(c, keywords);
    }
    c.addopI(Op.PRECALL, n + nelts + nkwelts);
    c.addopI(Op.CALL, n + nelts + nkwelts);
    return;
  }
  // ex_call: positional arguments as one tuple, keywords as one dict
  if (n === 0 && nelts === 1 && args[0]!._kind === NodeKind.Starred) {
    visitExpr(c, (args[0] as N.Starred).value);
  } else {
    starunpackHelper(c, args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
  }
  if (nkwelts) {
    let haveDict = false;
    let nseen = 0;
    for (let i = 0; i < nkwelts; i++) {
      const kw = keywords[i]!;
      if (kw.arg === null) {
        if (nseen) {
          subkwargs(c, keywords, i - nseen, i);
          if (haveDict) c.addopI(Op.DICT_MERGE, 1);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          c.addopI(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        visitExpr(c, kw.value);
        c.addopI(Op.DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      subkwargs(c, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) c.addopI(Op.DICT_MERGE, 1);
    }
  }
  c.addopI(Op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
}
