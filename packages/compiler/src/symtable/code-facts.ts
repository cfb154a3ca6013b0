// What CPython 3.11's compiler reads off a block when it opens a code object (Python/compile.c:
// compiler_enter_scope's dictbytype calls, the implicit __class__ cell, compute_code_flags). Kept
// beside the symbol table so codegen and the differential tests use one definition.
import type { SymbolTableEntry } from './entry.js';
import { BlockType, CELL, DEF_FREE_CLASS, FREE, SCOPE_MASK, SCOPE_OFFSET } from './flags.js';

/** co_flags bits (Include/cpython/code.h) */
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_NOFREE = 0x0040;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;

/** Python's sorted() order for str: by code point */
function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/**
 * dictbytype(src, scope_type, flag): the names whose scope is `scope` or whose flags have `flag`,
 * sorted (CPython sorts them so that the order doesn't depend on dict iteration).
 */
export function dictbytype(ste: SymbolTableEntry, scope: number, flag: number): string[] {
  const out: string[] = [];
  // (forEach: an entries iterator makes a [name, flags] pair per symbol)
  ste.symbols.forEach((flags, name) => {
    if (((flags >> SCOPE_OFFSET) & SCOPE_MASK) === scope || flags & flag) out.push(name);
  });
  return out.length > 1 ? out.sort(byCodePoint) : out;
}

/** u_cellvars: the CELL names, or for a class that needs it, the implicit __class__ cell */
export function cellvars(ste: SymbolTableEntry): string[] {
  const cells = dictbytype(ste, CELL, 0);
  if (ste.needsClassClosure) cells.push('__class__');
  return cells;
}

/** u_freevars: the FREE names, and in a class the names its methods use free (DEF_FREE_CLASS) */
export function freevars(ste: SymbolTableEntry): string[] {
  return dictbytype(ste, FREE, DEF_FREE_CLASS);
}

/** compute_code_flags, without the compiler flags (PyCF_MASK, top-level await) a caller adds */
export function computeCodeFlags(ste: SymbolTableEntry): number {
  if (ste.type !== BlockType.FunctionBlock) return 0;
  let flags = CO_NEWLOCALS | CO_OPTIMIZED;
  if (ste.nested) flags |= CO_NESTED;
  if (ste.isGenerator && !ste.isCoroutine) flags |= CO_GENERATOR;
  if (!ste.isGenerator && ste.isCoroutine) flags |= CO_COROUTINE;
  if (ste.isGenerator && ste.isCoroutine) flags |= CO_ASYNC_GENERATOR;
  if (ste.varargs) flags |= CO_VARARGS;
  if (ste.varkeywords) flags |= CO_VARKEYWORDS;
  return flags;
}
