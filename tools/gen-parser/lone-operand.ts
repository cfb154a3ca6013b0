// The lone-operand shortcuts' grammar analysis. Most expressions in real code are one operand: a
// NAME or NUMBER, or a primary (a call, an attribute, a subscript, a string, a display) — an
// argument, a subscript, the right side of an assignment. Reaching it from `expression` takes some
// twenty rule calls, each of which then finds that the next token does not continue it.
// For a rule R, a start token type and the operand (the start token's atom, or `primary`), this
// computes the token types that can continue that operand anywhere between R and it (an operator,
// '.', '(', '[' after an atom, a comparison, 'and', 'if', ...). When the token after the operand is
// none of them, R's result is the operand's node, ending after it — what the full descent returns,
// having made the same calls and read the same tokens — so the generated parser can return it at
// once (first pass only: the invalid_* alternatives are left out here, as they are then).
// ANY means no such promise could be derived (the generator then refuses the shortcut).
import { ANY, type FirstSets, type TokenSet } from './first-sets.js';
import { mentionsInvalid, type Alt, type Rule } from './grammar.js';

function union(a: TokenSet, b: TokenSet): TokenSet {
  if (a === ANY || b === ANY) return ANY;
  return new Set([...a, ...b]);
}

function hasCut(a: Alt): boolean {
  return a.items.some((n) => n.item.kind === 'cut');
}

/**
 * The token types that can continue a lone operand inside `rule` (ANY: unknown): with `leaf`
 * null, the operand is the single `start` token (atom's NAME or NUMBER); with a rule name (primary),
 * it is that rule's result, starting with a `start` token. `tokenOf` gives the token type of a
 * token name (NAME, NUMBER, ...), undefined for rule names.
 */
export function loneContinuation(
  rule: string,
  start: number,
  leaf: string | null,
  rulesByName: ReadonlyMap<string, Rule>,
  first: FirstSets,
  tokenOf: (name: string) => number | undefined,
): TokenSet {
  const visiting = new Set<string>();
  const cont = (name: string): TokenSet => {
    const r = rulesByName.get(name);
    if (r === undefined || visiting.has(name)) return ANY;
    visiting.add(name);
    try {
      return ofAlts(r.name, r.alts);
    } finally {
      visiting.delete(name);
    }
  };
  /** what follows the first item of an alternative that fails on it: its own first tokens */
  const restFirst = (items: Alt['items']): TokenSet => {
    if (items.length === 0) return ANY;
    const f = first.sequence(items.map((n) => n.item));
    return f.nullable ? ANY : f.touch;
  };
  const ofAlts = (name: string, alts: Alt[]): TokenSet => {
    let acc: TokenSet = new Set();
    for (const a of alts) {
      if (a.items.some((n) => mentionsInvalid(n.item))) continue;
      if (a.items.length === 0) return ANY;
      const head = a.items[0]!.item;
      const touch = first.item(head).touch;
      if (touch === ANY) return ANY;
      if (!touch.has(start)) continue; // fails on the start token, unobservably
      if (hasCut(a)) return ANY;
      if (head.kind !== 'name') return ANY;
      const passthrough = a.items.length === 1 && (a.action === null || a.action.trim() === a.items[0]!.name);
      if (leaf === null ? tokenOf(head.value) === start : head.value === leaf) {
        // the operand itself: this alternative matches, and the ones after it are not tried
        return passthrough ? acc : ANY;
      }
      if (tokenOf(head.value) !== undefined) return ANY;
      if (head.value === name) {
        // left recursion (name op ...): grows only on the first tokens of what follows
        acc = union(acc, restFirst(a.items.slice(1)));
        if (acc === ANY) return ANY;
        continue;
      }
      acc = union(acc, cont(head.value));
      if (acc === ANY) return ANY;
      if (a.items.length === 1) return passthrough ? acc : ANY;
      // head matched the lone atom: the rest of the alternative fails on a token it cannot start with
      acc = union(acc, restFirst(a.items.slice(1)));
      if (acc === ANY) return ANY;
    }
    // no alternative yields the atom itself
    return ANY;
  };
  return cont(rule);
}
