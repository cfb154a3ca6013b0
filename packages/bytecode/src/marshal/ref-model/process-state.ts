// What the compiling process has interned before it compiles the module: the one piece of
// CPython's pyc output that is not a function of the source (pyc-format.md §4.5). tspyc's
// canonical choice is a fresh `python3.11 -m py_compile FILE` process.
//
// Measured: in such a process the only 1-character Latin-1 strings that are interned but not
// identifier-like are '*' (a probe module holding all 256 one-character strings as constants
// writes every other non-[A-Za-z0-9_] one as unflagged-interned 'z').

/** 1-character strings a fresh `python3.11 -m py_compile` has interned before compiling. */
export const FRESH_PY_COMPILE_INTERNED_CHARS: ReadonlySet<string> = new Set(['*']);

/** The start-up interned set of a fresh `python3.11 -m py_compile` process, as far as it is modelled. */
export function internedByFreshPyCompile(value: string): boolean {
  return FRESH_PY_COMPILE_INTERNED_CHARS.has(value);
}
