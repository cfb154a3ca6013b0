// The regular expressions of Lib/tokenize.py (3.11), rebuilt for JavaScript.
// Differences that matter: Python's `.` matches '\r' (JS's does not), so `.` becomes `[^\n]`;
// Python's `\w` under re.UNICODE is "alphanumeric or underscore": [\p{L}\p{N}_]; `\Z` is `$`.
// Matching at a position is a sticky ('y') regex with lastIndex set.
import { EXACT_TOKEN_TYPES } from './generated/token311.js';

const group = (...choices: string[]) => '(' + choices.join('|') + ')';
const maybe = (...choices: string[]) => group(...choices) + '?';

/** Python's `.` without DOTALL: anything but a newline. */
const DOT = '[^\\n]';
const BS = '\\\\'; // a literal backslash in a pattern

const Whitespace = '[ \\f\\t]*';
const Comment = '#[^\\r\\n]*';
const Name = '[\\p{L}\\p{N}_]+';

const Hexnumber = '0[xX](?:_?[0-9a-fA-F])+';
const Binnumber = '0[bB](?:_?[01])+';
const Octnumber = '0[oO](?:_?[0-7])+';
const Decnumber = '(?:0(?:_?0)*|[1-9](?:_?[0-9])*)';
const Intnumber = group(Hexnumber, Binnumber, Octnumber, Decnumber);
const Exponent = '[eE][-+]?[0-9](?:_?[0-9])*';
const Pointfloat = group('[0-9](?:_?[0-9])*\\.(?:[0-9](?:_?[0-9])*)?', '\\.[0-9](?:_?[0-9])*') + maybe(Exponent);
const Expfloat = '[0-9](?:_?[0-9])*' + Exponent;
const Floatnumber = group(Pointfloat, Expfloat);
const Imagnumber = group('[0-9](?:_?[0-9])*[jJ]', Floatnumber + '[jJ]');
const NumberPat = group(Imagnumber, Floatnumber, Intnumber);

/** Every valid string prefix, in both cases and every order ('' included). */
function allStringPrefixes(): string[] {
  const result = new Set<string>(['']);
  const permutations = (s: string): string[] =>
    s.length <= 1 ? [s] : [...s].flatMap((c, i) => permutations(s.slice(0, i) + s.slice(i + 1)).map((p) => c + p));
  const cases = (s: string): string[] =>
    s.length === 0 ? [''] : cases(s.slice(1)).flatMap((rest) => [s[0]! + rest, s[0]!.toUpperCase() + rest]);
  for (const prefix of ['b', 'r', 'u', 'f', 'br', 'fr']) for (const p of permutations(prefix)) for (const c of cases(p)) result.add(c);
  return [...result];
}

export const STRING_PREFIXES = allStringPrefixes();
// Longest first; a prefix is always followed by a quote, so alternation order cannot change a match.
const StringPrefix = group(...[...STRING_PREFIXES].sort((a, b) => b.length - a.length));

const Single = `[^'${BS}]*(?:${BS}${DOT}[^'${BS}]*)*'`;
const Double = `[^"${BS}]*(?:${BS}${DOT}[^"${BS}]*)*"`;
const Single3 = `[^'${BS}]*(?:(?:${BS}${DOT}|'(?!''))[^'${BS}]*)*'''`;
const Double3 = `[^"${BS}]*(?:(?:${BS}${DOT}|"(?!""))[^"${BS}]*)*"""`;
const Triple = group(StringPrefix + "'''", StringPrefix + '"""');

/** Escapes the characters that are syntax in a 'u' regex (other escapes are errors there). */
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Python sorts the operators in reverse, so '**=' is tried before '**' and '*'.
const Special = group(...Object.keys(EXACT_TOKEN_TYPES).sort().reverse().map(escapeRegex));
const Funny = group('\\r?\\n', Special);

const ContStr = group(
  StringPrefix + `'[^\\n'${BS}]*(?:${BS}${DOT}[^\\n'${BS}]*)*` + group("'", `${BS}\\r?\\n`),
  StringPrefix + `"[^\\n"${BS}]*(?:${BS}${DOT}[^\\n"${BS}]*)*` + group('"', `${BS}\\r?\\n`),
);
const PseudoExtras = group(`${BS}\\r?\\n|$`, Comment, Triple);
const PseudoToken = Whitespace + group(PseudoExtras, NumberPat, Funny, ContStr, Name);

/** PseudoToken: group 1 is the token (after leading whitespace). */
export const pseudoToken = new RegExp(PseudoToken, 'uy');

/** endpats: what closes a string that starts with the given prefix+quote. */
const endProgs = new Map<string, RegExp>();
const singleEnd = new RegExp(Single, 'uy');
const doubleEnd = new RegExp(Double, 'uy');
const single3End = new RegExp(Single3, 'uy');
const double3End = new RegExp(Double3, 'uy');
for (const prefix of STRING_PREFIXES) {
  endProgs.set(prefix + "'", singleEnd);
  endProgs.set(prefix + '"', doubleEnd);
  endProgs.set(prefix + "'''", single3End);
  endProgs.set(prefix + '"""', double3End);
}

export function endProg(opening: string): RegExp | undefined {
  return endProgs.get(opening);
}

export const SINGLE_QUOTED = new Set<string>();
export const TRIPLE_QUOTED = new Set<string>();
for (const t of STRING_PREFIXES) {
  SINGLE_QUOTED.add(t + '"');
  SINGLE_QUOTED.add(t + "'");
  TRIPLE_QUOTED.add(t + '"""');
  TRIPLE_QUOTED.add(t + "'''");
}

/** cookie_re and blank_re of tokenize.py (ASCII mode). */
export const COOKIE_RE = /^[ \t\f]*#[^\n]*?coding[:=][ \t]*([-\w.]+)/;
export const BLANK_RE = /^[ \t\f]*(?:[#\r\n]|$)/;
