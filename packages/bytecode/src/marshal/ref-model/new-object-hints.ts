// The compiler's word on a str constant that is a new object where its value alone says it would
// be a process singleton. The AST optimiser's `'%%' % (…)` literal is one: optimize_format makes
// the '%' with str.replace('%%', '%'), which builds a new 1-character string instead of returning
// the Latin-1 singleton a parsed '%' is, so it holds no extra reference and gets no FLAG_REF.
import type { PyStr } from '../../values.js';

const newObjectConstants = new WeakSet<PyStr>();
/** how many were marked in this thread: none (the usual case) spares the lookups */
let marked = 0;

/** `s`, marked as a new object that is no singleton. */
export function newObjectConstant(s: PyStr): PyStr {
  newObjectConstants.add(s);
  marked++;
  return s;
}

export function isNewObjectConstant(s: PyStr): boolean {
  return marked > 0 && newObjectConstants.has(s);
}
