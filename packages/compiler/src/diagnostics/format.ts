// traceback.format_exception_only for a SyntaxError (CPython 3.11's traceback module): the
// "  File ..., line N" line, the stripped source line, the carets, and "Type: msg". compileall and
// py_compile print exactly this.
import type { PySyntaxError } from './syntax-error.js';

const isSpace = (c: string) => /\s/.test(c);

export function formatSyntaxError(e: PySyntaxError): string {
  let out = '';
  let suffix = '';
  if (e.lineno !== null && e.lineno !== undefined) out += `  File "${e.filename || '<string>'}", line ${e.lineno}\n`;
  else if (e.filename) suffix = ` (${e.filename})`;
  if (e.text !== null) {
    const rtext = e.text.replace(/\n+$/, '');
    const ltext = rtext.replace(/^[ \n\f]+/, '');
    const spaces = [...rtext].length - [...ltext].length;
    out += `    ${ltext}\n`;
    if (e.offset !== null) {
      const offset = e.offset;
      let end = e.endOffset === null || e.endOffset === 0 ? offset : e.endOffset;
      if (offset === end || end === -1) end = offset + 1;
      const colno = offset - 1 - spaces;
      const endColno = end - 1 - spaces;
      if (colno >= 0) {
        const chars = [...ltext].slice(0, colno);
        out += `    ${chars.map((c) => (isSpace(c) ? c : ' ')).join('')}${'^'.repeat(Math.max(0, endColno - colno))}\n`;
      }
    }
  }
  out += `${e.type}: ${e.msg || '<no detail available>'}${suffix}\n`;
  return out;
}
