// A compile-time warning as CPython's warnings module prints it to stderr under the default
// filters: SyntaxWarning shown every time (the compiler passes no registry, so nothing is
// deduplicated), DeprecationWarning ignored (it is not raised in __main__). The source line comes
// from the file named in the warning, read as linecache reads it (absent when that file is not
// there, e.g. under -d). CPython counterpart: Lib/warnings.py _formatwarnmsg_impl, Lib/linecache.py.
import { readFileSync } from 'node:fs';
import { detectEncoding, lineDecoder, splitLines, type CompileWarning } from '@tspyc/compiler';

/** linecache.getline(filename, lineno): '' when the file or line cannot be read. */
function getline(filename: string, lineno: number): string {
  try {
    let data: Uint8Array = readFileSync(filename);
    const { encoding } = detectEncoding(splitLines(data), filename);
    if (encoding.endsWith('-sig')) data = data.subarray(3);
    // (Python's own codec: its cp437, its latin-1, not the WHATWG decoders of those names)
    const decode = lineDecoder(encoding.replace(/-sig$/, ''));
    if (decode === null) return '';
    const text = decode(data);
    const lines = text.replace(/\r\n?/g, '\n').split(/(?<=\n)/);
    return lines[lineno - 1] ?? '';
  } catch {
    return '';
  }
}

/** The text the default warnings machinery writes for `w`, or null when the default filters ignore it. */
export function formatCompileWarning(w: CompileWarning): string | null {
  if (w.category !== 'SyntaxWarning') return null;
  let s = `${w.filename}:${w.lineno}: ${w.category}: ${w.message}\n`;
  const line = getline(w.filename, w.lineno).trim();
  if (line) s += `  ${line}\n`;
  return s;
}
