// Left recursion in the grammar as pegen finds it: rules that can call themselves without consuming
// a token, grouped into cycles, one leader per cycle (the alphabetically first) whose result is
// grown from a seed. And the leaders simple enough for a cheaper loop (see selfRecursiveLeader).
import type { Alt, Item, Rule } from './grammar.js';
import { ANY, type FirstSets, type TokenSet } from './first-sets.js';

/** left-recursive rules and the leader of each cycle (pegen: the alphabetically first candidate) */
export function leftRecursion(rules: Rule[]): { leaders: Set<string>; leftRec: Set<string>; sccOf: Map<string, string[]> } {
  const byName = new Map(rules.map((r) => [r.name, r]));
  const nullableMemo = new Map<string, boolean>();
  const ruleNullable = (name: string, seen: Set<string>): boolean => {
    if (nullableMemo.has(name)) return nullableMemo.get(name)!;
    const r = byName.get(name);
    if (!r || seen.has(name)) return false;
    seen.add(name);
    const v = r.alts.some((a) => a.items.every((n) => itemNullable(n.item, seen)));
    nullableMemo.set(name, v);
    return v;
  };
  const itemNullable = (i: Item, seen: Set<string>): boolean => {
    switch (i.kind) {
      case 'opt':
      case 'star':
      case 'pos':
      case 'neg':
      case 'cut':
        return true;
      case 'name':
        return ruleNullable(i.value, seen);
      case 'group':
        return i.alts.some((a) => a.items.every((n) => itemNullable(n.item, seen)));
      default:
        return false;
    }
  };
  const firsts = (i: Item, out: Set<string>): boolean => {
    // adds the rules that may start this item; returns whether the item may match empty
    switch (i.kind) {
      case 'name':
        if (byName.has(i.value)) out.add(i.value);
        return ruleNullable(i.value, new Set());
      case 'string':
        return false;
      case 'opt':
      case 'star':
        firsts(i.item, out);
        return true;
      case 'plus':
        return firsts(i.item, out);
      case 'gather':
        return firsts(i.item, out);
      case 'group': {
        let nullable = false;
        for (const a of i.alts) if (altFirsts(a, out)) nullable = true;
        return nullable;
      }
      case 'pos':
      case 'neg':
      case 'cut':
        return true;
      case 'forced':
        return firsts(i.item, out);
    }
  };
  const altFirsts = (a: Alt, out: Set<string>): boolean => {
    for (const n of a.items) if (!firsts(n.item, out)) return false;
    return true;
  };
  const graph = new Map<string, Set<string>>();
  for (const r of rules) {
    const out = new Set<string>();
    for (const a of r.alts) altFirsts(a, out);
    graph.set(r.name, out);
  }
  // Tarjan's SCC
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const sccs: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      sccs.push(scc);
    }
  };
  for (const r of rules) if (!idx.has(r.name)) strong(r.name);
  const leaders = new Set<string>();
  const leftRec = new Set<string>();
  const sccOf = new Map<string, string[]>();
  for (const scc of sccs) {
    if (scc.length === 1 && !graph.get(scc[0]!)!.has(scc[0]!)) continue;
    for (const n of scc) leftRec.add(n);
    const leader = [...scc].sort()[0]!;
    leaders.add(leader);
    sccOf.set(leader, scc);
  }
  return { leaders, leftRec, sccOf };
}


/**
 * A leader whose cycle is itself alone, whose recursive alternatives all begin with the leader
 * itself, and which nothing else it tries at its starting position can reach there (lookaheads
 * included). Then, inside one round of growing the seed, only those leading self-references ask
 * the memo for the leader at that position, and they get the round's seed: the generated loop
 * hands the seed over directly instead of writing and reading it through the memo.
 * `follow` is what must come after the seed for a recursive alternative to go on (ANY: unknown):
 * when the token after the grown result is not in it, another round could only end where this one
 * did, and the loop stops without trying it.
 */
export interface SelfRecursiveLeader {
  follow: TokenSet;
}

export function selfRecursiveLeader(rule: Rule, scc: string[], rules: Map<string, Rule>, first: FirstSets): SelfRecursiveLeader | null {
  if (scc.length !== 1) return null;
  const name = rule.name;
  const follow = new Set<number>();
  let anyFollow = false;
  for (const a of rule.alts) {
    const head = a.items[0]?.item;
    if (head?.kind === 'name' && head.value === name) {
      const rest = first.sequence(a.items.slice(1).map((n) => n.item));
      if (rest.nullable || rest.touch === ANY) anyFollow = true;
      else for (const t of rest.touch) follow.add(t);
    } else if (reachesAtStart(a, name, rules, first)) return null;
  }
  return { follow: anyFollow ? ANY : follow };
}

/** whether trying `alt` can call rule `target` at the alternative's own starting position */
function reachesAtStart(alt: Alt, target: string, rules: Map<string, Rule>, first: FirstSets): boolean {
  const seen = new Set<string>();
  const inAlt = (a: Alt): boolean => {
    for (const n of a.items) {
      if (inItem(n.item)) return true;
      if (!first.item(n.item).nullable) return false;
    }
    return false;
  };
  const inItem = (i: Item): boolean => {
    switch (i.kind) {
      case 'name': {
        if (i.value === target) return true;
        const r = rules.get(i.value);
        if (!r || seen.has(i.value)) return false;
        seen.add(i.value);
        return r.alts.some(inAlt);
      }
      case 'string':
      case 'cut':
        return false;
      case 'group':
        return i.alts.some(inAlt);
      case 'gather':
        return inItem(i.item);
      default:
        return inItem(i.item);
    }
  };
  return inAlt(alt);
}
