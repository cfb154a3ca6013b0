// The helpers the grammar's actions call (CPython's Parser/action_helpers.c), named after the C
// functions without the _PyPegen_ prefix: sequences, expression contexts, argument lists, call
// arguments, decorators, and the small checks that produce SyntaxErrors.
import { PyComplex, PyStr, PyBool, PyNone, PyEllipsis } from '@tspyc/bytecode';
import * as A from '../ast/generated/factory311.js';
import type * as N from '../ast/generated/nodes311.js';
import type { Token } from '../tokenizer/token.js';
import { TOKEN } from '../tokenize/generated/token311.js';
import type { ParserBase } from './parser-base.js';
import { concatenateStrings as concat } from './string-parser.js';

type P = ParserBase;
type Seq<T = any> = T[] | null;

export interface CmpopExprPair { cmpop: N.cmpop; expr: N.expr }
export interface KeyValuePair { key: N.expr | null; value: N.expr }
export interface KeyPatternPair { key: N.expr; pattern: N.pattern }
export interface NameDefaultPair { arg: N.arg; value: N.expr | null }
export interface SlashWithDefault { plainNames: N.arg[]; namesWithDefaults: NameDefaultPair[] }
export interface StarEtc { vararg: N.arg | null; kwonlyargs: NameDefaultPair[] | null; kwarg: N.arg | null }
export interface KeywordOrStarred { element: any; isKeyword: boolean }

const DUMMY = A.Name('', A.Load, 1, 0, 1, 0);

export function dummyName(_p: P): N.Name {
  return DUMMY;
}

export function singletonSeq<T>(_p: P, a: T): T[] {
  return [a];
}
export function seqInsertInFront<T>(_p: P, a: T, seq: Seq<T>): T[] {
  return seq ? [a, ...seq] : [a];
}
export function seqAppendToEnd<T>(_p: P, seq: Seq<T>, a: T): T[] {
  return seq ? [...seq, a] : [a];
}
export function seqFlatten<T>(_p: P, seqs: T[][]): T[] {
  const out: T[] = [];
  for (const s of seqs) for (const x of s) out.push(x);
  return out;
}
export function joinSequences<T>(_p: P, a: T[], b: T[]): T[] {
  return [...a, ...b];
}
export function lastItem<T>(seq: T[]): T {
  return seq[seq.length - 1]!;
}
export function firstItem<T>(seq: T[]): T {
  return seq[0]!;
}

export function joinNamesWithDot(_p: P, first: N.Name, second: N.Name): N.Name {
  return A.Name(`${first.id}.${second.id}`, A.Load, first.lineno, first.col_offset, second.end_lineno, second.end_col_offset);
}

export function seqCountDots(seq: Token[]): number {
  let n = 0;
  for (const t of seq) n += t.type === TOKEN.ELLIPSIS ? 3 : 1;
  return n;
}

export function aliasForStar(_p: P, sl: number, sc: number, el: number, ec: number): N.alias {
  return A.alias('*', null, sl, sc, el, ec);
}

export function mapNamesToIds(_p: P, seq: any[]): string[] {
  return seq.map((n) => n.id);
}

export function cmpopExprPair(_p: P, cmpop: N.cmpop, expr: N.expr): CmpopExprPair {
  return { cmpop, expr };
}
export function getCmpops(_p: P, seq: CmpopExprPair[]): N.cmpop[] {
  return seq.map((x) => x.cmpop);
}
export function getExprs(_p: P, seq: CmpopExprPair[]): N.expr[] {
  return seq.map((x) => x.expr);
}

