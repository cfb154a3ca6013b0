// exec() and eval() of code objects. Source text needs the compiler, which is not wired in yet.
// CPython counterpart: Python/bltinmodule.c (builtin_exec_impl, builtin_eval_impl),
// Python/ceval.c (PyEval_EvalCode).
import { raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { PyStr } from '../objects/str.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { PyTuple } from '../objects/tuple.js';
import { PyCell, PyFunction } from '../objects/function.js';
import { PyBytes, PyByteArray } from '../objects/bytes.js';
import { PyBuiltin, builtinFunction, type Kwargs } from '../objects/native.js';
import { notImplementedErrorType, typeErrorType } from '../objects/exception-types.js';
import { Code } from '../eval/code.js';
import { evalCodeWithLocals } from '../eval/ceval.js';
import { ts } from '../eval/state.js';
import { frameLocals } from './introspection.js';

/** The builtins dict a frame with these globals uses (globals['__builtins__'], a module or dict). */
function builtinsOf(globals: PyDict, fallback: PyDict): PyDict {
  const b = globals.getStr('__builtins__');
  if (b instanceof PyModule) return b.dict;
  if (b instanceof PyDict) return b;
  return fallback;
}

function run(name: 'exec' | 'eval', a: PyObject[], kw: Kwargs | null): PyObject {
  const src = a[0];
  let globals = a[1] ?? kw?.get('globals') ?? None;
  let locals = a[2] ?? kw?.get('locals') ?? None;
  const closure = name === 'exec' ? kw?.get('closure') ?? None : None;
  if (src === undefined) raise(typeErrorType, `${name} expected at least 1 argument, got 0`);
  if (globals !== None && !(globals instanceof PyDict)) {
    raise(typeErrorType, name === 'exec' ? `exec() globals must be a dict, not ${globals.type.name}` : 'globals must be a dict');
  }
  if (locals !== None && locals.type.lookup('__getitem__') === undefined) {
    raise(typeErrorType, name === 'exec' ? `locals must be a mapping or None, not ${locals.type.name}` : 'locals must be a mapping');
  }
  const f = ts.frame;
  if (globals === None) {
    globals = f?.globals ?? new PyDict();
    if (locals === None) locals = f !== null ? frameLocals() : globals;
  } else if (locals === None) locals = globals;
  const g = globals as PyDict;
  const fallback = f?.builtins ?? new PyDict();
  if (g.getStr('__builtins__') === undefined) g.setStr('__builtins__', fallback);
  if (!(src instanceof Code)) {
    if (src instanceof PyStr || src instanceof PyBytes || src instanceof PyByteArray) {
      raise(notImplementedErrorType, `tspyc: ${name}() of source text needs the compiler, which is not available yet`);
    }
    raise(typeErrorType, name === 'exec' ? 'exec() arg 1 must be a string, bytes or code object' : 'eval() arg 1 must be a string, bytes or code object');
  }
  const code = src;
  let cells: PyCell[] | null = null;
  if (closure !== None) {
    if (!(closure instanceof PyTuple) || !closure.items.every((c) => c instanceof PyCell)) raise(typeErrorType, 'closure must be a tuple of cells');
    cells = closure.items as PyCell[];
  }
  if (code.nfrees !== (cells?.length ?? 0)) raise(typeErrorType, `code object requires a closure of exactly length ${code.nfrees}`);
  let func: PyFunction | null = null;
  if (cells !== null) {
    func = new PyFunction(code, g, builtinsOf(g, fallback));
    func.closure = cells;
  }
  return evalCodeWithLocals(code, g, builtinsOf(g, fallback), locals, func);
}

export function execEvalBuiltins(): PyBuiltin[] {
  return [
    builtinFunction('exec', (a, kw) => {
      run('exec', a, kw);
      return None;
    }),
    builtinFunction('eval', (a, kw) => run('eval', a, kw)),
  ];
}
