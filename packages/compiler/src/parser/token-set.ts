// A set of token types as a lookup table (index: token type, keywords included), for the
// generated parser's "can this rule start here at all" checks.

/** token types stay below this: the exact tokens, then the keywords from 500 */
export const TOKEN_TYPE_LIMIT = 1024;

export function tokenSet(types: readonly number[]): Uint8Array {
  const set = new Uint8Array(TOKEN_TYPE_LIMIT);
  for (const t of types) set[t] = 1;
  return set;
}