/** _PyPegen_set_expr_context: a copy of a target expression with the given context */
export function setExprContext(p: P, e: any, ctx: N.expr_context): any {
  switch (e._type) {
    case 'Name':
      return A.Name(e.id, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case 'Tuple':
      return A.Tuple(e.elts.map((x: any) => setExprContext(p, x, ctx)), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case 'List':
      return A.List(e.elts.map((x: any) => setExprContext(p, x, ctx)), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case 'Subscript':
      return A.Subscript(e.value, e.slice, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case 'Attribute':
      return A.Attribute(e.value, e.attr, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case 'Starred':
      return A.Starred(setExprContext(p, e.value, ctx), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    default:
      return e;
  }
}

export function keyValuePair(_p: P, key: N.expr | null, value: N.expr): KeyValuePair {
  return { key, value };
}
export function getKeys(_p: P, seq: Seq<KeyValuePair>): (N.expr | null)[] {
  return (seq ?? []).map((x) => x.key);
}
export function getValues(_p: P, seq: Seq<KeyValuePair>): N.expr[] {
  return (seq ?? []).map((x) => x.value);
}
export function keyPatternPair(_p: P, key: N.expr, pattern: N.pattern): KeyPatternPair {
  return { key, pattern };
}
export function getPatternKeys(_p: P, seq: KeyPatternPair[]): N.expr[] {
  return seq.map((x) => x.key);
}
export function getPatterns(_p: P, seq: KeyPatternPair[]): N.pattern[] {
  return seq.map((x) => x.pattern);
}

export function newTypeComment(_p: P, tc: Token | null): string | null {
  return tc ? tc.string : null;
}

export function addTypeCommentToArg(_p: P, a: N.arg, tc: Token | null): N.arg {
  if (!tc) return a;
  return A.arg(a.arg, a.annotation, tc.string, a.lineno, a.col_offset, a.end_lineno, a.end_col_offset);
}

export function nameDefaultPair(p: P, arg: N.arg, value: N.expr | null, tc: Token | null): NameDefaultPair {
  return { arg: addTypeCommentToArg(p, arg, tc), value };
}
export function slashWithDefault(_p: P, plainNames: N.arg[], namesWithDefaults: NameDefaultPair[]): SlashWithDefault {
  return { plainNames, namesWithDefaults };
}
export function starEtc(_p: P, vararg: N.arg | null, kwonlyargs: NameDefaultPair[] | null, kwarg: N.arg | null): StarEtc {
  return { vararg, kwonlyargs, kwarg };
}

/** _PyPegen_make_arguments */
export function makeArguments(
  _p: P,
  slashWithoutDefault: N.arg[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: N.arg[] | null,
  namesWithDefault: NameDefaultPair[] | null,
  starEtc: StarEtc | null,
): N.arguments {
  const names = (s: NameDefaultPair[]) => s.map((x) => x.arg);
  const defaults = (s: NameDefaultPair[]) => s.map((x) => x.value);
  let posonlyargs: N.arg[];
  if (slashWithoutDefault) posonlyargs = slashWithoutDefault;
  else if (slashWithDefault) posonlyargs = [...slashWithDefault.plainNames, ...names(slashWithDefault.namesWithDefaults)];
  else posonlyargs = [];
  const posargs = [...(plainNames ?? []), ...(namesWithDefault ? names(namesWithDefault) : [])];
  const posdefaults = [...(slashWithDefault ? defaults(slashWithDefault.namesWithDefaults) : []), ...(namesWithDefault ? defaults(namesWithDefault) : [])];
  const kwonly = starEtc?.kwonlyargs ?? null;
  return A.arguments_(posonlyargs, posargs, starEtc?.vararg ?? null, kwonly ? names(kwonly) : [], kwonly ? defaults(kwonly) : [], starEtc?.kwarg ?? null, posdefaults);
}

export function emptyArguments(_p: P): N.arguments {
  return A.arguments_([], [], null, [], [], null, []);
}

export function augoperator(_p: P, kind: N.operator): { kind: N.operator } {
  return { kind };
}

export function functionDefDecorators(_p: P, decorators: N.expr[], f: N.FunctionDef | N.AsyncFunctionDef): N.stmt {
  const make = f._type === 'AsyncFunctionDef' ? A.AsyncFunctionDef : A.FunctionDef;
  return make(f.name, f.args, f.body, decorators, f.returns, f.type_comment, f.lineno, f.col_offset, f.end_lineno, f.end_col_offset);
}

export function classDefDecorators(_p: P, decorators: N.expr[], c: N.ClassDef): N.ClassDef {
  return A.ClassDef(c.name, c.bases, c.keywords, c.body, decorators, c.lineno, c.col_offset, c.end_lineno, c.end_col_offset);
}

export function keywordOrStarred(_p: P, element: any, isKeyword: number): KeywordOrStarred {
  return { element, isKeyword: !!isKeyword };
}

export function seqExtractStarredExprs(_p: P, kwargs: KeywordOrStarred[]): N.expr[] | null {
  const out = kwargs.filter((k) => !k.isKeyword).map((k) => k.element);
  return out.length ? out : null;
}

export function seqDeleteStarredExprs(_p: P, kwargs: KeywordOrStarred[]): N.keyword[] | null {
  const out = kwargs.filter((k) => k.isKeyword).map((k) => k.element);
  return out.length ? out : null;
}

export function collectCallSeqs(p: P, a: N.expr[], b: KeywordOrStarred[] | null, sl: number, sc: number, el: number, ec: number): N.Call {
  if (b === null) return A.Call(DUMMY, a, null, sl, sc, el, ec);
  const starreds = seqExtractStarredExprs(p, b);
  const keywords = seqDeleteStarredExprs(p, b);
  return A.Call(DUMMY, starreds ? [...a, ...starreds] : a, keywords, sl, sc, el, ec);
}

export function concatenateStrings(p: P, tokens: Token[]): N.expr {
  return concat(p, tokens);
}

export function ensureImaginary(p: P, exp: N.Constant): N.Constant {
  if (exp._type !== 'Constant' || !(exp.value instanceof PyComplex)) {
    p.raiseSyntaxErrorKnownLocation(exp, 'imaginary number required in complex literal');
  }
  return exp;
}

export function ensureReal(p: P, exp: N.Constant): N.Constant {
  if (exp._type !== 'Constant' || exp.value instanceof PyComplex) {
    p.raiseSyntaxErrorKnownLocation(exp, 'real number required in complex literal');
  }
  return exp;
}

/** non-zero (the alternative fails) unless the token is "!=" */
export function checkBarryAsFlufl(_p: P, t: Token): boolean {
  return t.string !== '!=';
}

export function checkLegacyStmt(_p: P, name: N.expr): boolean {
  return name._type === 'Name' && (name.id === 'print' || name.id === 'exec');
}

/** _PyPegen_get_expr_name: how error messages name an expression */
export function getExprName(e: N.expr): string {
  switch (e._type) {
    case 'Attribute':
      return 'attribute';
    case 'Subscript':
      return 'subscript';
    case 'Starred':
      return 'starred';
    case 'Name':
      return 'name';
    case 'List':
      return 'list';
    case 'Tuple':
      return 'tuple';
    case 'Lambda':
      return 'lambda';
    case 'Call':
      return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    case 'Await':
      return 'await expression';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v instanceof PyNone) return 'None';
      if (v instanceof PyBool) return v.value ? 'True' : 'False';
      if (v instanceof PyEllipsis) return 'ellipsis';
      return 'literal';
    }
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'NamedExpr':
      return 'named expression';
  }
  return 'expression';
}

export function getLastComprehensionItem(c: N.comprehension): N.expr {
  return c.ifs.length === 0 ? c.iter : c.ifs[c.ifs.length - 1]!;
}

export function nonparenGenexpInCall(p: P, args: N.Call, comprehensions: N.comprehension[]): null {
  const len = args.args.length;
  if (len <= 1) return null;
  p.raiseSyntaxErrorKnownRange(args.args[len - 1]!, getLastComprehensionItem(lastItem(comprehensions)), 'Generator expression must be parenthesized');
}

export function argumentsParsingError(p: P, e: N.Call): never {
  const unpacking = e.keywords.some((k) => k.arg === null);
  p.raiseSyntaxError(unpacking ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument');
}

export function makeModule(p: P, a: N.stmt[] | null): N.Module {
  return A.Module(a ?? [], p.typeIgnores.map((t) => A.TypeIgnore(t.lineno, t.tag)));
}

export function interactiveExit(_p: P): null {
  return null;
}

export type TargetsType = 'STAR_TARGETS' | 'DEL_TARGETS' | 'FOR_TARGETS';

/** _PyPegen_get_invalid_target */
export function getInvalidTarget(e: N.expr | null, type: TargetsType): N.expr | null {
  if (e === null) return null;
  switch (e._type) {
    case 'List':
    case 'Tuple':
      for (const x of e.elts) {
        const child = getInvalidTarget(x, type);
        if (child) return child;
      }
      return null;
    case 'Starred':
      if (type === 'DEL_TARGETS') return e;
      return getInvalidTarget(e.value, type);
    case 'Compare':
      if (type === 'FOR_TARGETS') {
        if (e.ops[0]!._type === 'In') return getInvalidTarget(e.left, type);
        return null;
      }
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

export { PyStr };
