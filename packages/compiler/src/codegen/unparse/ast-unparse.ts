// _PyAST_ExprAsUnicode (CPython 3.11 Python/ast_unparse.c): an expression back to source text, for
// annotations under `from __future__ import annotations`. Not Lib/ast.py's unparse: parentheses
// come from the C file's priority levels, constants print as repr() (infinities as 1e309 so the
// text evaluates back), f-strings as the repr of their rebuilt body.
import { Kind, PyStr, pyRepr, targetForVersion, type PyValue } from '@tspyc/bytecode';
import type * as N from '../../ast/index.js';
import { NodeKind } from '../../ast/index.js';

const TARGET = targetForVersion('3.11')!;

/** priority levels, lowest binding first */
const enum PR {
  TUPLE,
  TEST, // 'if'-'else', 'lambda'
  OR,
  AND,
  NOT,
  CMP, // '<', '>', '==', '>=', '<=', '!=', 'in', 'not in', 'is', 'is not'
  EXPR,
  BOR = EXPR, // '|'
  BXOR,
  BAND,
  SHIFT,
  ARITH, // '+', '-'
  TERM, // '*', '@', '/', '%', '//'
  FACTOR, // unary '+', '-', '~'
  POWER,
  AWAIT,
  ATOM,
}

const BINOP: Readonly<Record<string, readonly [string, PR]>> = {
  Add: [' + ', PR.ARITH], Sub: [' - ', PR.ARITH], Mult: [' * ', PR.TERM], MatMult: [' @ ', PR.TERM],
  Div: [' / ', PR.TERM], Mod: [' % ', PR.TERM], LShift: [' << ', PR.SHIFT], RShift: [' >> ', PR.SHIFT],
  BitOr: [' | ', PR.BOR], BitXor: [' ^ ', PR.BXOR], BitAnd: [' & ', PR.BAND], FloorDiv: [' // ', PR.TERM],
  Pow: [' ** ', PR.POWER],
};

const UNARYOP: Readonly<Record<string, readonly [string, PR]>> = {
  Invert: ['~', PR.FACTOR], Not: ['not ', PR.NOT], UAdd: ['+', PR.FACTOR], USub: ['-', PR.FACTOR],
};

const CMPOP: Readonly<Record<string, string>> = {
  Eq: ' == ', NotEq: ' != ', Lt: ' < ', LtE: ' <= ', Gt: ' > ', GtE: ' >= ',
  Is: ' is ', IsNot: ' is not ', In: ' in ', NotIn: ' not in ',
};

/** 1e309: the shortest literal that overflows to inf (1 + DBL_MAX_10_EXP) */
const REPLACE_INF = '1e309';

export function exprAsUnicode(e: N.expr): string {
  return appendExpr(e, PR.TEST);
}

/** append_repr: repr(), with inf spelled as a literal for floats and complexes */
function appendRepr(v: PyValue): string {
  const repr = pyRepr(v, { target: TARGET });
  if ((v.kind === Kind.Float && !Number.isFinite(v.value) && !Number.isNaN(v.value)) || v.kind === Kind.Complex) {
    return repr.replaceAll('inf', REPLACE_INF);
  }
  return repr;
}

function paren(cond: boolean, s: string): string {
  return cond ? `(${s})` : s;
}

