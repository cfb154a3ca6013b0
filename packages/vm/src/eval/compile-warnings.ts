// Compile-time warnings (CPython: _PyErr_EmitSyntaxWarning in compile.c, parser_warn in the
// tokenizer, warn_invalid_escape_sequence in the parser). The host's compiler collects them; they
// then go through the warnings module as any warning does, so its filters show, ignore or raise
// them. One the filters raise becomes a SyntaxError where the warning points, as CPython replaces it.
import { PyError } from '../errors.js';
import type { HostCompileWarning } from '../host.js';
import { intFromNumber } from '../objects/int.js';
import { PyModule } from '../objects/module.js';
import type { PyObject, PyType } from '../objects/object.js';
import { importErrorType } from '../objects/exception-types.js';
import { ts } from './state.js';
import { newStr } from '../objects/str.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { importFullName } from '../modules/path-import.js';
import { sysModules } from '../modules/registry.js';
import { newSyntaxError } from './syntax-error.js';

/** warnings.warn_explicit for each warning, in order; the first one raised ends it as a SyntaxError. */
export function issueCompileWarnings(warnings: readonly HostCompileWarning[] | undefined): void {
  if (warnings === undefined || warnings.length === 0) return;
  const builtins = sysModules().getStr('builtins') as PyModule;
  const warningsModule = importWarnings(builtins);
  if (warningsModule === null) {
    // no Lib (the VM's stand-ins): _warnings' default filters, which show a SyntaxWarning and ignore a DeprecationWarning
    for (const w of warnings) if (w.category === 'SyntaxWarning') ts.host?.writeStderr(`${w.filename}:${w.lineno}: SyntaxWarning: ${w.message}\n`);
    return;
  }
  const warnExplicit = getAttr(warningsModule, 'warn_explicit');
  for (const w of warnings) {
    const category = builtins.dict.getStr(w.category) as PyType;
    try {
      callObject(warnExplicit, [newStr(w.message), category, newStr(w.filename), intFromNumber(w.lineno)], null);
    } catch (err) {
      if (err instanceof PyError && err.exc.type.isSubtype(category)) {
        throw new PyError(newSyntaxError(w.error));
      }
      throw err;
    }
  }
}

/** the warnings module, or null when there is none to import */
function importWarnings(builtins: PyModule): PyObject | null {
  try {
    return importFullName('warnings', builtins.dict);
  } catch (err) {
    if (err instanceof PyError && err.exc.type.isSubtype(importErrorType)) return null;
    throw err;
  }
}
