// compile(): source to a code object, as CPython 3.11's Py_CompileStringObject does with
// dont_inherit=True (what importlib and py_compile use): parse, symbol table, AST optimizer, code
// generation, flow-graph passes, assembly. Every error is a PySyntaxError (or PyRecursionError)
// carrying CPython's message and location.
import { targetForVersion, type CodeObject, type Target } from '@tspyc/bytecode';
import { parse, UnsupportedTargetError, type ParseMode } from '../parser/index.js';
import type { CompileWarning } from '../parser/parser-base.js';
import { codegenModule } from '../codegen/index.js';

export type OptimizeLevel = 0 | 1 | 2;

export interface CompileOptions {
  /** the CPython whose bytecode to produce (default 3.11, the one implemented) */
  target?: Target | string;
  /** -O level: 1 drops asserts and sets __debug__ false, 2 also drops docstrings (default 0) */
  optimize?: OptimizeLevel;
  /** compile() mode (default 'exec') */
  mode?: Exclude<ParseMode, 'func_type'>;
  /** compile-time warnings (invalid escapes, "is" with a literal, …), in the order CPython emits them */
  onWarning?: (w: CompileWarning) => void;
  /**
   * The text of the file `filename` names, or null when there is none: CPython reads the source
   * line of a SyntaxError in exec input back from that file (PyErr_ProgramTextObject), so
   * compile('return', '<s>', 'exec') has no text, and a parser error there quotes the tokenizer's
   * buffer. Default: the source itself, as for a file compiled from disk.
   */
  programText?: () => string | null;
}

export function resolveTarget(target: Target | string | undefined): Target {
  if (target === undefined) return targetForVersion('3.11')!;
  if (typeof target !== 'string') return target;
  const t = targetForVersion(target);
  if (!t) throw new UnsupportedTargetError(`unknown target ${target}`);
  return t;
}

/** compile(source, filename, mode, dont_inherit=True, optimize=…) */
export function compileSource(source: Uint8Array | string, filename: string, options: CompileOptions = {}): CodeObject {
  const target = resolveTarget(options.target);
  if (target.version !== '3.11') throw new UnsupportedTargetError(`tspyc compiles for 3.11 only, not ${target.version}`);
  const mode = options.mode ?? 'exec';
  const mod = parse(source, { filename, mode, target, onWarning: options.onWarning, programText: options.programText });
  return codegenModule(mod, { filename, optimize: options.optimize ?? 0, target, source, onWarning: options.onWarning, programText: options.programText });
}
