// Emits a TypeScript PEG parser from python.gram's rules, with pegen's semantics: ordered choice,
// memoised rules, left-recursive leaders grown from a seed, lookaheads, cut, forced tokens, the
// invalid_* alternatives gated behind the second (error) pass, and actions run on success.
import { translateAction, type ActionContext } from './actions.js';
import { ANY, FirstSets, type TokenSet } from './first-sets.js';
import { mentionsInvalid, type Alt, type Item, type NamedItem, type Rule } from './grammar.js';
import { loneContinuation } from './lone-operand.js';
import { leftRecursion, selfRecursiveLeader, type SelfRecursiveLeader } from './left-recursion.js';

const TOKENS = new Set(['NAME', 'NUMBER', 'STRING', 'NEWLINE', 'INDENT', 'DEDENT', 'ENDMARKER', 'TYPE_COMMENT', 'ASYNC', 'AWAIT', 'SOFT_KEYWORD', 'OP']);

export interface EmitInput {
  rules: Rule[];
  /** operator text → token number */
  exactTokens: Readonly<Record<string, number>>;
  /** token name → token number */
  tokenTypes: Readonly<Record<string, number>>;
  ctx: ActionContext;
  source: string;
  /** rules (memo) or self-recursive leaders generated without a memo (see gen-parser.ts) */
  unmemoised: ReadonlySet<string>;
  /** memoised rules that return a lone operand at once (see lone-operand.ts) */
  loneOperand: ReadonlySet<string>;
}

function itemText(i: Item): string {
  switch (i.kind) {
    case 'name':
      return i.value;
    case 'string':
      return `${i.quote}${i.value}${i.quote}`;
    case 'opt':
      return i.item.kind === 'group' ? `[${altsText(i.item.alts)}]` : `${itemText(i.item)}?`;
    case 'star':
      return `${itemText(i.item)}*`;
    case 'plus':
      return `${itemText(i.item)}+`;
    case 'gather':
      return `${itemText(i.sep)}.${itemText(i.item)}+`;
    case 'group':
      return `(${altsText(i.alts)})`;
    case 'pos':
      return `&${itemText(i.item)}`;
    case 'neg':
      return `!${itemText(i.item)}`;
    case 'forced':
      return `&&${itemText(i.item)}`;
    case 'cut':
      return '~';
  }
}
function altText(a: Alt): string {
  return a.items.map((n) => (n.name ? `${n.name}=` : '') + itemText(n.item)).join(' ');
}
function altsText(alts: Alt[]): string {
  return alts.map(altText).join(' | ');
}

