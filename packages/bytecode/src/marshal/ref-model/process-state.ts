// What the compiling process has interned before it compiles the module: the one input of
// CPython's pyc output that is not a function of the source (pyc-format.md §4.5). tspyc's
// canonical choice is a fresh `python3.11 -m py_compile FILE` process (run with PYTHONHASHSEED=0,
// as the oracles are; one string, 'O_BINARY', was seen to depend on the seed).
//
// Two kinds of start-up interning matter:
// - identifier-like strings interned as objects of their own (the names of every module the
//   interpreter and py_compile load, attribute names of built-in types, …). A string constant
//   equal to one is a different object that _PyCode_New must replace, which rebuilds any frozenset
//   holding it (so equal frozensets in two functions stop being shared). This includes 1-character
//   names such as 'x': the deep-frozen modules' strings are interned in place of the Latin-1
//   singletons.
// - 1-character strings whose Latin-1 singleton itself is interned: they are written 'Z'/'t'
//   wherever they appear ('*' only, after start-up).
import { PY311_STARTUP_INTERNED, PY311_STARTUP_INTERNED_CHARS } from './generated/py311-startup-interned.js';

export interface ProcessState {
  /** identifier-like strings interned before compiling, as objects other than any the compile makes */
  internedStrings: (value: string) => boolean;
  /** 1-character strings whose singleton is interned before compiling */
  internedChars: (value: string) => boolean;
}

let fresh: ProcessState | null = null;

/** A fresh `python3.11 -m py_compile FILE` process (measured by tools/gen-startup-interned.ts). */
export function freshPyCompileState(): ProcessState {
  if (!fresh) {
    const strings = new Set(PY311_STARTUP_INTERNED.split(/\s+/).filter(Boolean));
    const chars = new Set(PY311_STARTUP_INTERNED_CHARS);
    fresh = { internedStrings: (s) => strings.has(s), internedChars: (s) => chars.has(s) };
  }
  return fresh;
}
