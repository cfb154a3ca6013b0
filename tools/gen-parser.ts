// Generates packages/compiler/src/parser/generated/parser311.ts from CPython 3.11's own grammar,
// Grammar/python.gram (found at $TSPYC_GRAMMAR_311, or /usr/src/python3.11/Grammar/python.gram).
// Rerun: npx tsx tools/gen-parser.ts [--check]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_SPECS } from '../packages/compiler/src/ast/generated/nodes311.js';
import { EXACT_TOKEN_TYPES, TOKEN } from '../packages/compiler/src/tokenize/generated/token311.js';
import { emitParser } from './gen-parser/emit.js';
import { readGrammar } from './gen-parser/grammar.js';
import { writeOrCheck } from './generated-file.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PARSER_FILE = join(HERE, '..', 'packages', 'compiler', 'src', 'parser', 'generated', 'parser311.ts');

export function grammarPath(): string | null {
  const candidates = [process.env['TSPYC_GRAMMAR_311'], '/usr/src/python3.11/Grammar/python.gram'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

/**
 * The grammar on this machine may be an earlier 3.11 patch release than the oracle (Debian ships
 * 3.11.2's python.gram; the oracle is 3.11.7). These edits bring it to the oracle's behaviour; each
 * is checked by the syntax-error corpus. A rule text that is not found is an error.
 */
const PATCHES: { from: string; to: string; why: string }[] = [
  {
    from: `| a=args ',' '*' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "iterable argument unpacking follows keyword argument unpacking") }`,
    to: `| ((','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ ',' kwargs) | kwargs) ',' a='*' { RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, "iterable argument unpacking follows keyword argument unpacking") }`,
    why: '3.11.7 wants keyword arguments before the star, and points at the star',
  },
];

function patchGrammar(text: string): string {
  if (text.includes(PATCHES[0]!.to)) return text;
  for (const p of PATCHES) {
    if (!text.includes(p.from)) throw new Error(`grammar patch no longer applies (${p.why})`);
    text = text.replace(p.from, p.to);
  }
  return text;
}

/**
 * Rules generated without the memo pegen gives them ((memo) in the grammar, or being left-recursive
 * leaders), because it never pays: each is tried by one rule only, at that rule's own starting
 * position, once per attempt of it, and that rule is memoised or is itself in this list, so each is
 * tried at a position no more often than the memoised disjunction or bitwise_or above it. The one
 * exception, a leader's last round retrying its base alternative when the token after the result
 * looked like its operator, is at most one retry per position (each leader's operators differ).
 * The memo stays on the rules other rules reach directly (expression, disjunction, bitwise_or, t_primary, ...).
 * Leaving a rule out changes no result (a memo only caches), and the stdlib then finds a remembered
 * result for them next to never (tens of hits in millions of lookups), while writing them cost ~10%.
 * Likewise the rules below, each called at a position by one rule only, once (shared first item of
 * its alternatives) or, for simple_stmt on a line with ';', twice: over the 3.11 stdlib
 * star_expression (321,651 lookups), dotted_name (11,852) and star_pattern (36) found nothing
 * remembered, simple_stmt 145 times in 335,974. Fewer slots also make the memo table smaller.
 */
const UNMEMOISED = new Set([
  'conjunction',
  'inversion',
  'bitwise_xor',
  'bitwise_and',
  'shift_expr',
  'sum',
  'term',
  'factor',
  'await_primary',
  'primary',
  'star_expression',
  'dotted_name',
  'star_pattern',
  'simple_stmt',
]);

/**
 * Memoised rules that return a lone operand at once when the token after it continues none of the
 * rules down to it (tools/gen-parser/lone-operand.ts): the entry points of the expression chain.
 * Over the 3.11 stdlib this saves about a quarter of the parser's calls (201M to 145M).
 */
const LONE_OPERAND = new Set(['expression', 'disjunction', 'bitwise_or']);

export function generateParser(): string | null {
  const path = grammarPath();
  if (!path) return null;
  const singletons = new Set(Object.entries(NODE_SPECS).filter(([, s]) => s.fields.length === 0 && s.attributes.length === 0).map(([n]) => n));
  return emitParser({
    rules: readGrammar(patchGrammar(readFileSync(path, 'utf8'))),
    exactTokens: { ...EXACT_TOKEN_TYPES, '<>': EXACT_TOKEN_TYPES['!=']! },
    tokenTypes: TOKEN,
    ctx: { singletons },
    source: "CPython 3.11's Grammar/python.gram",
    unmemoised: UNMEMOISED,
    loneOperand: LONE_OPERAND,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeOrCheck([{ path: PARSER_FILE, text: generateParser() }]);
}
