// Symbol and block flags of the symbol table: CPython 3.11's Include/internal/pycore_symtable.h,
// same names and the same numbers, so a dump compares with `symtable`'s raw flags bit for bit.

/** def-use facts collected in the first pass (the low bits of a symbol's flags) */
export const DEF_GLOBAL = 1; /* global stmt */
export const DEF_LOCAL = 2; /* assignment in code block */
export const DEF_PARAM = 2 << 1; /* formal parameter */
export const DEF_NONLOCAL = 2 << 2; /* nonlocal stmt */
export const USE = 2 << 3; /* name is used */
export const DEF_FREE = 2 << 4; /* name used but not defined in nested block */
export const DEF_FREE_CLASS = 2 << 5; /* free variable from class's method */
export const DEF_IMPORT = 2 << 6; /* assignment occurred via import */
export const DEF_ANNOT = 2 << 7; /* this name is annotated */
export const DEF_COMP_ITER = 2 << 8; /* this name is a comprehension iteration variable */

export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/** the resolved scope is stored in bits SCOPE_OFFSET.. of the flags */
export const SCOPE_OFFSET = 11;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/** scopes (values of (flags >> SCOPE_OFFSET) & SCOPE_MASK) */
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

/** _Py_block_ty */
export const enum BlockType {
  FunctionBlock = 0,
  ClassBlock = 1,
  ModuleBlock = 2,
  AnnotationBlock = 3,
}

/** _Py_comprehension_ty */
export const enum ComprehensionType {
  NoComprehension = 0,
  ListComprehension = 1,
  DictComprehension = 2,
  SetComprehension = 3,
  GeneratorExpression = 4,
}

/** the scope part of a symbol's flags */
export function scopeOf(flags: number): number {
  return (flags >> SCOPE_OFFSET) & SCOPE_MASK;
}
