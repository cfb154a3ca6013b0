// Case operations with Python's rules: titlecase (digraphs, ligatures), full case folding, the
// final-sigma rule, and the Cased/Lowercase/Uppercase/Titlecase properties the is* predicates use.
// JS's toUpperCase/toLowerCase give the full upper/lower mappings; titlecase and folding are not
// in JS, so their exceptions are tabled here. CPython counterpart: Objects/unicodeobject.c
// (do_title, do_capitalize, do_swapcase, handle_capital_sigma), Objects/unicodectype.c.

const CASED = /\p{Cased}/u;
const LOWER = /\p{Lowercase}/u;
const UPPER = /\p{Uppercase}/u;
const TITLE = /\p{Lt}/u;
const CASE_IGNORABLE = /\p{Case_Ignorable}/u;

export const isCased = (c: string) => CASED.test(c);
export const isLowerChar = (c: string) => LOWER.test(c);
export const isUpperChar = (c: string) => UPPER.test(c);
export const isTitleChar = (c: string) => TITLE.test(c);

/** Titlecase mappings that differ from the uppercase one (UnicodeData + SpecialCasing). */
const TITLECASE: Record<string, string> = {
  'Ǆ': 'ǅ', 'ǅ': 'ǅ', 'ǆ': 'ǅ', 'Ǉ': 'ǈ', 'ǈ': 'ǈ', 'ǉ': 'ǈ', 'Ǌ': 'ǋ', 'ǋ': 'ǋ', 'ǌ': 'ǋ',
  'Ǳ': 'ǲ', 'ǲ': 'ǲ', 'ǳ': 'ǲ', 'ß': 'Ss', 'ﬀ': 'Ff', 'ﬁ': 'Fi', 'ﬂ': 'Fl', 'ﬃ': 'Ffi', 'ﬄ': 'Ffl',
  'ﬅ': 'St', 'ﬆ': 'St', 'և': 'Եւ', 'ﬓ': 'Մն', 'ﬔ': 'Մե', 'ﬕ': 'Մի', 'ﬖ': 'Վն', 'ﬗ': 'Մխ', 'ŉ': 'ʼN',
  'ᾳ': 'ᾼ', 'ῃ': 'ῌ', 'ῳ': 'ῼ', 'ᾼ': 'ᾼ', 'ῌ': 'ῌ', 'ῼ': 'ῼ',
};
for (let i = 0; i < 8; i++) {
  for (const base of [0x1f80, 0x1f90, 0x1fa0]) {
    const title = String.fromCodePoint(base + 8 + i);
    TITLECASE[String.fromCodePoint(base + i)] = title;
    TITLECASE[title] = title;
  }
}

export function titleChar(c: string): string {
  return TITLECASE[c] ?? c.toUpperCase();
}

/** The lowercase of chars[i], Σ becoming ς at the end of a word (handle_capital_sigma). */
function lowerAt(chars: string[], i: number): string {
  const c = chars[i]!;
  if (c !== 'Σ') return c.toLowerCase();
  let j = i - 1;
  while (j >= 0 && CASE_IGNORABLE.test(chars[j]!)) j--;
  const before = j >= 0 && isCased(chars[j]!);
  let k = i + 1;
  while (k < chars.length && CASE_IGNORABLE.test(chars[k]!)) k++;
  const after = k < chars.length && isCased(chars[k]!);
  return before && !after ? 'ς' : 'σ';
}

export function title(s: string): string {
  const chars = Array.from(s);
  let out = '';
  let prevCased = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    out += prevCased ? lowerAt(chars, i) : titleChar(c);
    prevCased = isCased(c);
  }
  return out;
}

export function capitalize(s: string): string {
  const chars = Array.from(s);
  let out = chars.length > 0 ? titleChar(chars[0]!) : '';
  for (let i = 1; i < chars.length; i++) out += lowerAt(chars, i);
  return out;
}

export function swapcase(s: string): string {
  const chars = Array.from(s);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    out += isUpperChar(c) ? lowerAt(chars, i) : isLowerChar(c) ? c.toUpperCase() : c;
  }
  return out;
}

/** Full case folding: lower(upper(c)) covers the special foldings (ß→ss, ﬁ→fi, ς→σ, ſ→s). */
export function casefold(s: string): string {
  let out = '';
  for (const c of s) {
    if (c.charCodeAt(0) < 128) out += c.toLowerCase();
    else if (c === 'İ') out += 'i̇';
    else if (c === 'ı') out += c; // no folding (only Turkic's T entries name it)
    else {
      const f = c.toUpperCase().toLowerCase();
      out += f.length > 0 && CASED.test(c) ? f.replace(/ß/g, 'ss') : c;
    }
  }
  return out;
}

/** str.islower / str.isupper: some cased character, none of the opposite case or titlecase. */
function onlyCase(s: string, want: (c: string) => boolean, opposite: (c: string) => boolean): boolean {
  let cased = false;
  for (const c of s) {
    if (opposite(c) || isTitleChar(c)) return false;
    if (!cased && want(c)) cased = true;
  }
  return cased;
}

export const isLower = (s: string) => onlyCase(s, isLowerChar, isUpperChar);
export const isUpper = (s: string) => onlyCase(s, isUpperChar, isLowerChar);

export function isTitle(s: string): boolean {
  let cased = false;
  let prev = false;
  for (const c of s) {
    if (isUpperChar(c) || isTitleChar(c)) {
      if (prev) return false;
      prev = true;
      cased = true;
    } else if (isLowerChar(c)) {
      if (!prev) return false;
      prev = true;
      cased = true;
    } else prev = false;
  }
  return cased;
}
