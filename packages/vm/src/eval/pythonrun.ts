// Running a main module and reporting what escapes it: tracebacks as CPython prints them,
// SystemExit as an exit code. CPython counterpart: Python/pythonrun.c (PyErr_Display,
// print_exception_recursive, handle_system_exit), Python/traceback.c (tb_printinternal).
import { PyObject, PyType, None } from '../objects/object.js';
import { PyInt } from '../objects/int.js';
import { PyStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PyTraceback } from '../objects/traceback.js';
import { PyBaseException, systemExitType } from '../objects/exception-types.js';
import { syntaxErrorDisplay } from './syntax-error.js';
import { PyError } from '../errors.js';
import { isExceptionGroup } from '../objects/exception-group.js';
import { str } from '../protocols/repr.js';
import { ts } from './state.js';
import { offerSuggestion } from './suggestions.js';
import { caretAnchors } from './caret-anchors.js';
import type { Code } from './code.js';

const TB_RECURSIVE_CUTOFF = 3;

function tbLines(tb: PyTraceback | null, limit: number): string {
  const entries: PyTraceback[] = [];
  for (let t = tb; t !== null; t = t.next) entries.push(t);
  const start = Math.max(0, entries.length - limit);
  let out = '';
  let lastFile: string | null = null;
  let lastLine: number | null = null;
  let lastName: string | null = null;
  let cnt = 0;
  for (let i = start; i < entries.length; i++) {
    const t = entries[i]!;
    const code = t.frame.code;
    const line = t.lineno;
    if (lastFile === null || code.filename !== lastFile || line !== lastLine || code.name !== lastName) {
      if (cnt > TB_RECURSIVE_CUTOFF) out += repeated(cnt - TB_RECURSIVE_CUTOFF);
      lastFile = code.filename;
      lastLine = line;
      lastName = code.name;
      cnt = 0;
    }
    cnt++;
    if (cnt > TB_RECURSIVE_CUTOFF) continue;
    out += `  File "${code.filename}", line ${line ?? -1}, in ${code.name}\n`;
    if (line !== null) out += sourceLine(code, t.lasti, line);
  }
  if (cnt > TB_RECURSIVE_CUTOFF) out += repeated(cnt - TB_RECURSIVE_CUTOFF);
  return out;
}

const sourceCache = new Map<string, string[] | null>();

function sourceLines(filename: string): string[] | null {
  let lines = sourceCache.get(filename);
  if (lines === undefined) {
    const text = ts.host.readSource?.(filename) ?? null;
    lines = text === null ? null : text.split(/\r\n|\r|\n/);
    sourceCache.set(filename, lines);
  }
  return lines;
}

/** Characters in the first `bytes` UTF-8 bytes of `line` (_PyPegen_byte_offset_to_character_offset). */
function charOffset(line: string, bytes: number): number {
  const enc = new TextEncoder().encode(line);
  if (bytes > enc.length + 1) bytes = enc.length + 1;
  return Array.from(new TextDecoder().decode(enc.subarray(0, bytes))).length;
}

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\f';
}

/** The source line of a traceback entry and its caret line (tb_displayline). */
function sourceLine(code: Code, lasti: number, lineno: number): string {
  const lines = sourceLines(code.filename);
  if (lines === null || lineno < 1 || lineno > lines.length) return '';
  const full = lines[lineno - 1]!;
  const chars = Array.from(full);
  let lead = 0;
  while (lead < chars.length && (chars[lead] === ' ' || chars[lead] === '\t' || chars[lead] === '\f')) lead++;
  let out = `    ${chars.slice(lead).join('')}\n`;
  const pos = code.positionAt(lasti);
  if (pos === null || pos.line === null || pos.endLine === null || pos.col === null || pos.endCol === null) return out;
  const start = charOffset(full, pos.col);
  let end = charOffset(full, pos.endCol);
  let left = -1;
  let right = -1;
  let primary = '^';
  let secondary = '^';
  if (pos.line === pos.endLine) {
    const anchors = caretAnchors(chars.slice(start, end).join(''));
    if (anchors !== null) {
      left = anchors.left + start;
      right = anchors.right + start;
      primary = anchors.primary;
      secondary = anchors.secondary;
    }
  } else {
    let i = chars.length;
    while (--i >= 0) if (!isWs(chars[i])) break;
    end = i + 1;
  }
  const hasSecondary = left !== -1 || right !== -1;
  if (end - start === chars.length - lead && !hasSecondary) return out;
  let carets = '';
  for (let offset = lead - 4 + 1; offset <= end; offset++) {
    if (offset <= start) carets += ' ';
    else if (hasSecondary && left < offset && offset <= right) carets += secondary;
    else carets += primary;
  }
  return out + carets + '\n';
}