function appendExpr(e: N.expr, level: number): string {
  switch (e._kind) {
    case NodeKind.BoolOp: {
      const [op, pr] = e.op._kind === NodeKind.And ? [' and ', PR.AND] : [' or ', PR.OR];
      return paren(level > pr, e.values.map((v) => appendExpr(v, pr + 1)).join(op));
    }
    case NodeKind.BinOp: {
      const [op, pr] = BINOP[e.op._type]!;
      const rassoc = e.op._kind === NodeKind.Pow ? 1 : 0;
      return paren(level > pr, appendExpr(e.left, pr + rassoc) + op + appendExpr(e.right, pr + 1 - rassoc));
    }
    case NodeKind.UnaryOp: {
      const [op, pr] = UNARYOP[e.op._type]!;
      return paren(level > pr, op + appendExpr(e.operand, pr));
    }
    case NodeKind.Lambda: {
      const nPositional = e.args.args.length + e.args.posonlyargs.length;
      return paren(level > PR.TEST, (nPositional ? 'lambda ' : 'lambda') + appendArgs(e.args) + ': ' + appendExpr(e.body, PR.TEST));
    }
    case NodeKind.IfExp:
      return paren(level > PR.TEST, `${appendExpr(e.body, PR.TEST + 1)} if ${appendExpr(e.test, PR.TEST + 1)} else ${appendExpr(e.orelse, PR.TEST)}`);
    case NodeKind.Dict:
      return '{' + e.values.map((v, i) => {
        const k = e.keys[i];
        return k ? `${appendExpr(k, PR.TEST)}: ${appendExpr(v, PR.TEST)}` : '**' + appendExpr(v, PR.EXPR);
      }).join(', ') + '}';
    case NodeKind.Set:
      return '{' + e.elts.map((x) => appendExpr(x, PR.TEST)).join(', ') + '}';
    case NodeKind.GeneratorExp:
      return '(' + appendExpr(e.elt, PR.TEST) + appendComprehensions(e.generators) + ')';
    case NodeKind.ListComp:
      return '[' + appendExpr(e.elt, PR.TEST) + appendComprehensions(e.generators) + ']';
    case NodeKind.SetComp:
      return '{' + appendExpr(e.elt, PR.TEST) + appendComprehensions(e.generators) + '}';
    case NodeKind.DictComp:
      return '{' + appendExpr(e.key, PR.TEST) + ': ' + appendExpr(e.value, PR.TEST) + appendComprehensions(e.generators) + '}';
    case NodeKind.Yield:
      return e.value ? `(yield ${appendExpr(e.value, PR.TEST)})` : '(yield)';
    case NodeKind.YieldFrom:
      return `(yield from ${appendExpr(e.value, PR.TEST)})`;
    case NodeKind.Await:
      return paren(level > PR.AWAIT, 'await ' + appendExpr(e.value, PR.ATOM));
    case NodeKind.Compare: {
      let s = appendExpr(e.left, PR.CMP + 1);
      e.ops.forEach((op, i) => (s += CMPOP[op._type]! + appendExpr(e.comparators[i]!, PR.CMP + 1)));
      return paren(level > PR.CMP, s);
    }
    case NodeKind.Call:
      return appendCall(e);
    case NodeKind.Constant:
      if (e.value.kind === Kind.Ellipsis) return '...';
      return (e.kind ?? '') + appendConstant(e.value);
    case NodeKind.JoinedStr:
      return appendJoinedStr(e, false);
    case NodeKind.FormattedValue:
      return appendFormattedValue(e);
    case NodeKind.Attribute: {
      const v = e.value;
      // an int needs a space before the dot: `1 .real`
      const period = v._kind === NodeKind.Constant && v.value.kind === Kind.Int ? ' .' : '.';
      return appendExpr(v, PR.ATOM) + period + e.attr;
    }
    case NodeKind.Subscript:
      return appendExpr(e.value, PR.ATOM) + '[' + appendExpr(e.slice, PR.TUPLE) + ']';
    case NodeKind.Starred:
      return '*' + appendExpr(e.value, PR.EXPR);
    case NodeKind.Slice:
      return (
        (e.lower ? appendExpr(e.lower, PR.TEST) : '') +
        ':' +
        (e.upper ? appendExpr(e.upper, PR.TEST) : '') +
        (e.step ? ':' + appendExpr(e.step, PR.TEST) : '')
      );
    case NodeKind.Name:
      return e.id;
    case NodeKind.List:
      return '[' + e.elts.map((x) => appendExpr(x, PR.TEST)).join(', ') + ']';
    case NodeKind.Tuple: {
      if (e.elts.length === 0) return '()';
      const body = e.elts.map((x) => appendExpr(x, PR.TEST)).join(', ') + (e.elts.length === 1 ? ',' : '');
      return paren(level > PR.TUPLE, body);
    }
    case NodeKind.NamedExpr:
      return paren(level > PR.TUPLE, appendExpr(e.target, PR.ATOM) + ' := ' + appendExpr(e.value, PR.ATOM));
  }
}

/** append_ast_constant: tuples (from constant folding) element by element */
function appendConstant(v: PyValue): string {
  if (v.kind === Kind.Tuple) {
    return '(' + v.items.map(appendConstant).join(', ') + (v.items.length === 1 ? ',' : '') + ')';
  }
  return appendRepr(v);
}

