// Where a traceback's caret line changes from '~' to '^': the operator of a binary operation and
// the brackets of a subscript. CPython counterpart: Python/traceback.c (extract_anchors_from_line,
// extract_anchors_from_expr), which parses the source segment with the real parser; this is a
// small expression parser that knows just enough of Python's grammar to find the outermost node
// of a segment and the offsets CPython reads from it.

interface Tok {
  kind: 'name' | 'num' | 'str' | 'op' | 'end';
  text: string;
  start: number;
  end: number;
}

/** An expression node: its kind and its [start, end) in the segment (parentheses excluded). */
interface Node {
  kind: 'BinOp' | 'Subscript' | 'Other';
  start: number;
  end: number;
  /** BinOp: end of the left operand and start of the right one; Subscript: end of value and slice */
  a: number;
  b: number;
}

class Fail extends Error {}

const OPS3 = ['**=', '//=', '>>=', '<<=', '...'];
const OPS2 = ['**', '//', '<<', '>>', '<=', '>=', '==', '!=', '->', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@='];
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'lambda', 'await', 'for', 'async', 'yield']);

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '\\' && s[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') break;
    const strStart = /^[rRbBuUfF]{0,2}['"]/.exec(s.slice(i, i + 3));
    if (strStart) {
      const start = i;
      i += strStart[0].length - 1;
      const q = s[i]!;
      const triple = s.startsWith(q.repeat(3), i);
      const delim = triple ? q.repeat(3) : q;
      i += delim.length;
      for (;;) {
        if (i >= s.length) throw new Fail();
        if (s[i] === '\\') {
          i += 2;
          continue;
        }
        if (s.startsWith(delim, i)) {
          i += delim.length;
          break;
        }
        if (!triple && s[i] === '\n') throw new Fail();
        i++;
      }
      out.push({ kind: 'str', text: s.slice(start, i), start, end: i });
      continue;
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const start = i;
      while (i < s.length && /[A-Za-z0-9_\u0080-\uffff]/.test(s[i]!)) i++;
      out.push({ kind: 'name', text: s.slice(start, i), start, end: i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      const start = i;
      while (i < s.length && /[0-9A-Za-z_.]/.test(s[i]!)) {
        if ((s[i] === 'e' || s[i] === 'E') && (s[i + 1] === '+' || s[i + 1] === '-')) i++;
        i++;
      }
      out.push({ kind: 'num', text: s.slice(start, i), start, end: i });
      continue;
    }
    const three = s.slice(i, i + 3);
    const two = s.slice(i, i + 2);
    const op = OPS3.includes(three) ? three : OPS2.includes(two) ? two : c;
    if (!'+-*/%@&|^~<>=!.,:;()[]{}'.includes(op[0]!) || op === '!') throw new Fail();
    out.push({ kind: 'op', text: op, start: i, end: i + op.length });
    i += op.length;
  }
  out.push({ kind: 'end', text: '', start: s.length, end: s.length });
  return out;
}

class Parser {
  pos = 0;
  constructor(readonly toks: Tok[]) {}
  peek(): Tok {
    return this.toks[this.pos]!;
  }
  next(): Tok {
    return this.toks[this.pos++]!;
  }
  isOp(t: string): boolean {
    const k = this.peek();
    return k.kind === 'op' && k.text === t;
  }
  isKw(t: string): boolean {
    const k = this.peek();
    return k.kind === 'name' && k.text === t;
  }
  expect(t: string): Tok {
    if (!this.isOp(t)) throw new Fail();
    return this.next();
  }

  /** Skip a bracketed group starting at the current open bracket; returns the closing token. */
  skipGroup(): Tok {
    const open = this.next();
    const close = open.text === '(' ? ')' : open.text === '[' ? ']' : '}';
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t.kind === 'end') throw new Fail();
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      else if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) {
        depth--;
        if (depth === 0) {
          if (t.text !== close) throw new Fail();
          return t;
        }
      }
    }
  }

  // test: lambda | or_test ['if' or_test 'else' test]
  test(): Node {
    if (this.isKw('lambda')) {
      const start = this.next().start;
      while (!this.isOp(':')) {
        if (this.peek().kind === 'end') throw new Fail();
        this.next();
      }
      this.next();
      const body = this.test();
      return other(start, body.end);
    }
    const n = this.orTest();
    if (this.isKw('if')) {
      this.next();
      this.orTest();
      if (!this.isKw('else')) throw new Fail();
      this.next();
      const e = this.test();
      return other(n.start, e.end);
    }
    return n;
  }
  orTest(): Node {
    let n = this.andTest();
    while (this.isKw('or')) {
      this.next();
      n = other(n.start, this.andTest().end);
    }
    return n;
  }
  andTest(): Node {
    let n = this.notTest();
    while (this.isKw('and')) {
      this.next();
      n = other(n.start, this.notTest().end);
    }
    return n;
  }
  notTest(): Node {
    if (this.isKw('not')) {
      const start = this.next().start;
      return other(start, this.notTest().end);
    }
    return this.comparison();
  }
  comparison(): Node {
    let n = this.binary(0);
    for (;;) {
      const t = this.peek();
      const isCmp = (t.kind === 'op' && ['<', '>', '==', '>=', '<=', '!='].includes(t.text)) || (t.kind === 'name' && (t.text === 'in' || t.text === 'is' || t.text === 'not'));
      if (!isCmp) return n;
      this.next();
      if (t.text === 'not' && !this.isKw('in')) throw new Fail();
      if ((t.text === 'not' && this.isKw('in')) || (t.text === 'is' && this.isKw('not'))) this.next();
      n = other(n.start, this.binary(0).end);
    }
  }

  static LEVELS: string[][] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

  binary(level: number): Node {
    if (level >= Parser.LEVELS.length) return this.factor();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !Parser.LEVELS[level]!.includes(t.text)) return left;
      this.next();
      const right = this.binary(level + 1);
      left = { kind: 'BinOp', start: left.start, end: right.end, a: left.end, b: right.start };
    }
  }
  factor(): Node {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.next();
      const operand = this.factor();
      return other(t.start, operand.end);
    }
    return this.power();
  }
  power(): Node {
    let base: Node;
    if (this.isKw('await')) {
      const start = this.next().start;
      base = other(start, this.primary().end);
    } else {
      base = this.primary();
    }
    if (this.isOp('**')) {
      this.next();
      const exp = this.factor();
      return { kind: 'BinOp', start: base.start, end: exp.end, a: base.end, b: exp.start };
    }
    return base;
  }
  primary(): Node {
    let n = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const name = this.next();
        if (name.kind !== 'name') throw new Fail();
        n = other(n.start, name.end);
      } else if (this.isOp('(')) {
        const close = this.skipGroup();
        n = other(n.start, close.end);
      } else if (this.isOp('[')) {
        const open = this.pos;
        const openTok = this.peek();
        const close = this.skipGroup();
        if (this.pos - 2 <= open) throw new Fail();
        // 3.11.7 moves the anchors onto the '[' and just past the ']'
        n = { kind: 'Subscript', start: n.start, end: close.end, a: openTok.start, b: close.start };
      } else {
        return n;
      }
    }
  }
  atom(): Node {
    const t = this.peek();
    if (t.kind === 'name') {
      if (KEYWORDS.has(t.text)) throw new Fail();
      this.next();
      return other(t.start, t.end);
    }
    if (t.kind === 'num') {
      this.next();
      return other(t.start, t.end);
    }
    if (t.kind === 'str') {
      let end = this.next().end;
      while (this.peek().kind === 'str') end = this.next().end;
      return other(t.start, end);
    }
    if (t.kind === 'op' && t.text === '...') {
      this.next();
      return other(t.start, t.end);
    }
    if (t.kind === 'op' && t.text === '(') {
      // a parenthesised expression keeps its inner node (the AST has no node for parentheses)
      const save = this.pos;
      this.next();
      if (!this.isOp(')') && !this.isOp('*') && !this.isKw('yield')) {
        try {
          const inner = this.test();
          if (this.isOp(')')) {
            this.next();
            return inner;
          }
        } catch (e) {
          if (!(e instanceof Fail)) throw e;
        }
      }
      this.pos = save;
      const close = this.skipGroup();
      return other(t.start, close.end);
    }
    if (t.kind === 'op' && (t.text === '[' || t.text === '{')) {
      const close = this.skipGroup();
      return other(t.start, close.end);
    }
    throw new Fail();
  }
}

