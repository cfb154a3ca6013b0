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

/**
 * PyErr_WarnEx: warn from a builtin about the Python code calling it (stacklevel 1: that caller),
 * through warnings.warn, so that its filters (and catch_warnings, assertWarns) apply.
 */
export function warnEx(category: PyType, message: string, stacklevel = 1): void {
  let warnings: PyModule;
  try {
    warnings = importFullName('warnings', (sysModules().getStr('builtins') as PyModule).dict);
  } catch (e) {
    // no Lib (--stdlib none): no filters to consult and nowhere to show it, so no warning
    if (e instanceof PyError && e.exc.type === moduleNotFoundErrorType) return;
    throw e;
  }
  callObject(getAttr(warnings, 'warn'), [newStr(message), category, intFromNumber(stacklevel)], null);
}
