// What the compiling process has interned before it compiles the module: the one input of
// CPython's pyc output that is not a function of the source (pyc-format.md §4.5). tspyc's
// canonical choice is a fresh `pythonX.Y -m py_compile FILE` process. Even that is not fully
// deterministic in 3.11, whose interned strings are mortal: a few ('O_BINARY', '_m',
// 'st_file_attributes') are interned in some runs only; the tables keep what most runs show.
//
// Three kinds of start-up interning matter:
// - identifier-like strings interned as objects of their own (the names of every module the
//   interpreter and py_compile load, attribute names of built-in types, …). A string constant
//   equal to one is a different object that _PyCode_New must replace, which rebuilds any frozenset
//   holding it (so equal frozensets in two functions stop being shared). This includes 1-character
//   names such as 'x': the deep-frozen modules' strings are interned in place of the Latin-1
//   singletons.
// - 1-character strings whose Latin-1 singleton itself is interned: they are written 'Z'/'t'
//   wherever they appear ('*' only in 3.11/3.12; all of them in 3.13).
// - 3.13 only: dotted qualnames (it interns co_qualname), which a class body of the same qualname
//   then gets as co_qualname instead of its own __qualname__ constant (§4.5.2).
import type { Target } from '../../target.js';
import * as py311 from './generated/py311-startup-interned.js';
import * as py312 from './generated/py312-startup-interned.js';
import * as py313 from './generated/py313-startup-interned.js';

export interface ProcessState {
  /** strings interned before compiling, as objects other than any the compile makes */
  internedStrings: (value: string) => boolean;
  /** 1-character strings whose singleton is interned before compiling */
  internedChars: (value: string) => boolean;
}

interface Table {
  STARTUP_INTERNED: string;
  STARTUP_INTERNED_CHARS: readonly string[];
  STARTUP_INTERNED_QUALNAMES: readonly string[];
}

const TABLES: Record<string, Table> = {
  '3.11': py311,
  '3.12': py312,
  '3.13': py313,
};
const fresh = new Map<string, ProcessState>();

/** A fresh `pythonX.Y -m py_compile FILE` process (measured by tools/gen-startup-interned.ts). */
export function freshPyCompileState(target: Target): ProcessState {
  let state = fresh.get(target.version);
  if (!state) {
    const table = TABLES[target.version];
    if (!table) throw new Error(`no start-up interning table for Python ${target.version}`);
    const strings = new Set(table.STARTUP_INTERNED.split(/\s+/).filter(Boolean));
    for (const q of table.STARTUP_INTERNED_QUALNAMES) strings.add(q);
    const chars = new Set(table.STARTUP_INTERNED_CHARS);
    state = { internedStrings: (s) => strings.has(s), internedChars: (s) => chars.has(s) };
    fresh.set(target.version, state);
  }
  return state;
}
