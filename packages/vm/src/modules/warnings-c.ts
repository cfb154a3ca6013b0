// A _warnings with only warn(): Lib/warnings.py then keeps its pure-Python filters (its
// `from _warnings import filters, ...` fails), and this warn() is that module's.
// CPython counterpart: Python/_warnings.c (warnings_warn).
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { importFullName } from './path-import.js';
import { sysModules } from './registry.js';

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
