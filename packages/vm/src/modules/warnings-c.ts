// A _warnings with only warn(): Lib/warnings.py then keeps its pure-Python filters (its
// `from _warnings import filters, ...` fails), and this warn() is that module's; warnEx is the
// builtins' way to warn.
// CPython counterpart: Python/_warnings.c (warnings_warn).
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { importFullName } from './path-import.js';
import { sysModules } from './registry.js';
import { newStr } from '../objects/str.js';
import { intFromNumber } from '../objects/int.js';
import type { PyType } from '../objects/object.js';
import { PyError } from '../errors.js';
import { moduleNotFoundErrorType } from '../objects/exception-types.js';

export function makeWarningsC(): PyModule {
  const m = new PyModule('_warnings');
  m.dict.setStr(
    'warn',
    builtinFunction('warn', (a, kw) => {
      const warnings = importFullName('warnings', (sysModules().getStr('builtins') as PyModule).dict);
      return callObject(getAttr(warnings, 'warn'), a, kw);
    }),
  );
  return m;
}

/** Lib's warnings module, or null without a Lib (--stdlib none: no filters, nowhere to show one). */
function warningsModule(): PyModule | null {
  try {
    return importFullName('warnings', (sysModules().getStr('builtins') as PyModule).dict);
  } catch (e) {
    if (e instanceof PyError && e.exc.type === moduleNotFoundErrorType) return null;
    throw e;
  }
}

/**
 * PyErr_WarnEx: warn from a builtin about the Python code calling it (stacklevel 1: that caller),
 * through warnings.warn, so that its filters (and catch_warnings, assertWarns) apply.
 */
export function warnEx(category: PyType, message: string, stacklevel = 1): void {
  const warnings = warningsModule();
  if (warnings !== null) callObject(getAttr(warnings, 'warn'), [newStr(message), category, intFromNumber(stacklevel)], null);
}

/** PyErr_WarnExplicitObject: a warning about a given file and line (the compiler's). */
export function warnExplicit(category: PyType, message: string, filename: string, lineno: number): void {
  const warnings = warningsModule();
  if (warnings !== null) callObject(getAttr(warnings, 'warn_explicit'), [newStr(message), category, newStr(filename), intFromNumber(lineno)], null);
}
