// _Py_Mangle (Python/compile.c, 3.11): private names `__spam` inside `class Ham` become `_Ham__spam`.

const UNDERSCORE = 0x5f;

/** the mangled form of `ident` inside a class named `privateName` (null outside any class) */
export function mangle(privateName: string | null, ident: string): string {
  if (privateName === null || ident.charCodeAt(0) !== UNDERSCORE || ident.charCodeAt(1) !== UNDERSCORE) return ident;
  const n = ident.length;
  // Don't mangle __id__ or names with dots (a dotted name only occurs in an import).
  if ((ident.charCodeAt(n - 1) === UNDERSCORE && ident.charCodeAt(n - 2) === UNDERSCORE) || ident.includes('.')) return ident;
  // Strip leading underscores from the class name; don't mangle if it is only underscores.
  let i = 0;
  while (i < privateName.length && privateName.charCodeAt(i) === UNDERSCORE) i++;
  if (i === privateName.length) return ident;
  return '_' + privateName.slice(i) + ident;
}