function other(start: number, end: number): Node {
  return { kind: 'Other', start, end, a: -1, b: -1 };
}

function isWhitespace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\f';
}

export interface Anchors {
  left: number;
  right: number;
  primary: string;
  secondary: string;
}

/**
 * extract_anchors_from_line for `segment` (the source between the instruction's columns):
 * offsets relative to the segment, or null when CPython would find none.
 */
export function caretAnchors(segment: string): Anchors | null {
  let node: Node;
  try {
    const p = new Parser(tokenize(segment));
    node = p.test();
    if (p.peek().kind !== 'end') return null;
  } catch (e) {
    if (e instanceof Fail) return null;
    throw e;
  }
  if (node.kind === 'BinOp') {
    let found: Anchors | null = null;
    for (let i = node.a; i < node.b; i++) {
      if (isWhitespace(segment[i])) continue;
      let right = i + 1;
      if (i + 1 < node.b && !isWhitespace(segment[i + 1])) right++;
      found = { left: i, right, primary: '~', secondary: '^' };
      // keep going past the ')' closing a parenthesised left operand
      if (i + 1 < node.b && segment[i] === ')') continue;
      break;
    }
    return found;
  }
  if (node.kind === 'Subscript') return { left: node.a, right: node.b + 1, primary: '~', secondary: '^' };
  return null;
}
