// The compiler's word on which str constants are the parser's identifier objects, where the code
// object alone cannot show it (identifier-consts.ts reads the rest from the bytecode): the names
// of a function's annotations, its keyword-only defaults' keys, and the keyword names of a call
// with `**`. Only non-ASCII names need it: an ASCII identifier's literal twin is interned by the
// compiler anyway, so the two are one object either way; a non-ASCII literal is not, and becomes
// the identifier object only when the identifier reached the constant cache first.
import type { PyStr } from '../../values.js';

const identifierConstants = new WeakSet<PyStr>();
/** how many were marked in this thread: none (the usual case) spares the lookups */
let marked = 0;

/** `s`, marked as made from an identifier when it is one that needs the mark. */
export function identifierConstant(s: PyStr): PyStr {
  if (/[^\0-\x7f]/.test(s.value)) {
    identifierConstants.add(s);
    marked++;
  }
  return s;
}

export function isIdentifierConstant(s: PyStr): boolean {
  return marked > 0 && identifierConstants.has(s);
}

export function anyIdentifierConstants(): boolean {
  return marked > 0;
}