/** append_ast_arg */
function appendArg(a: N.arg): string {
  return a.annotation ? `${a.arg}: ${appendExpr(a.annotation, PR.TEST)}` : a.arg;
}

/** append_ast_args */
function appendArgs(args: N.arguments): string {
  const parts: string[] = [];
  const posonly = args.posonlyargs.length;
  const all = [...args.posonlyargs, ...args.args];
  all.forEach((a, i) => {
    let s = appendArg(a);
    const di = i - all.length + args.defaults.length;
    if (di >= 0) s += '=' + appendExpr(args.defaults[di]!, PR.TEST);
    if (posonly && i + 1 === posonly) s += ', /';
    parts.push(s);
  });
  // the vararg, or a bare '*' before keyword-only arguments
  if (args.vararg || args.kwonlyargs.length) parts.push('*' + (args.vararg ? appendArg(args.vararg) : ''));
  args.kwonlyargs.forEach((a, i) => {
    let s = appendArg(a);
    const di = i - args.kwonlyargs.length + args.kw_defaults.length;
    // kw_defaults holds null for a keyword-only argument without a default
    const d = di >= 0 ? (args.kw_defaults[di] as N.expr | null) : null;
    if (d) s += '=' + appendExpr(d, PR.TEST);
    parts.push(s);
  });
  if (args.kwarg) parts.push('**' + appendArg(args.kwarg));
  return parts.join(', ');
}

/** append_ast_comprehensions */
function appendComprehensions(gens: readonly N.comprehension[]): string {
  let s = '';
  for (const gen of gens) {
    s += (gen.is_async ? ' async for ' : ' for ') + appendExpr(gen.target, PR.TUPLE) + ' in ' + appendExpr(gen.iter, PR.TEST + 1);
    for (const cond of gen.ifs) s += ' if ' + appendExpr(cond, PR.TEST + 1);
  }
  return s;
}

/** append_ast_call: a lone generator expression argument keeps its own parentheses only */
function appendCall(e: N.Call): string {
  const func = appendExpr(e.func, PR.ATOM);
  if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]!._kind === NodeKind.GeneratorExp) {
    return func + appendExpr(e.args[0]!, PR.TEST);
  }
  const parts = e.args.map((a) => appendExpr(a, PR.TEST));
  for (const kw of e.keywords) parts.push((kw.arg === null ? '**' : kw.arg + '=') + appendExpr(kw.value, PR.TEST));
  return func + '(' + parts.join(', ') + ')';
}

/** escape_braces */
function escapeBraces(s: string): string {
  return s.replaceAll('{', '{{').replaceAll('}', '}}');
}

/** append_fstring_element */
function appendFStringElement(e: N.expr, isFormatSpec: boolean): string {
  switch (e._kind) {
    case NodeKind.Constant:
      return escapeBraces((e.value as PyStr).value);
    case NodeKind.JoinedStr:
      return appendJoinedStr(e, isFormatSpec);
    case NodeKind.FormattedValue:
      return appendFormattedValue(e);
    default:
      throw new Error('unknown expression kind inside f-string');
  }
}

/** append_joinedstr: the body built first, then written as the repr of a str after an f */
function appendJoinedStr(e: N.JoinedStr, isFormatSpec: boolean): string {
  const body = e.values.map((v) => appendFStringElement(v, isFormatSpec)).join('');
  return isFormatSpec ? body : 'f' + appendRepr(new PyStr(body));
}

const CONVERSION: Readonly<Record<number, string>> = { 97: '!a', 114: '!r', 115: '!s' };

/** append_formattedvalue */
function appendFormattedValue(e: N.FormattedValue): string {
  // above PR_TEST so that a lambda (with its ':') gets parentheses
  const value = appendExpr(e.value, PR.TEST + 1);
  // an expression starting with a brace is set off from the outer one by a space
  let s = (value.startsWith('{') ? '{ ' : '{') + value;
  if (e.conversion > 0) {
    const conv = CONVERSION[e.conversion];
    if (!conv) throw new Error('unknown f-value conversion kind');
    s += conv;
  }
  if (e.format_spec) s += ':' + appendFStringElement(e.format_spec, true);
  return s + '}';
}
