// Code generation for CPython 3.11 (Python/compile.c): AST + symbol table → code object.
import type { CodeObject, Target } from '@tspyc/bytecode';
import type { mod } from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import type { CompileWarning } from '../parser/parser-base.js';
import { optimizeAst } from '../optimizer/index.js';
import { buildSymtable, futureFromAST } from '../symtable/index.js';
import { Compiler } from './compiler.js';
import { visitExpr } from './expr.js';
import { assembleUnit } from './make-code.js';
import { compilerBody, visitStmts } from './stmt.js';
import { ScopeType } from './unit.js';

export interface CodegenOptions {
  filename: string;
  optimize: 0 | 1 | 2;
  target: Target;
  /** the source, for the text of error lines */
  source?: Uint8Array | string;
  /** the text of the file `filename` names, when it is not the source (see CompileOptions.programText) */
  programText?: () => string | null;
  onWarning?: (w: CompileWarning) => void;
}

/** the source as text, decoded only when an error needs one of its lines */
function sourceText(source: Uint8Array | string | undefined): () => string | null {
  if (source === undefined) return () => null;
  if (typeof source === 'string') return () => source;
  let text: string | null = null;
  return () => (text ??= new TextDecoder().decode(source));
}

/** compiler_mod: the module's code object (exec, single or eval mode) */
export function codegenModule(module: mod, options: CodegenOptions): CodeObject {
  const text = options.programText ?? sourceText(options.source);
  // 3.11's order: future features, the AST optimizer, then the symbol table
  const future = futureFromAST(module, options.filename);
  optimizeAst(module, { optimize: options.optimize, futureFeatures: future.features });
  const st = buildSymtable(module, options.filename, { future, source: text });
  const c = new Compiler(st, future, options.filename, options.optimize, options.target, text, options.onWarning);
  c.enterScope('<module>', ScopeType.Module, module, 1);
  let addNone = true;
  switch (module._kind) {
    case NodeKind.Module:
      compilerBody(c, module.body);
      break;
    case NodeKind.Interactive:
      c.interactive = true;
      visitStmts(c, module.body);
      break;
    case NodeKind.Expression:
      visitExpr(c, module.body);
      addNone = false;
      break;
    default:
      throw new Error(`cannot compile a ${module._type} node`);
  }
  const co = assembleUnit(c, addNone);
  c.exitScope();
  return co;
}
