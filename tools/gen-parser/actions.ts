// Translates the C actions of python.gram into TypeScript expressions over our AST factory (A.*),
// action helpers (H.*) and the parser (this.*). The C is a small, regular subset: calls, casts,
// field access through ->, ternaries and string literals; anything else is an error here, so a
// grammar change cannot slip through untranslated.

/** split "f(a, g(b, c), d)" argument text at top-level commas */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      let j = i + 1;
      while (s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      cur += s.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** replace every call NAME(args) by fn(args) */
function rewriteCalls(s: string, name: string, fn: (args: string[]) => string): string {
  for (;;) {
    const re = new RegExp(`\\b${name}\\(`);
    const m = re.exec(s);
    if (!m) return s;
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let j = open;
    for (; j < s.length; j++) {
      if (s[j] === '"') {
        j++;
        while (s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
        continue;
      }
      if (s[j] === '(') depth++;
      else if (s[j] === ')' && --depth === 0) break;
    }
    s = s.slice(0, m.index) + fn(splitArgs(s.slice(open + 1, j))) + s.slice(j + 1);
  }
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

const CAST = /\(\s*(?:const\s+)?(?:asdl_\w+|\w+_ty|Token|void|KeyValuePair|KeywordOrStarred|CmpopExprPair|NameDefaultPair|SlashWithDefault|StarEtc|AugOperator|KeyPatternPair)\s*\*?\s*\*?\s*\)/g;

export interface ActionContext {
  /** names of AST classes without fields (Load, Add, ...): bare identifiers in actions */
  singletons: ReadonlySet<string>;
}

/** C action text → TS expression; `usesExtra` tells whether EXTRA (the node's span) is needed */
export function translateAction(c: string, ctx: ActionContext): { ts: string; usesExtra: boolean } {
  let s = c.replace(/\s+/g, ' ').trim();
  const usesExtra = /\bEXTRA\b/.test(s);
  s = s.replace(CAST, '');
  s = rewriteCalls(s, 'CHECK_VERSION', (a) => a[3]!);
  s = rewriteCalls(s, 'CHECK_NULL_ALLOWED', (a) => a[1]!);
  s = rewriteCalls(s, 'CHECK', (a) => a[1]!);
  s = rewriteCalls(s, 'PyPegen_last_item', (a) => `H.lastItem(${a[0]})`);
  s = rewriteCalls(s, 'PyPegen_first_item', (a) => `H.firstItem(${a[0]})`);
  s = rewriteCalls(s, 'asdl_seq_LEN', (a) => `(${a[0]}).length`);
  s = rewriteCalls(s, 'asdl_seq_GET', (a) => `(${a[0]})[${a[1]}]`);
  s = rewriteCalls(s, 'PyBytes_AS_STRING', (a) => `${a[0]!.replace(/->bytes$/, '')}.string`);
  s = rewriteCalls(s, 'NEW_TYPE_COMMENT', (a) => `H.newTypeComment(${a.join(', ')})`);
  s = rewriteCalls(s, 'RAISE_ERROR_KNOWN_LOCATION', (a) => `p.raiseErrorKnownLocation('${a[1]!.replace('PyExc_', '')}', ${a.slice(2).join(', ')})`);
  for (const [macro, method] of [
    ['RAISE_SYNTAX_ERROR_KNOWN_LOCATION', 'raiseSyntaxErrorKnownLocation'],
    ['RAISE_SYNTAX_ERROR_KNOWN_RANGE', 'raiseSyntaxErrorKnownRange'],
    ['RAISE_SYNTAX_ERROR_STARTING_FROM', 'raiseSyntaxErrorStartingFrom'],
    ['RAISE_SYNTAX_ERROR_INVALID_TARGET', 'raiseSyntaxErrorInvalidTarget'],
    ['RAISE_INDENTATION_ERROR', 'raiseIndentationError'],
    ['RAISE_SYNTAX_ERROR', 'raiseSyntaxError'],
  ] as const) {
    s = rewriteCalls(s, macro, (a) => `p.${method}(${a.join(', ')})`);
  }
  // the arena argument disappears
  s = s.replace(/,\s*p->arena\s*\)/g, ')');
  s = s.replace(/->v\.\w+\./g, '.');
  s = s.replace(/->/g, '.');
  s = s.replace(/\b_PyAST_(\w+)\(/g, 'A.$1(');
  s = s.replace(/\b_PyPegen_(\w+)\(/g, (_, n: string) => `H.${camel(n)}(`);
  // outside string literals: identifiers
  const parts = s.split(/("(?:[^"\\]|\\.)*")/);
  for (let i = 0; i < parts.length; i += 2) {
    let t = parts[i]!;
    t = t.replace(/\bEXTRA\b/g, '_sl, _sc, _e.end_lineno, _e.end_col_offset');
    t = t.replace(/\bNULL\b/g, 'null');
    t = t.replace(/\bPy_(None|True|False|Ellipsis)\b/g, 'C.$1');
    t = t.replace(/\b(STAR_TARGETS|DEL_TARGETS|FOR_TARGETS)\b/g, "'$1'");
    t = t.replace(/(^|[^.\w])([A-Z][A-Za-z]*)\b/g, (m, pre: string, id: string) => (ctx.singletons.has(id) ? `${pre}A.${id}` : m));
    t = t.replace(/(^|[^.\w])p\b/g, '$1this');
    parts[i] = t;
  }
  // adjacent C string literals concatenate
  s = parts.join('').replace(/"\s+"/g, '" + "');
  const leftover = /\b(?:Py[A-Z]\w*|asdl_\w+|_Py\w+|RAISE_\w+|CHECK\w*)\b/.exec(s.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
  if (leftover) throw new Error(`action not translated (${leftover[0]}): ${c}`);
  return { ts: s, usesExtra };
}
