// The text of an annotation under `from __future__ import annotations` (_PyAST_ExprAsUnicode,
// Python/ast_unparse.c). The unparser itself is being written in codegen/unparse/.
import type * as N from '../ast/index.js';

let impl: ((e: N.expr) => string) | null = null;

export function setAnnotationUnparser(f: (e: N.expr) => string): void {
  impl = f;
}

export function annotationString(e: N.expr): string {
  if (!impl) throw new Error('annotations under `from __future__ import annotations` are not supported yet');
  return impl(e);
}
