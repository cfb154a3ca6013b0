// Code generation for CPython 3.11 (Python/compile.c): AST + symbol table → code object.
import type { CodeObject, Target } from '@tspyc/bytecode';
import type { mod } from '../ast/index.js';
import type { CompileWarning } from '../parser/parser-base.js';

export interface CodegenOptions {
  filename: string;
  optimize: 0 | 1 | 2;
  target: Target;
  /** the source, for error lines */
  source?: Uint8Array | string;
  onWarning?: (w: CompileWarning) => void;
}

export function codegenModule(_mod: mod, _options: CodegenOptions): CodeObject {
  throw new Error('code generation is not implemented yet');
}
