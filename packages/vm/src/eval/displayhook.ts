// PRINT_EXPR and sys.displayhook: what the interactive ('single' mode) compiler's expression
// statements do with their values. CPython counterpart: Python/sysmodule.c (sys_displayhook),
// Python/ceval.c (PRINT_EXPR).
import { raise } from '../errors.js';
import { None, type PyObject } from '../objects/object.js';
import { newStr } from '../objects/str.js';
import { runtimeErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { repr } from '../protocols/repr.js';
import { importModule } from '../modules/registry.js';

/** sys.displayhook: write repr(value) to sys.stdout and keep it in builtins._ (None is not shown). */
export function displayHook(v: PyObject): void {
  if (v === None) return;
  const builtins = importModule('builtins');
  builtins?.dict.setStr('_', None);
  const out = importModule('sys')?.dict.getStr('stdout');
  if (out === undefined || out === None) raise(runtimeErrorType, 'lost sys.stdout');
  callObject(getAttr(out, 'write'), [newStr(repr(v) + '\n')], null);
  builtins?.dict.setStr('_', v);
}

/** PRINT_EXPR: the value goes to sys.displayhook. */
export function printExpr(v: PyObject): void {
  const hook = importModule('sys')?.dict.getStr('displayhook');
  if (hook === undefined) raise(runtimeErrorType, 'lost sys.displayhook');
  callObject(hook, [v], null);
}
