// What a full compile of a program raises, in the shape the tools/oracle scripts print python3.11's
// compile() error in: [type, msg, lineno, offset, end_lineno, end_offset, text], or null when it
// compiles.
import { compileSource, PySyntaxError } from '@tspyc/compiler';

export type CompileError = [string, string, number | null, number | null, number | null, number | null, string | null] | null;

/**
 * tspyc's compile of `source` (text, as compile(str) gets it: columns count characters; or bytes),
 * named '<case>' as the oracle scripts name it: no file has that name, so a symtable or compiler
 * error quotes no line (PyErr_ProgramTextObject).
 */
export function compileErrorOf(source: string | Uint8Array): CompileError {
  try {
    compileSource(source, '<case>', { programText: () => null });
    return null;
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return [e.type, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset, e.text];
  }
}

/** The cases whose error (or its absence) differs from python3.11's, described one per line. */
export function differingCases(cases: readonly { module: string; source: string; error: CompileError }[]): string[] {
  const diffs: string[] = [];
  for (const c of cases) {
    const got = compileErrorOf(c.source);
    if (JSON.stringify(got) !== JSON.stringify(c.error)) diffs.push(`${c.module}: ${JSON.stringify(c.source.slice(0, 200))}: ${JSON.stringify(got)} vs ${JSON.stringify(c.error)}`);
  }
  return diffs;
}
