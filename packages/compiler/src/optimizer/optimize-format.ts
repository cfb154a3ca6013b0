// optimize_format (3.11's ast_opt.c): `"..." % (a, b)` with a non-constant tuple and only %s, %r
// and %a units (width and precision of at most two digits) becomes the f-string
// f"...{a!s}...{b!r}", which compiles to faster code. The new literal parts and format specs
// carry no location (-1), as CPython builds them.
import { newObjectConstant, PyStr } from '@tspyc/bytecode';
import { NodeKind, type BinOp, type Constant, type FormattedValue, type JoinedStr, type expr } from '../ast/index.js';
import { copyNode } from './make-const.js';

const MAXDIGITS = 3;

function constantAtNoLocation(value: PyStr): Constant {
  return { _type: 'Constant', _kind: NodeKind.Constant, value, kind: null, lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
}

/** parse_literal: the text up to the next lone '%' ('%%' stands for '%'), or null if empty */
function parseLiteral(fmt: string, pos: { at: number }): Constant | null {
  const start = pos.at;
  let p = start;
  while (p < fmt.length) {
    if (fmt[p] !== '%') p++;
    else if (p + 1 < fmt.length && fmt[p + 1] === '%') p += 2;
    else break;
  }
  pos.at = p;
  if (p === start) return null;
  const text = fmt.slice(start, p);
  // str.replace('%%', '%') makes a new string: for '%%', a '%' that is not the Latin-1 singleton
  return constantAtNoLocation(text === '%%' ? newObjectConstant(new PyStr('%')) : new PyStr(text.replaceAll('%%', '%')));
}

interface FormatUnit {
  spec: string;
  ljust: boolean;
  width: number;
  prec: number;
}

/** simple_format_arg_parse: flags, a width and a precision of at most two digits each, the type */
function parseUnit(fmt: string, pos: { at: number }): FormatUnit | null {
  let p = pos.at;
  let ch = '';
  const next = (): boolean => {
    if (p >= fmt.length) return false;
    ch = fmt[p++]!;
    return true;
  };
  let ljust = false;
  for (;;) {
    if (!next()) return null;
    if (ch === '-') ljust = true;
    else if (!'+ #0'.includes(ch)) break; // the other flags are accepted and ignored
  }
  let width = -1;
  let prec = -1;
  const isDigit = () => ch >= '0' && ch <= '9';
  if (isDigit()) {
    width = 0;
    for (let digits = 0; isDigit(); ) {
      width = width * 10 + Number(ch);
      if (!next() || ++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === '.') {
    if (!next()) return null;
    prec = 0;
    for (let digits = 0; isDigit(); ) {
      prec = prec * 10 + Number(ch);
      if (!next() || ++digits >= MAXDIGITS) return null;
    }
  }
  pos.at = p;
  return { spec: ch, ljust, width, prec };
}

/** parse_format: the FormattedValue for one unit and its argument, or null if unsupported */
function parseFormat(fmt: string, pos: { at: number }, arg: expr): FormattedValue | null {
  const unit = parseUnit(fmt, pos);
  if (!unit || !'sra'.includes(unit.spec)) return null;
  let spec = '';
  if (!unit.ljust && unit.width > 0) spec += '>';
  if (unit.width >= 0) spec += String(unit.width);
  if (unit.prec >= 0) spec += `.${unit.prec}`;
  return {
    _type: 'FormattedValue',
    _kind: NodeKind.FormattedValue,
    value: arg,
    conversion: unit.spec.charCodeAt(0),
    format_spec: spec ? constantAtNoLocation(new PyStr(spec)) : null,
    lineno: arg.lineno,
    col_offset: arg.col_offset,
    end_lineno: arg.end_lineno,
    end_col_offset: arg.end_col_offset,
  };
}

/** optimize_format: rewrite `node` (fmt % (elts...)) in place when every unit is supported */
export function optimizeFormat(node: BinOp, fmt: string, elts: readonly expr[]): void {
  const pos = { at: 0 };
  const values: expr[] = [];
  let cnt = 0;
  for (;;) {
    const lit = parseLiteral(fmt, pos);
    if (lit) values.push(lit);
    if (pos.at >= fmt.length) break;
    if (cnt >= elts.length) return; // more format units than items
    pos.at++; // the '%'
    const value = parseFormat(fmt, pos, elts[cnt++]!);
    if (!value) return;
    values.push(value);
  }
  if (cnt < elts.length) return; // more items than format units
  const res: JoinedStr = { _type: 'JoinedStr', _kind: NodeKind.JoinedStr, values, lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
  copyNode(node, res);
}
