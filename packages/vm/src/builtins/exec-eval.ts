// exec(), eval() and compile(): code objects run in the given namespaces; source text is compiled
// by the host's compiler (the CLI's is @tspyc/compiler).
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
import { notImplementedErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { PyInt } from '../objects/int.js';
import { PyError } from '../errors.js';
import { HostSyntaxError, type HostCompileWarning, type SourceMode } from '../host.js';
import { newSyntaxError } from '../eval/syntax-error.js';
import { issueCompileWarnings } from '../eval/compile-warnings.js';
import { Code, codeFor } from '../eval/code.js';
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
  let code: Code;
  if (src instanceof Code) {
    code = src;
  } else if (src instanceof PyStr || src instanceof PyBytes || src instanceof PyByteArray) {
    let text = sourceText(src);
    // eval() ignores leading spaces and tabs (builtin_eval_impl)
    if (name === 'eval') text = typeof text === 'string' ? text.replace(/^[ \t]+/, '') : stripBlanks(text);
    code = compileText(text, '<string>', name);
  } else {
    raise(typeErrorType, name === 'exec' ? 'exec() arg 1 must be a string, bytes or code object' : 'eval() arg 1 must be a string, bytes or code object');
  }
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

function sourceText(src: PyStr | PyBytes | PyByteArray): Uint8Array | string {
  return src instanceof PyStr ? src.value : src.value.slice();
}

function stripBlanks(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09)) i++;
  return b.subarray(i);
}

/** the host's compile(); a SyntaxError as Python's, the compiler's warnings issued */
function compileText(text: Uint8Array | string, filename: string, mode: SourceMode): Code {
  const compile = ts.host?.compileSource;
  if (!compile) raise(notImplementedErrorType, 'tspyc: compiling source text needs a compiler, and this host has none');
  const warnings: HostCompileWarning[] = [];
  let code;
  try {
    code = compile.call(ts.host, text, filename, mode, (w) => warnings.push(w));
  } catch (err) {
    if (!(err instanceof HostSyntaxError)) throw err;
    // the warnings the compiler gave before it stopped come first
    issueCompileWarnings(warnings);
    throw new PyError(newSyntaxError(err));
  }
  issueCompileWarnings(warnings);
  return codeFor(code);
}

/** compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1): a code object */
function compileBuiltin(a: PyObject[], kw: Kwargs | null): PyObject {
  const arg = (i: number, key: string) => a[i] ?? kw?.get(key);
  const src = arg(0, 'source');
  const filename = arg(1, 'filename');
  const mode = arg(2, 'mode');
  const flags = arg(3, 'flags');
  if (src === undefined || filename === undefined || mode === undefined) raise(typeErrorType, "compile() missing required argument 'source' (pos 1)");
  if (!(mode instanceof PyStr) || !['exec', 'eval', 'single'].includes(mode.value)) {
    raise(valueErrorType, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  if (flags !== undefined && !(flags instanceof PyInt && flags.value === 0n)) {
    raise(notImplementedErrorType, 'tspyc: compile() flags (ast.PyCF_ONLY_AST, …) are not supported yet');
  }
  if (src instanceof Code) return src;
  if (!(src instanceof PyStr || src instanceof PyBytes || src instanceof PyByteArray)) {
    raise(typeErrorType, 'compile() arg 1 must be a string, bytes or AST object');
  }
  const name = filename instanceof PyStr ? filename.value : filename instanceof PyBytes ? new TextDecoder().decode(filename.value) : raise(typeErrorType, `compile() argument 'filename' must be str, bytes or os.PathLike, not ${filename.type.name}`);
  return compileText(sourceText(src), name, mode.value as SourceMode);
}

export function execEvalBuiltins(): PyBuiltin[] {
  return [
    builtinFunction('exec', (a, kw) => {
      run('exec', a, kw);
      return None;
    }),
    builtinFunction('eval', (a, kw) => run('eval', a, kw)),
    builtinFunction('compile', (a, kw) => compileBuiltin(a, kw)),
  ];
}
