// The grammar analyses the generated parser's shortcuts rest on, checked on 3.11's python.gram:
// which token types each rule can start with, and which left-recursive leaders may be grown from a
// seed handed over directly (with the operators that let them grow).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXACT_TOKEN_TYPES, TOKEN } from '../../packages/compiler/src/tokenize/generated/token311.js';
import { grammarPath } from '../gen-parser.js';
import { ANY, FirstSets, type TokenSet } from './first-sets.js';
import { readGrammar } from './grammar.js';
import { leftRecursion, selfRecursiveLeader } from './left-recursion.js';
import { loneContinuation } from './lone-operand.js';

const KEYWORD = 1000; // any hard keyword, for these checks
const types = {
  ofString: (value: string, quote: "'" | '"') => (/^[A-Za-z_]/.test(value) ? (quote === "'" ? KEYWORD : TOKEN.NAME) : EXACT_TOKEN_TYPES[value]!),
  ofToken: (name: string) => (name === 'SOFT_KEYWORD' ? TOKEN.NAME : (TOKEN as Record<string, number>)[name]),
};
const ops = (set: TokenSet) => (set === ANY ? ANY : [...set].map((t) => Object.entries(EXACT_TOKEN_TYPES).find(([, v]) => v === t)?.[0] ?? t).sort());

describe.skipIf(!grammarPath())('gen-parser grammar analyses', () => {
  const rules = readGrammar(readFileSync(grammarPath()!, 'utf8'));
  const first = new FirstSets(rules, types);

  it('first sets: what a rule can react to at its start', () => {
    expect(ops(first.rule('slash_no_default').touch)).toEqual([TOKEN.NAME]);
    expect(ops(first.rule('sum').touch)).toEqual(ops(first.rule('term').touch));
    const atom = first.rule('atom').touch;
    expect(atom).not.toBe(ANY);
    for (const t of [TOKEN.NAME, TOKEN.NUMBER, TOKEN.STRING, EXACT_TOKEN_TYPES['(']!, EXACT_TOKEN_TYPES['...']!]) expect((atom as Set<number>).has(t)).toBe(true);
    for (const t of [EXACT_TOKEN_TYPES[')']!, EXACT_TOKEN_TYPES['+']!, TOKEN.NEWLINE]) expect((atom as Set<number>).has(t)).toBe(false);
    // a rule that can match nothing reacts to anything
    expect(first.rule('statements').nullable).toBe(false);
    expect(first.rule('type_expressions').touch).not.toBe(ANY);
    expect(first.item({ kind: 'opt', item: { kind: 'name', value: 'atom' } }).nullable).toBe(true);
    expect(first.sequence([{ kind: 'opt', item: { kind: 'name', value: 'atom' } }]).touch).toBe(ANY);
    expect(first.item({ kind: 'forced', item: { kind: 'string', value: ':', quote: "'" } }).touch).toBe(ANY);
  });

  it('self-recursive leaders and the operators that grow them', () => {
    const byName = new Map(rules.map((r) => [r.name, r]));
    const { sccOf } = leftRecursion(rules);
    const self = new Map([...sccOf].flatMap(([leader, scc]) => {
      const s = selfRecursiveLeader(byName.get(leader)!, scc, byName, first);
      return s ? [[leader, ops(s.follow)] as const] : [];
    }));
    expect([...self.keys()].sort()).toEqual(['bitwise_and', 'bitwise_or', 'bitwise_xor', 'dotted_name', 'primary', 'shift_expr', 'sum', 't_primary', 'term']);
    expect(self.get('sum')).toEqual(['+', '-']);
    expect(self.get('term')).toEqual(['%', '*', '/', '//', '@']);
    // (invalid_comprehension, inside genexp, starts with '{' too)
    expect(self.get('primary')).toEqual(['(', '.', '[', '{']);
    // attr and name_or_attr call each other: that cycle keeps pegen's memo-based loop
    expect(sccOf.get('attr')?.sort()).toEqual(['attr', 'name_or_attr']);
  });

  it('lone operands: the tokens that can continue a NAME, a NUMBER or a primary inside an expression rule', () => {
    const byName = new Map(rules.map((r) => [r.name, r]));
    const cont = (rule: string, start: number) => ops(loneContinuation(rule, start, null, byName, first, types.ofToken));
    // trailers ('{' from invalid_comprehension inside genexp), then each binary operator level
    const bitwiseOr = ['%', '&', '(', '*', '**', '+', '-', '.', '/', '//', '<<', '>>', '@', '[', '^', '{', '|'].sort();
    expect(cont('bitwise_or', TOKEN.NAME)).toEqual(bitwiseOr);
    expect(cont('bitwise_or', TOKEN.NUMBER)).toEqual(bitwiseOr);
    // comparisons (KEYWORD: 'not', 'in', 'is'), 'and', 'or'
    const disjunction = [...bitwiseOr, '!=', '<', '<=', '==', '>', '>=', KEYWORD].sort();
    expect(cont('disjunction', TOKEN.NAME)).toEqual(disjunction);
    expect(cont('expression', TOKEN.NAME)).toEqual(disjunction);
    // after a whole primary: no trailers, the operators alone, whatever token the primary starts with
    const afterPrimary = (rule: string, start: number) => ops(loneContinuation(rule, start, 'primary', byName, first, types.ofToken));
    const operators = bitwiseOr.filter((o) => !['(', '.', '[', '{'].includes(o));
    for (const start of [TOKEN.NAME, TOKEN.STRING, EXACT_TOKEN_TYPES['(']!, EXACT_TOKEN_TYPES['[']!]) expect(afterPrimary('bitwise_or', start)).toEqual(operators);
    expect(afterPrimary('expression', TOKEN.NAME)).toEqual([...operators, '!=', '<', '<=', '==', '>', '>=', KEYWORD].sort());
    // a NAME can start a longer statement: no such promise there
    expect(cont('assignment', TOKEN.NAME)).toBe(ANY);
    expect(cont('named_expression', TOKEN.NAME)).toBe(ANY);
  });
});