function repeated(n: number): string {
  return `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
}

function typeLabel(t: PyType): string {
  const mod = t.module;
  if (mod === 'builtins' || mod === '__main__') return t.qualname;
  return `${mod}.${t.qualname}`;
}

function exceptionLine(exc: PyObject): string {
  const label = typeLabel(exc.type);
  const syntax = syntaxErrorDisplay(exc);
  if (syntax !== null) return syntax.msg === '' ? `${syntax.lines}${label}\n` : `${syntax.lines}${label}: ${syntax.msg}\n`;
  let out: string;
  try {
    const msg = str(exc);
    out = msg === '' ? label : `${label}: ${msg}`;
  } catch {
    out = `${label}: <exception str() failed>`;
  }
  // print_exception_suggestions: after the message, whether or not str() worked
  const suggestion = offerSuggestion(exc);
  if (suggestion !== null) out += `. Did you mean: '${suggestion}'?`;
  out += '\n';
  if (exc.dict instanceof PyDict) {
    const notes = exc.dict.getStr('__notes__');
    if (notes instanceof PyList) {
      for (const n of notes.items) out += (n instanceof PyStr ? n.value : str(n)) + '\n';
    }
  }
  return out;
}

const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** exception_print_context: the state of one excepthook print (groups nest with margins). */
interface PrintContext {
  seen: Set<PyObject>;
  depth: number;
  needClose: boolean;
  parts: string[];
  limit: number;
}

function indent(ctx: PrintContext): string {
  return ' '.repeat(2 * ctx.depth);
}

/** Write `text`, every line behind the group margin when inside a group. */
function emit(ctx: PrintContext, text: string, margin = '|'): void {
  if (ctx.depth === 0) {
    ctx.parts.push(text);
    return;
  }
  const prefix = `${indent(ctx)}${margin} `;
  ctx.parts.push(text.split(/(?<=\n)/).map((l) => prefix + l).join(''));
}

function printChained(ctx: PrintContext, e: PyObject, message: string): void {
  const needClose = ctx.needClose;
  printExceptionRecursive(ctx, e);
  ctx.needClose = needClose;
  emit(ctx, `\n${message}\n\n`);
}

/** print_exception_recursive: the chain first, then the exception (or group). */
function printExceptionRecursive(ctx: PrintContext, e: PyObject): void {
  ctx.seen.add(e);
  if (e instanceof PyBaseException) {
    if (e.cause !== null && !ctx.seen.has(e.cause)) {
      printChained(ctx, e.cause, 'The above exception was the direct cause of the following exception:');
    } else if (e.context !== null && !e.suppressContext && !ctx.seen.has(e.context)) {
      printChained(ctx, e.context, 'During handling of the above exception, another exception occurred:');
    }
  }
  const tb = e instanceof PyBaseException ? (e.traceback as PyTraceback | null) : null;
  if (!isExceptionGroup(e)) {
    if (tb !== null) emit(ctx, 'Traceback (most recent call last):\n' + tbLines(tb, ctx.limit));
    emit(ctx, exceptionLine(e));
    return;
  }
  if (ctx.depth > MAX_GROUP_DEPTH) {
    emit(ctx, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    return;
  }
  const topLevel = ctx.depth === 0;
  if (topLevel) ctx.depth++;
  if (tb !== null) {
    emit(ctx, 'Exception Group Traceback (most recent call last):\n', topLevel ? '+' : '|');
    emit(ctx, tbLines(tb, ctx.limit));
  }
  emit(ctx, exceptionLine(e));
  const excs = e.exceptions;
  const n = excs.length <= MAX_GROUP_WIDTH ? excs.length : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    ctx.parts.push(`${indent(ctx)}${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`);
    ctx.depth++;
    if (!truncated) printExceptionRecursive(ctx, excs[i]!);
    else {
      const more = excs.length - MAX_GROUP_WIDTH;
      emit(ctx, `and ${more} more exception${more > 1 ? 's' : ''}\n`);
    }
    if (last && ctx.needClose) {
      ctx.parts.push(`${indent(ctx)}+------------------------------------\n`);
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (topLevel) ctx.depth = 0;
}

/** The text CPython's default excepthook writes for `exc`, chained exceptions included. */
export function formatException(exc: PyObject, limit = 1000): string {
  const ctx: PrintContext = { seen: new Set(), depth: 0, needClose: false, parts: [], limit };
  printExceptionRecursive(ctx, exc);
  return ctx.parts.join('');
}

/** handle_system_exit: the exit code for an uncaught SystemExit (printing a non-int code). */
export function systemExitCode(exc: PyBaseException): number {
  const args = exc.args;
  const code = args.length === 0 ? None : args.length === 1 ? args[0]! : null;
  if (code === None) return 0;
  if (code instanceof PyInt) return Number(BigInt.asIntN(32, code.value)) & 0xff;
  ts.host.writeStderr(str(code === null ? exc : code) + '\n');
  return 1;
}

/** The exit code for an exception that escaped the main module (printing its traceback). */
export function reportUncaught(err: PyError): number {
  const exc = err.exc;
  if (exc instanceof PyBaseException && exc.type.isSubtype(systemExitType)) return systemExitCode(exc);
  ts.host.writeStderr(formatException(exc));
  return 1;
}
