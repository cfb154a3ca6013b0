// The future features a module turns on (Python/future.c, 3.11: _PyFuture_FromAST), which the
// symbol table needs for `from __future__ import annotations`, with future.c's two errors.
import { PyStr } from '@tspyc/bytecode';
import { PySyntaxError } from '../diagnostics/index.js';
import type { mod, stmt } from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { ERR_LATE_FUTURE, FUTURE_NOT_A_CHANCE, UNDEFINED_FUTURE_FEATURE } from './messages.js';

/** CO_FUTURE_* flags of Include/cpython/compile.h */
export const CO_FUTURE_DIVISION = 0x20000;
export const CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
export const CO_FUTURE_WITH_STATEMENT = 0x80000;
export const CO_FUTURE_PRINT_FUNCTION = 0x100000;
export const CO_FUTURE_UNICODE_LITERALS = 0x200000;
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_GENERATOR_STOP = 0x800000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

export interface FutureFeatures {
  /** CO_FUTURE_* bits */
  features: number;
  /** line of the last future statement (0 when none) */
  lineno: number;
}

/** features that are accepted but change nothing in 3.11 */
const NO_OP = new Set(['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'generator_stop']);

function isDocString(s: stmt): boolean {
  return s._kind === NodeKind.Expr && s.value._kind === NodeKind.Constant && s.value.value instanceof PyStr;
}

/**
 * future_parse: the leading future statements (after an optional docstring) turn features on. Only
 * another future statement or the docstring may precede one; a later one is compile.c's error,
 * except when it shares a line with the statement that ended the run (`import x; from __future__
 * import y`), which is reported here.
 */
export function futureFromAST(module: mod, filename: string): FutureFeatures {
  const ff: FutureFeatures = { features: 0, lineno: 0 };
  if (module._kind !== NodeKind.Module && module._kind !== NodeKind.Interactive) return ff;
  const body = module.body;
  let done = false;
  let prevLine = 0;
  for (let i = body.length > 0 && isDocString(body[0]!) ? 1 : 0; i < body.length; i++) {
    const s = body[i]!;
    if (done && s.lineno > prevLine) return ff;
    prevLine = s.lineno;
    if (s._kind !== NodeKind.ImportFrom || s.module !== '__future__') {
      done = true;
      continue;
    }
    // PyErr_SyntaxLocationObject: these errors have no end offset; this one's offset is the 0-based
    // column as future.c passes it (CPython's own off-by-one)
    if (done) throw new PySyntaxError('SyntaxError', ERR_LATE_FUTURE, filename, s.lineno, s.col_offset, null, s.lineno, null);
    for (const alias of s.names) {
      const feature = alias.name;
      if (NO_OP.has(feature)) continue;
      if (feature === 'barry_as_FLUFL') ff.features |= CO_FUTURE_BARRY_AS_BDFL;
      else if (feature === 'annotations') ff.features |= CO_FUTURE_ANNOTATIONS;
      else {
        const msg = feature === 'braces' ? FUTURE_NOT_A_CHANCE : UNDEFINED_FUTURE_FEATURE(feature);
        throw new PySyntaxError('SyntaxError', msg, filename, s.lineno, s.col_offset + 1, null, s.lineno, null);
      }
    }
    ff.lineno = s.lineno;
  }
  return ff;
}
