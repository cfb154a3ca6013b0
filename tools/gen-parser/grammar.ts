// Reads a pegen grammar file (CPython's Grammar/python.gram) into rules, alternatives and items.
// Only the subset of pegen's meta-grammar that python.gram uses: named items with optional types,
// lookaheads (& ! &&), cut (~), optional ([x] and x?), repetition (* +), gather (s.x+), groups,
// keyword and soft-keyword strings, token names, and C actions in braces.

export type Item =
  | { kind: 'name'; value: string }
  | { kind: 'string'; value: string; quote: "'" | '"' }
  | { kind: 'opt'; item: Item }
  | { kind: 'star'; item: Item }
  | { kind: 'plus'; item: Item }
  | { kind: 'gather'; sep: Item; item: Item }
  | { kind: 'group'; alts: Alt[] }
  | { kind: 'pos'; item: Item }
  | { kind: 'neg'; item: Item }
  | { kind: 'forced'; item: Item }
  | { kind: 'cut' };

export interface NamedItem {
  name: string | null;
  item: Item;
}
export interface Alt {
  items: NamedItem[];
  action: string | null;
}
export interface Rule {
  name: string;
  type: string | null;
  memo: boolean;
  alts: Alt[];
}

/** the item mentions an invalid_* rule (its alternative runs only in the error pass) */
export function mentionsInvalid(i: Item): boolean {
  switch (i.kind) {
    case 'name':
      return i.value.startsWith('invalid_');
    case 'string':
    case 'cut':
      return false;
    case 'gather':
      return mentionsInvalid(i.sep) || mentionsInvalid(i.item);
    case 'group':
      return i.alts.some((a) => a.items.some((n) => mentionsInvalid(n.item)));
    default:
      return mentionsInvalid(i.item);
  }
}

type Tok = { t: 'name' | 'string' | 'punct' | 'action' | 'type'; v: string; q?: "'" | '"' };

function lex(body: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < body.length && body[i] !== '\n') i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < body.length && /\w/.test(body[j]!)) j++;
      out.push({ t: 'name', v: body.slice(i, j) });
      i = j;
      if (body[i] === '[') {
        // NAME[type]: a type annotation, not an optional group
        const k = body.indexOf(']', i);
        out.push({ t: 'type', v: body.slice(i + 1, k) });
        i = k + 1;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (body[j] !== c) j += body[j] === '\\' ? 2 : 1;
      out.push({ t: 'string', v: body.slice(i + 1, j), q: c });
      i = j + 1;
      continue;
    }
    if (c === '{') {
      let depth = 0;
      let j = i;
      for (; j < body.length; j++) {
        const d = body[j];
        if (d === '"') {
          j++;
          while (body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
        } else if (d === '{') depth++;
        else if (d === '}' && --depth === 0) break;
      }
      out.push({ t: 'action', v: body.slice(i + 1, j).trim() });
      i = j + 1;
      continue;
    }
    if (body.startsWith('&&', i)) {
      out.push({ t: 'punct', v: '&&' });
      i += 2;
      continue;
    }
    if ('&!~|:[]()?*+.='.includes(c)) {
      out.push({ t: 'punct', v: c });
      i++;
      continue;
    }
    throw new Error(`grammar: unexpected ${JSON.stringify(c)} in ${body.slice(i, i + 40)}`);
  }
  return out;
}