export function emitParser(input: EmitInput): string {
  const { rules, exactTokens, ctx } = input;
  const ruleIds = new Map(rules.map((r, i) => [r.name, i]));
  const { leaders, sccOf } = leftRecursion(rules);
  // memo slots: one per memoised rule (marked (memo), or a left-recursive leader)
  const memoSlots = new Map<string, number>();
  for (const r of rules) if ((r.memo || leaders.has(r.name)) && !input.unmemoised.has(r.name)) memoSlots.set(r.name, memoSlots.size);
  const keywords = new Map<string, number>();
  const softKeywords = new Set<string>();
  const collectStrings = (i: Item): void => {
    if (i.kind === 'string') {
      if (/^[A-Za-z_]\w*$/.test(i.value)) {
        if (i.quote === "'") {
          if (!keywords.has(i.value)) keywords.set(i.value, 0);
        } else softKeywords.add(i.value);
      } else if (exactTokens[i.value] === undefined) throw new Error(`unknown operator ${i.value}`);
    } else if (i.kind === 'group') i.alts.forEach((a) => a.items.forEach((n) => collectStrings(n.item)));
    else if (i.kind === 'gather') {
      collectStrings(i.sep);
      collectStrings(i.item);
    } else if ('item' in i) collectStrings(i.item);
  };
  rules.forEach((r) => r.alts.forEach((a) => a.items.forEach((n) => collectStrings(n.item))));
  [...keywords.keys()].sort().forEach((k, i) => keywords.set(k, 500 + i));

  const first = new FirstSets(rules, {
    ofString: (value, quote) => (/^[A-Za-z_]\w*$/.test(value) ? (quote === "'" ? keywords.get(value)! : input.tokenTypes['NAME']!) : exactTokens[value]!),
    ofToken: (name) => (TOKENS.has(name) ? input.tokenTypes[name === 'SOFT_KEYWORD' ? 'NAME' : name] : undefined),
  });
  const rulesByName = new Map(rules.map((r) => [r.name, r]));
  const selfLeaders = new Map<string, SelfRecursiveLeader>();
  for (const [leader, scc] of sccOf) {
    const s = selfRecursiveLeader(rulesByName.get(leader)!, scc, rulesByName, first);
    if (s) selfLeaders.set(leader, s);
  }
  // token sets as lookup tables (index: token type), one constant per distinct set
  const tokenSets = new Map<string, string>();
  const tokenSetName = (set: ReadonlySet<number>): string => {
    const key = [...set].sort((a, b) => a - b).join(',');
    let name = tokenSets.get(key);
    if (name === undefined) tokenSets.set(key, (name = `TS${tokenSets.size}`));
    return name;
  };
  /** the line that fails a rule at once on a token it cannot react to (see first-sets.ts) */
  const entryCheck = (touch: TokenSet, fail: string): string[] =>
    touch === ANY ? [] : [`    const _tt = this.peekType();`, `    if (${tokenSetName(touch)}[_tt] === 0) return ${fail};`];

  /**
   * The lone-operand shortcuts at the start of a memoised rule, after its memo lookup (see
   * lone-operand.ts): a NAME or NUMBER whose next token continues nothing, then a primary.
   */
  const loneOperandCheck = (rule: string, slot: number): string => {
    if (!input.loneOperand.has(rule)) return '';
    const tokenOf = (name: string): number | undefined => (TOKENS.has(name) ? input.tokenTypes[name === 'SOFT_KEYWORD' ? 'NAME' : name] : undefined);
    /** the continuation set, the same for every start token in `starts` */
    const continuation = (starts: Iterable<number>, leaf: string | null): string => {
      const names = new Set<string>();
      for (const t of starts) {
        const set = loneContinuation(rule, t, leaf, rulesByName, first, tokenOf);
        if (set === ANY) throw new Error(`no lone-operand shortcut for ${rule} (${leaf ?? 'atom'} starting with token ${t})`);
        names.add(tokenSetName(set));
      }
      if (names.size !== 1) throw new Error(`no lone-operand shortcut for ${rule}: its continuations differ by start token`);
      return [...names][0]!;
    };
    const primaryStart = first.rule('primary').touch;
    if (first.rule(rule).touch === ANY || primaryStart === ANY) throw new Error(`no lone-operand shortcut for ${rule}`);
    const atomCont = continuation([input.tokenTypes['NAME']!, input.tokenTypes['NUMBER']!], null);
    const primaryCont = continuation(primaryStart, 'primary');
    return (
      `    if (!this.callInvalidRules) {\n` +
      `      if (_tt === T.NAME || _tt === T.NUMBER) {\n` +
      `        const lone = this.loneAtom(${atomCont});\n` +
      `        if (lone !== null) {\n` +
      `          this.memoize(this.mark - 1, ${slot}, lone, this.mark);\n` +
      `          return lone;\n` +
      `        }\n` +
      `      }\n` +
      `      if (${tokenSetName(primaryStart)}[_tt] !== 0) {\n` +
      `        const start = this.mark;\n` +
      `        const lone = this.r_primary();\n` +
      `        if (lone !== null && ${primaryCont}[this.peekType()] === 0) {\n` +
      `          this.memoize(start, ${slot}, lone, this.mark);\n` +
      `          return lone;\n` +
      `        }\n` +
      `        this.mark = start;\n` +
      `      }\n` +
      `    }\n`
    );
  };

  const methods: string[] = [];
  let helperCount = 0;

  const tokenExpr = (name: string): string => {
    switch (name) {
      case 'NAME':
        return 'this.nameToken()';
      case 'NUMBER':
        return 'this.numberToken()';
      case 'STRING':
        return 'this.stringToken()';
      case 'SOFT_KEYWORD':
        return 'this.softKeywordToken()';
      default:
        return `this.expectToken(T.${name})`;
    }
  };

  /** the type of a token item matched by type alone (no Token object is made for it), or null */
  const plainTokenType = (i: Item): string | null => {
    if (i.kind === 'string') {
      if (/^[A-Za-z_]\w*$/.test(i.value)) return i.quote === "'" ? `${keywords.get(i.value)} /* '${i.value}' */` : null;
      return `${exactTokens[i.value]} /* '${i.value}' */`;
    }
    if (i.kind === 'name' && TOKENS.has(i.value) && !['NAME', 'NUMBER', 'STRING', 'SOFT_KEYWORD'].includes(i.value)) return `T.${i.value}`;
    return null;
  };

  /** the token types a lookahead item tests by type alone (a plain token, or a group of them), or null */
  const lookaheadTypes = (i: Item): number[] | null => {
    // (a lookahead keeps no value: NAME, NUMBER and STRING are tested by type too)
    const one = (x: Item): number | null => {
      if (x.kind === 'name' && TOKENS.has(x.value) && x.value !== 'SOFT_KEYWORD') return input.tokenTypes[x.value]!;
      if (plainTokenType(x) === null) return null;
      return x.kind === 'string' ? (/^[A-Za-z_]/.test(x.value) ? keywords.get(x.value)! : exactTokens[x.value]!) : null;
    };
    const ofAlts = (alts: Alt[]): number[] | null => {
      const types = alts.map((a) => (a.items.length === 1 && !a.action && a.items[0]!.item.kind !== 'pos' && a.items[0]!.item.kind !== 'neg' ? one(a.items[0]!.item) : null));
      return types.every((t) => t !== null) ? (types as number[]) : null;
    };
    if (i.kind === 'group') return ofAlts(i.alts);
    // a rule of plain tokens only (t_lookahead: '(' | '[' | '.')
    if (i.kind === 'name' && !TOKENS.has(i.value) && rulesByName.has(i.value)) return ofAlts(rulesByName.get(i.value)!.alts);
    const t = one(i);
    return t === null ? null : [t];
  };

  /** an expression evaluating to the item's value, or null when it does not match */
  const valueExpr = (i: Item): string => {
    switch (i.kind) {
      case 'name':
        if (TOKENS.has(i.value)) return tokenExpr(i.value);
        if (!ruleIds.has(i.value)) throw new Error(`unknown rule ${i.value}`);
        return `this.r_${i.value}()`;
      case 'string':
        if (/^[A-Za-z_]\w*$/.test(i.value)) {
          return i.quote === "'" ? `this.expectToken(${keywords.get(i.value)} /* '${i.value}' */)` : `this.expectSoftKeyword(${JSON.stringify(i.value)})`;
        }
        return `this.expectToken(${exactTokens[i.value]} /* '${i.value}' */)`;
      case 'group':
        if (i.alts.length === 1 && i.alts[0]!.items.length === 1 && !i.alts[0]!.action && i.alts[0]!.items[0]!.item.kind !== 'pos' && i.alts[0]!.items[0]!.item.kind !== 'neg') {
          return valueExpr(i.alts[0]!.items[0]!.item);
        }
        return `this.${helper('tmp', i, () => [...entryCheck(first.item(i).touch, 'null'), ruleBody(`_tmp`, i.alts, null, false, false, first.item(i).touch)].join('\n'))}()`;
      case 'star':
        return `this.${helper('loop0', i, () => loopBody(i.item, false))}()`;
      case 'plus':
        return `this.${helper('loop1', i, () => loopBody(i.item, true))}()`;
      case 'gather':
        return `this.${helper('gather', i, () => gatherBody(i.sep, i.item))}()`;
      default:
        throw new Error(`no value for ${i.kind}`);
    }
  };

  const helper = (kind: string, i: Item, body: () => string): string => {
    const name = `_${kind}_${helperCount++}`;
    const text = body();
    methods.push(`  /** ${itemText(i).replace(/\*\//g, '* /')} */\n  ${name}(): any {\n${text}\n  }\n`);
    return name;
  };

  // the list is only allocated once an item matched: most repetitions match nothing
  const loopBody = (item: Item, atLeastOne: boolean): string =>
    [
      ...entryCheck(first.item(item).touch, atLeastOne ? 'null' : '[]'),
      `    let m = this.mark;`,
      `    let out: any[] | null = null;`,
      `    let v: any;`,
      `    while ((v = ${valueExpr(item)}) !== null) {`,
      `      if (out === null) out = [v];`,
      `      else out.push(v);`,
      `      m = this.mark;`,
      `    }`,
      `    this.mark = m;`,
      atLeastOne ? `    return out;` : `    return out ?? [];`,
    ].join('\n');

  const gatherBody = (sep: Item, item: Item): string =>
    [
      ...entryCheck(first.item(item).touch, 'null'),
      `    const start = this.mark;`,
      `    let v: any = ${valueExpr(item)};`,
      `    if (v === null) {`,
      `      this.mark = start;`,
      `      return null;`,
      `    }`,
      `    const out: any[] = [v];`,
      `    let m = this.mark;`,
      `    while (${plainTokenType(sep) !== null ? `this.expectType(${plainTokenType(sep)})` : `${valueExpr(sep)} !== null`} && (v = ${valueExpr(item)}) !== null) {`,
      `      out.push(v);`,
      `      m = this.mark;`,
      `    }`,
      `    this.mark = m;`,
      `    return out;`,
    ].join('\n');

  /** the condition for one item, assigning its value to `v` when it has one */
  // (a token whose value no action takes is matched by type: expectType, peekType)
  const itemCond = (n: NamedItem, v: string | null, state: { cut: boolean }, used: boolean): string => {
    const i = n.item;
    const plain = plainTokenType(i.kind === 'opt' || i.kind === 'pos' || i.kind === 'neg' ? i.item : i);
    switch (i.kind) {
      case 'opt':
        if (plain !== null && !used) return `(this.expectType(${plain}), true)`;
        return `((${v} = ${valueExpr(i.item)}), true)`;
      case 'star':
        return `((${v} = ${valueExpr(i)}), true)`;
      case 'pos': {
        const types = lookaheadTypes(i.item);
        if (types !== null) return types.length === 1 ? `this.peekType() === ${types[0]}` : `${tokenSetName(new Set(types))}[this.peekType()] !== 0`;
        return `this.positive(this.mark, ${valueExpr(i.item)})`;
      }
      case 'neg': {
        const types = lookaheadTypes(i.item);
        if (types !== null) return types.length === 1 ? `this.peekType() !== ${types[0]}` : `${tokenSetName(new Set(types))}[this.peekType()] === 0`;
        return `this.negative(this.mark, ${valueExpr(i.item)})`;
      }
      case 'cut':
        state.cut = true;
        return `(cut = true)`;
      case 'forced': {
        const inner = i.item;
        if (inner.kind === 'string' && !/^[A-Za-z_]/.test(inner.value)) {
          return `(${v} = this.expectForcedToken(${exactTokens[inner.value]}, ${JSON.stringify(inner.value)})) !== null`;
        }
        return `(${v} = this.expectForcedResult(${valueExpr(inner)}, ${JSON.stringify(itemText(inner))})) !== null`;
      }
      default:
        if (plain !== null && !used) return `this.expectType(${plain})`;
        return `(${v} = ${valueExpr(i)}) !== null`;
    }
  };

  const producesValue = (i: Item): boolean => i.kind !== 'pos' && i.kind !== 'neg' && i.kind !== 'cut';

  /** the body of a rule or group helper: ordered choice over `alts` */
  // `checked`: the set the entry check tested the token at the mark (_tt) against, if any; an
  // alternative that cannot start with that token is then skipped the same way
  const ruleBody = (name: string, alts: Alt[], memoKey: number | null, isRule: boolean, seeded = false, checked: TokenSet = ANY): string => {
    const lines: string[] = [];
    const usesExtra = alts.some((a) => a.action && /\bEXTRA\b/.test(a.action));
    lines.push(`    const mark = this.mark;`);
    // pegen runs the *_without_invalid rules with the invalid_* alternatives switched off
    const withoutInvalid = isRule && name.endsWith('without_invalid');
    if (withoutInvalid) lines.push(`    const prevCallInvalid = this.callInvalidRules;`, `    this.callInvalidRules = false;`);
    // pegen reads the start position on entry; the token is read then too (it may raise a tokenizer error)
    if (usesExtra) lines.push(`    if (mark === this.fill) this.fillToken();`);
    const hasCut = alts.some((a) => a.items.some((n) => n.item.kind === 'cut'));
    if (hasCut) lines.push(`    let cut = false;`);
    // (no depth counter: the JS stack is shallower than pegen's MAXSTACK, and parse() turns its
    // overflow into the error CPython gives)
    const ret = (e: string) => (withoutInvalid ? `{ this.callInvalidRules = prevCallInvalid; return ${e}; }` : `return ${e};`);
    // Consecutive alternatives that begin with the same rule get its result once: a second call at
    // the same position can only give the same result and end (a memoised rule answers from the
    // memo; any other would redo the same work), so pegen's repeated calls are not observable.
    const sharedHead = (a: Alt): string | null => {
      const head = a.items[0]?.item;
      if (head?.kind !== 'name' || TOKENS.has(head.value) || (seeded && head.value === name)) return null;
      return a.items.some((n) => mentionsInvalid(n.item)) ? null : head.value;
    };
    let shared = null as { rule: string; v: string } | null;
    for (const [ai, a] of alts.entries()) {
      const head = sharedHead(a);
      if (head === null || head !== shared?.rule) shared = null;
      if (head !== null && shared === null && ai + 1 < alts.length && sharedHead(alts[ai + 1]!) === head) {
        shared = { rule: head, v: `_h${ai}` };
        lines.push(`    const ${shared.v} = this.r_${head}();`, `    const ${shared.v}m = this.mark;`);
      }
      const state = { cut: false };
      const vars: string[] = [];
      let auto = 0;
      const actionTs = a.action ? translateAction(a.action, ctx).ts : null;
      const valueCount = a.items.filter((n) => producesValue(n.item)).length;
      // a value is taken by the action, or is the alternative's result when it is the only one
      const used = (v: string | null): boolean => v !== null && (actionTs !== null ? new RegExp(`\\b${v}\\b`).test(actionTs) : valueCount === 1);
      const conds = a.items.map((n, k) => {
        let v: string | null = null;
        if (producesValue(n.item)) {
          v = n.name ?? `_v${auto++}`;
          vars.push(v);
        }
        // a leading self-reference of a self-recursive leader: this round's seed (see left-recursion.ts)
        if (seeded && k === 0 && n.item.kind === 'name' && n.item.value === name) return `(${v} = seed) !== null && ((this.mark = seedMark), true)`;
        if (shared !== null && k === 0) return `(${v} = ${shared.v}) !== null && ((this.mark = ${shared.v}m), true)`;
        return itemCond(n, v, state, used(v));
      });
      const gated = a.items.some((n) => mentionsInvalid(n.item));
      lines.push(`    // ${altText(a).replace(/\n/g, ' ')}`);
      const altTouch = first.sequence(a.items.map((n) => n.item)).touch;
      const guard = checked !== ANY && altTouch !== ANY && !(altTouch.size === checked.size && [...altTouch].every((t) => checked.has(t)));
      lines.push(guard ? `    if (${tokenSetName(altTouch)}[_tt] !== 0) {` : `    {`);
      if (vars.length) lines.push(`      let ${[...new Set(vars)].map((v) => `${v}: any`).join(', ')};`);
      const cond = (gated ? ['this.callInvalidRules'] : []).concat(conds).join(' &&\n        ') || 'true';
      lines.push(`      if (\n        ${cond}\n      ) {`);
      let result: string;
      if (a.action) {
        const t = translateAction(a.action, ctx);
        if (t.usesExtra) {
          lines.push(`        const _t0 = this.tokens[mark]!, _sl = _t0.lineno, _sc = _t0.col_offset;`);
          lines.push(`        const _e = this.lastNonWhitespaceToken();`);
        }
        result = t.ts;
      } else if (vars.length === 1) result = vars[0]!;
      else result = `H.dummyName(this)`;
      lines.push(`        const _res = ${result};`);
      if (memoKey !== null) lines.push(`        this.memoize(mark, ${memoKey}, _res, this.mark);`);
      lines.push(`        ${ret('_res')}`);
      lines.push(`      }`);
      lines.push(`      this.mark = mark;`);
      if (state.cut) lines.push(`      if (cut) ${memoKey !== null ? `{ this.memoizeFailure(mark, ${memoKey}); ${ret('null')} }` : ret('null')}`);
      lines.push(`    }`);
    }
    if (memoKey !== null) lines.push(`    this.memoizeFailure(mark, ${memoKey});`);
    lines.push(`    ${ret('null')}`);
    return lines.join('\n');
  };

  for (const r of rules) {
    const id = memoSlots.get(r.name) ?? -1;
    const header = `  /** ${r.name}: ${altsText(r.alts).replace(/\*\//g, '* /')} */`;
    const check = entryCheck(first.rule(r.name).touch, 'null').map((l) => l + '\n').join('');
    const self = selfLeaders.get(r.name);
    if (input.unmemoised.has(r.name) && !(r.memo || self)) throw new Error(`${r.name} cannot go without its memo`);
    if (self) {
      const follow = self.follow === ANY ? '' : `      if (${tokenSetName(self.follow)}[this.peekType()] === 0) break;\n`;
      methods.push(
        `${header}\n  r_${r.name}(): any {\n` +
          check +
          (id < 0 ? '' : `    const memo = this.memoLookup(${id});\n` + `    if (memo !== undefined) return memo;\n` + loneOperandCheck(r.name, id)) +
          `    const mark = this.mark;\n` +
          `    let res: any = null;\n` +
          `    let resmark = mark;\n` +
          `    for (;;) {\n` +
          `      this.mark = mark;\n` +
          `      const raw = this.r_${r.name}_leftrec(res, resmark);\n` +
          `      if (raw === null || this.mark <= resmark) break;\n` +
          `      resmark = this.mark;\n` +
          `      res = raw;\n` +
          follow +
          `    }\n` +
          (id < 0 ? '' : `    this.memoize(mark, ${id}, res, resmark);\n`) +
          `    this.mark = resmark;\n` +
          `    return res;\n  }\n`,
      );
      methods.push(`  r_${r.name}_leftrec(seed: any, seedMark: number): any {\n${ruleBody(r.name, r.alts, null, true, true)}\n  }\n`);
    } else if (leaders.has(r.name)) {
      methods.push(
        `${header}\n  r_${r.name}(): any {\n` +
          check +
          `    const memo = this.memoLookup(${id});\n` +
          `    if (memo !== undefined) return memo;\n` +
          `    const mark = this.mark;\n` +
          `    let res: any = null;\n` +
          `    let resmark = mark;\n` +
          `    for (;;) {\n` +
          `      this.memoize(mark, ${id}, res, resmark);\n` +
          `      this.mark = mark;\n` +
          `      const raw = this.r_${r.name}_leftrec();\n` +
          `      if (raw === null || this.mark <= resmark) break;\n` +
          `      resmark = this.mark;\n` +
          `      res = raw;\n` +
          `    }\n` +
          `    this.mark = resmark;\n` +
          `    return res;\n  }\n`,
      );
      methods.push(`  r_${r.name}_leftrec(): any {\n${ruleBody(r.name, r.alts, null, true)}\n  }\n`);
    } else if (id >= 0) {
      methods.push(
        `${header}\n  r_${r.name}(): any {\n` +
          check +
          `    const memo = this.memoLookup(${id});\n` +
          `    if (memo !== undefined) return memo;\n` +
          loneOperandCheck(r.name, id) +
          `${ruleBody(r.name, r.alts, id, true, false, first.rule(r.name).touch)}\n  }\n`,
      );
    } else {
      methods.push(`${header}\n  r_${r.name}(): any {\n${check}${ruleBody(r.name, r.alts, null, true, false, first.rule(r.name).touch)}\n  }\n`);
    }
  }

  const kw = [...keywords.entries()].map(([k, v]) => `  ${JSON.stringify(k)}: ${v},`).join('\n');
  // keywordType: a switch on length and first character, then one or two string comparisons
  const byShape = new Map<number, Map<number, [string, number][]>>();
  for (const [k, v] of [...keywords].sort()) {
    const byFirst = byShape.get(k.length) ?? new Map<number, [string, number][]>();
    byShape.set(k.length, byFirst);
    byFirst.set(k.charCodeAt(0), [...(byFirst.get(k.charCodeAt(0)) ?? []), [k, v]]);
  }
  const kwSwitch = [...byShape]
    .sort(([a], [b]) => a - b)
    .map(([len, byFirst]) => {
      const cases = [...byFirst]
        .sort(([a], [b]) => a - b)
        .map(([c, kws]) => `        case ${c}: return ${kws.map(([k, v]) => `s === ${JSON.stringify(k)} ? ${v} : `).join('')}0;`);
      return [`    case ${len}:`, `      switch (s.charCodeAt(0)) {`, ...cases, `      }`, `      return 0;`].join('\n');
    })
    .join('\n');
  return [
    `// GENERATED by tools/gen-parser.ts from ${input.source}. Do not edit.`,
    `// One method per grammar rule (r_<rule>), helpers for groups and repetitions (_tmp, _loop, _gather).`,
    `/* eslint-disable */`,
    `import { None as C_None, True as C_True, False as C_False, Ellipsis as C_Ellipsis } from '@tspyc/bytecode';`,
    `import * as A from '../../ast/generated/factory311.js';`,
    `import * as H from '../action-helpers.js';`,
    `import { ParserBase } from '../parser-base.js';`,
    `import { tokenSet } from '../token-set.js';`,
    `import { TOKEN as T } from '../../tokenize/generated/token311.js';`,
    ``,
    `const C = { None: C_None, True: C_True, False: C_False, Ellipsis: C_Ellipsis };`,
    ``,
    `/** hard keywords → their token types */`,
    `export const KEYWORDS: ReadonlyMap<string, number> = new Map(Object.entries({\n${kw}\n}));`,
    `export const SOFT_KEYWORDS: readonly string[] = ${JSON.stringify([...softKeywords].sort())};`,
    ``,
    `/** the token type of a hard keyword, or 0 for any other name */`,
    `export function keywordType(s: string): number {`,
    `  switch (s.length) {`,
    kwSwitch,
    `  }`,
    `  return 0;`,
    `}`,
    ``,
    `/** token types each rule can react to at its start (see tools/gen-parser/first-sets.ts) */`,
    ...[...tokenSets].map(([key, name]) => `const ${name} = tokenSet([${key}]);`),
    ``,
    `/** memo slots per token (memoised rules and left-recursive leaders) */`,
    `export const MEMO_SLOTS = ${memoSlots.size};`,
    ``,
    `export abstract class GeneratedParser extends ParserBase {`,
    `  protected readonly memoSlots = MEMO_SLOTS;`,
    methods.join('\n'),
    `}`,
    ``,
  ].join('\n');
}
