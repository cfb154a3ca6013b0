// SyntaxError objects made from a compiler's error, and the lines CPython's default excepthook
// prints for one before its message: file and line, the source line, the carets.
// CPython counterpart: Python/pythonrun.c (parse_syntax_error, print_exception_file_and_line,
// print_error_text) — not traceback.py's _format_syntax_error, which differs in places (one caret
// for IndentationError and TabError, whose end positions the C code ignores).
import { newException } from '../errors.js';
import { PyDict } from '../objects/dict.js';
import { indentationErrorType, PyBaseException, syntaxErrorType, tabErrorType } from '../objects/exception-types.js';
import { intFromNumber, PyInt } from '../objects/int.js';
import { None, type PyObject } from '../objects/object.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { str } from '../protocols/repr.js';
import type { HostSyntaxError } from '../host.js';

/** SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)) with those attributes set. */
export function newSyntaxError(err: HostSyntaxError): PyBaseException {
  const type = err.pyType === 'TabError' ? tabErrorType : err.pyType === 'IndentationError' ? indentationErrorType : syntaxErrorType;
  const e = newException(type, null) as PyBaseException;
  const num = (n: number | null) => (n === null ? None : intFromNumber(n));
  const s = (t: string | null) => (t === null ? None : newStr(t));
  const fields: [string, PyObject][] = [
    ['filename', s(err.filename)],
    ['lineno', num(err.lineno)],
    ['offset', num(err.offset)],
    ['text', s(err.text)],
    ['end_lineno', num(err.endLineno)],
    ['end_offset', num(err.endOffset)],
  ];
  e.args = [newStr(err.msg), newTuple(fields.map(([, v]) => v))];
  if (e.dict instanceof PyDict) {
    e.dict.setStr('msg', newStr(err.msg));
    for (const [k, v] of fields) e.dict.setStr(k, v);
    e.dict.setStr('print_file_and_line', None);
  }
  return e;
}

/** print_error_text: the source line (leading blanks stripped) and its caret line. */
function errorText(text: string, offset: number, endOffset: number): string {
  const caretRepetitions = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  let chars = Array.from(text);
  offset--; // 0-based
  let lead = 0;
  while (chars[lead] === ' ' || chars[lead] === '\t' || chars[lead] === '\f') {
    lead++;
    offset--;
  }
  chars = chars.slice(lead);
  let len = chars.length;
  if (len > 0 && chars[len - 1] === '\n') len--;
  if (offset > len) offset = len;
  for (;;) {
    const nl = chars.indexOf('\n');
    if (nl < 0 || nl >= offset) break;
    chars = chars.slice(nl + 1);
    len -= nl + 1;
    offset -= nl + 1;
  }
  let out = `    ${chars.join('')}`;
  if (chars[len] !== '\n') out += '\n';
  if (offset < 0) return out;
  return `${out}    ${' '.repeat(offset)}${'^'.repeat(caretRepetitions)}\n`;
}

/**
 * print_exception_file_and_line: for an exception with `print_file_and_line` (a SyntaxError), the
 * lines before its message and the message itself; null for any other exception.
 */
export function syntaxErrorDisplay(exc: PyObject): { lines: string; msg: string } | null {
  // any SyntaxError has the attribute (None unless set); other exceptions may set it
  if (!(exc.dict instanceof PyDict) || (!exc.type.isSubtype(syntaxErrorType) && exc.dict.getStr('print_file_and_line') === undefined)) return null;
  const d = exc.dict;
  const num = (name: string): number | null => {
    const v = d.getStr(name);
    return v instanceof PyInt ? Number(v.value) : null;
  };
  const lineno = num('lineno');
  const msgObj = d.getStr('msg');
  if (lineno === null || msgObj === undefined) return null; // parse_syntax_error fails: printed as any exception
  const filename = d.getStr('filename');
  const offset = num('offset') ?? -1;
  // parse_syntax_error reads the end position of SyntaxError itself only, not of its subclasses.
  const exact = exc.type === syntaxErrorType;
  const endLineno = exact ? (num('end_lineno') ?? lineno) : lineno;
  let endOffset = exact ? (num('end_offset') ?? -1) : -1;
  let lines = `  File "${filename instanceof PyStr ? filename.value : filename === undefined || filename === None ? '<string>' : str(filename)}", line ${lineno}\n`;
  const text = d.getStr('text');
  if (text instanceof PyStr) {
    const size = Array.from(text.value).length;
    if (endLineno > lineno) endOffset = size;
    if (endOffset > size + 1) endOffset = size + 1;
    lines += errorText(text.value, offset, endOffset);
  }
  return { lines, msg: msgObj instanceof PyStr ? msgObj.value : str(msgObj) };
}