class AltParser {
  pos = 0;
  constructor(private readonly toks: Tok[]) {}
  peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  isPunct(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === 'punct' && t.v === v;
  }
  take(v: string): void {
    if (!this.isPunct(v)) throw new Error(`grammar: expected ${v} at ${JSON.stringify(this.toks.slice(this.pos, this.pos + 5))}`);
    this.pos++;
  }
  alts(): Alt[] {
    if (this.isPunct('|')) this.pos++;
    const alts = [this.alt()];
    while (this.isPunct('|')) {
      this.pos++;
      alts.push(this.alt());
    }
    return alts;
  }
  alt(): Alt {
    const items: NamedItem[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || (t.t === 'punct' && (t.v === '|' || t.v === ')' || t.v === ']'))) break;
      if (t.t === 'action') break;
      items.push(this.namedItem());
    }
    let action: string | null = null;
    const t = this.peek();
    if (t && t.t === 'action') {
      action = t.v;
      this.pos++;
    }
    return { items, action };
  }
  namedItem(): NamedItem {
    const t = this.peek()!;
    const t1 = this.toks[this.pos + 1];
    const t2 = this.toks[this.pos + 2];
    if (t.t === 'name' && t1 && t1.t === 'punct' && t1.v === '=') {
      this.pos += 2;
      return { name: t.v, item: this.prefixed() };
    }
    if (t.t === 'name' && t1 && t1.t === 'type' && t2 && t2.t === 'punct' && t2.v === '=') {
      this.pos += 3;
      return { name: t.v, item: this.prefixed() };
    }
    return { name: null, item: this.prefixed() };
  }
  prefixed(): Item {
    if (this.isPunct('&&')) {
      this.pos++;
      return { kind: 'forced', item: this.atom() };
    }
    if (this.isPunct('&')) {
      this.pos++;
      return { kind: 'pos', item: this.atom() };
    }
    if (this.isPunct('!')) {
      this.pos++;
      return { kind: 'neg', item: this.atom() };
    }
    if (this.isPunct('~')) {
      this.pos++;
      return { kind: 'cut' };
    }
    const a = this.atom();
    if (this.isPunct('?')) {
      this.pos++;
      return { kind: 'opt', item: a };
    }
    if (this.isPunct('*')) {
      this.pos++;
      return { kind: 'star', item: a };
    }
    if (this.isPunct('+')) {
      this.pos++;
      return { kind: 'plus', item: a };
    }
    if (this.isPunct('.')) {
      this.pos++;
      const node = this.atom();
      this.take('+');
      return { kind: 'gather', sep: a, item: node };
    }
    return a;
  }
  atom(): Item {
    const t = this.peek()!;
    if (t.t === 'punct' && t.v === '(') {
      this.pos++;
      const alts = this.alts();
      this.take(')');
      return { kind: 'group', alts };
    }
    if (t.t === 'punct' && t.v === '[') {
      this.pos++;
      const alts = this.alts();
      this.take(']');
      return { kind: 'opt', item: { kind: 'group', alts } };
    }
    if (t.t === 'name') {
      this.pos++;
      if (this.peek()?.t === 'type') this.pos++;
      return { kind: 'name', value: t.v };
    }
    if (t.t === 'string') {
      this.pos++;
      return { kind: 'string', value: t.v, quote: t.q! };
    }
    throw new Error(`grammar: unexpected ${JSON.stringify(t)}`);
  }
}

/** parse the whole grammar file */
export function readGrammar(text: string): Rule[] {
  // drop @-directives with their (possibly triple-quoted) values
  text = text.replace(/^@\w+\s+'''[\s\S]*?'''/gm, '').replace(/^@\w+.*$/gm, '');
  const lines = text.split('\n');
  const chunks: string[] = [];
  for (const line of lines) {
    if (/^[A-Za-z_]/.test(line)) chunks.push(line);
    else if (chunks.length) chunks[chunks.length - 1] += '\n' + line;
  }
  const rules: Rule[] = [];
  for (const chunk of chunks) {
    const m = /^(\w+)(?:\[([^\]]*)\])?\s*(\(memo\))?\s*:/.exec(chunk);
    if (!m) throw new Error(`grammar: cannot read rule header ${chunk.slice(0, 60)}`);
    const p = new AltParser(lex(chunk.slice(m[0].length)));
    const alts = p.alts();
    if (p.pos !== (p as unknown as { toks: Tok[] }).toks.length) throw new Error(`grammar: trailing input in rule ${m[1]}`);
    rules.push({ name: m[1]!, type: m[2] ?? null, memo: !!m[3], alts });
  }
  return rules;
}
