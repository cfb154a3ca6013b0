// Which token types a rule can react to at its starting position, so the generated parser can let
// a rule fail at once on any other token. A rule (or group, or item) "touches" a token type when
// attempting it on that token could do anything at all: consume it, run a lookahead that does, or
// raise an error. Attempted on any other token it fails without consuming, memoising nothing that
// matters, and raising nothing — skipping it is unobservable.
//   ANY: no such promise (the item can match empty, or a forced item can raise on any token).
import type { Alt, Item, Rule } from './grammar.js';

export const ANY = 'any';
export type TokenSet = ReadonlySet<number> | typeof ANY;

export interface TokenTypes {
  /** the token type a grammar string matches: keyword, soft keyword (NAME) or operator */
  ofString(value: string, quote: "'" | '"'): number;
  /** the token type of a token name (NAME, NUMBER, ..., SOFT_KEYWORD is NAME) */
  ofToken(name: string): number | undefined;
}

interface Info {
  touch: TokenSet;
  nullable: boolean;
}

function union(a: TokenSet, b: TokenSet): TokenSet {
  if (a === ANY || b === ANY) return ANY;
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  return new Set([...a, ...b]);
}

function sameSet(a: TokenSet, b: TokenSet): boolean {
  if (a === ANY || b === ANY) return a === b;
  return a.size === b.size && [...a].every((x) => b.has(x));
}

export class FirstSets {
  private readonly rules: Map<string, Info> = new Map();

  constructor(
    rules: Rule[],
    private readonly types: TokenTypes,
  ) {
    for (const r of rules) this.rules.set(r.name, { touch: new Set(), nullable: false });
    // a least fixpoint: sets and nullability only grow
    for (let changed = true; changed; ) {
      changed = false;
      for (const r of rules) {
        const old = this.rules.get(r.name)!;
        const now = this.alts(r.alts);
        if (now.nullable !== old.nullable || !sameSet(now.touch, old.touch)) {
          this.rules.set(r.name, now);
          changed = true;
        }
      }
    }
  }

  rule(name: string): Info {
    return this.rules.get(name)!;
  }

  alts(alts: Alt[]): Info {
    let touch: TokenSet = new Set();
    let nullable = false;
    for (const a of alts) {
      const i = this.sequence(a.items.map((n) => n.item));
      touch = union(touch, i.touch);
      nullable ||= i.nullable;
    }
    // an alternative that can match nothing succeeds (and runs its action) on any token
    return { touch: nullable ? ANY : touch, nullable };
  }

  /** items tried one after another from the same position until one must consume */
  sequence(items: Item[]): Info {
    let touch: TokenSet = new Set();
    for (const item of items) {
      const i = this.item(item);
      touch = union(touch, i.touch);
      if (!i.nullable) return { touch, nullable: false };
    }
    return { touch: ANY, nullable: true };
  }

  item(i: Item): Info {
    switch (i.kind) {
      case 'name': {
        const t = this.types.ofToken(i.value);
        if (t !== undefined) return { touch: new Set([t]), nullable: false };
        return this.rule(i.value);
      }
      case 'string':
        return { touch: new Set([this.types.ofString(i.value, i.quote)]), nullable: false };
      case 'opt':
      case 'star':
        return { touch: this.item(i.item).touch, nullable: true };
      case 'plus':
        return this.item(i.item);
      case 'gather':
        return this.item(i.item);
      case 'group':
        return this.alts(i.alts);
      case 'pos':
      case 'neg': {
        // tried, consuming nothing; an inner item that can match empty reacts to any token
        const inner = this.item(i.item);
        return { touch: inner.nullable ? ANY : inner.touch, nullable: true };
      }
      case 'forced':
        return { touch: ANY, nullable: false };
      case 'cut':
        return { touch: new Set(), nullable: true };
    }
  }
}
