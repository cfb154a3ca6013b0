// Every error text of CPython 3.11's Python/symtable.c (and the future-statement checks of
// Python/future.c that run before it), word for word. One function per message.

export const GLOBAL_PARAM = (name: string) => `name '${name}' is parameter and global`;
export const NONLOCAL_PARAM = (name: string) => `name '${name}' is parameter and nonlocal`;
export const GLOBAL_AFTER_ASSIGN = (name: string) => `name '${name}' is assigned to before global declaration`;
export const NONLOCAL_AFTER_ASSIGN = (name: string) => `name '${name}' is assigned to before nonlocal declaration`;
export const GLOBAL_AFTER_USE = (name: string) => `name '${name}' is used prior to global declaration`;
export const NONLOCAL_AFTER_USE = (name: string) => `name '${name}' is used prior to nonlocal declaration`;
export const GLOBAL_ANNOT = (name: string) => `annotated name '${name}' can't be global`;
export const NONLOCAL_ANNOT = (name: string) => `annotated name '${name}' can't be nonlocal`;
export const IMPORT_STAR_WARNING = 'import * only allowed at module level';
export const NAMED_EXPR_COMP_IN_CLASS = 'assignment expression within a comprehension cannot be used in a class body';
export const NAMED_EXPR_COMP_CONFLICT = (name: string) => `assignment expression cannot rebind comprehension iteration variable '${name}'`;
export const NAMED_EXPR_COMP_INNER_LOOP_CONFLICT = (name: string) =>
  `comprehension inner loop cannot rebind assignment expression target '${name}'`;
export const NAMED_EXPR_COMP_ITER_EXPR = 'assignment expression cannot be used in a comprehension iterable expression';
export const ANNOTATION_NOT_ALLOWED = (what: string) => `'${what}' can not be used within an annotation`;
export const DUPLICATE_ARGUMENT = (name: string) => `duplicate argument '${name}' in function definition`;
export const NONLOCAL_AND_GLOBAL = (name: string) => `name '${name}' is nonlocal and global`;
export const NONLOCAL_AT_MODULE_LEVEL = 'nonlocal declaration not allowed at module level';
export const NO_BINDING_FOR_NONLOCAL = (name: string) => `no binding for nonlocal '${name}' found`;
export const YIELD_INSIDE_LISTCOMP = "'yield' inside list comprehension";
export const YIELD_INSIDE_SETCOMP = "'yield' inside set comprehension";
export const YIELD_INSIDE_DICTCOMP = "'yield' inside dict comprehension";
export const YIELD_INSIDE_GENEXPR = "'yield' inside generator expression";

// Python/future.c
export const ERR_LATE_FUTURE = 'from __future__ imports must occur at the beginning of the file';
export const FUTURE_NOT_A_CHANCE = 'not a chance';
export const UNDEFINED_FUTURE_FEATURE = (feature: string) => `future feature ${feature} is not defined`;
