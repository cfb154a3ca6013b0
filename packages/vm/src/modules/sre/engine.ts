// The SRE matching engine: runs the code list Lib/re/_compiler.py emits (opcodes of
// Lib/re/_constants.py, MAGIC 20220615) against a string of code points or a bytes object, by
// backtracking. Each opcode's meaning is sre_lib.h's; the control flow is our own: sub-patterns
// run with a continuation (what must match after them), and every choice point restores the
// group marks when an alternative fails.
// CPython counterpart: Modules/_sre/sre_lib.h (SRE(match), SRE(search), SRE(charset)).
import { category, isAsciiWord, isLocWord, isUniWord, lowerAscii, lowerUnicode, upperAscii, upperUnicode } from './chars.js';

// opcodes (re/_constants.py OPCODES order)
const FAILURE = 0, SUCCESS = 1, ANY = 2, ANY_ALL = 3, ASSERT = 4, ASSERT_NOT = 5, AT = 6, BRANCH = 7, CATEGORY = 8,
  CHARSET = 9, BIGCHARSET = 10, GROUPREF = 11, GROUPREF_EXISTS = 12, IN = 13, INFO = 14, JUMP = 15, LITERAL = 16,
  MARK = 17, MAX_UNTIL = 18, MIN_UNTIL = 19, NOT_LITERAL = 20, NEGATE = 21, RANGE = 22, REPEAT = 23, REPEAT_ONE = 24,
  MIN_REPEAT_ONE = 26, ATOMIC_GROUP = 27, POSSESSIVE_REPEAT = 28, POSSESSIVE_REPEAT_ONE = 29,
  GROUPREF_IGNORE = 30, IN_IGNORE = 31, LITERAL_IGNORE = 32, NOT_LITERAL_IGNORE = 33, GROUPREF_LOC_IGNORE = 34,
  IN_LOC_IGNORE = 35, LITERAL_LOC_IGNORE = 36, NOT_LITERAL_LOC_IGNORE = 37, GROUPREF_UNI_IGNORE = 38,
  IN_UNI_IGNORE = 39, LITERAL_UNI_IGNORE = 40, NOT_LITERAL_UNI_IGNORE = 41, RANGE_UNI_IGNORE = 42;

/** _sre.MAXREPEAT: a repeat's max meaning "no limit" */
export const MAXREPEAT = 4294967295;

/** What follows a sub-pattern: true when the rest of the match succeeds from `pos`. */
type Cont = (pos: number) => boolean;

/** A subject: code points of a str, or the bytes of a bytes-like object. */
export type Subject = ArrayLike<number>;

export class SreError extends Error {}

export class MatchState {
  /** marks[2g], marks[2g+1]: start and end of group g+1 (-1 unset) */
  marks: number[];
  lastindex = -1;
  /** fullmatch: the whole match must end at `end` */
  matchAll = false;
  /** an empty match at `start` is refused (the iteration after an empty match) */
  mustAdvance = false;
  /** where the current attempt starts */
  start = 0;
  /** where the match ended */
  matchEnd = -1;

  constructor(
    readonly code: ArrayLike<number>,
    readonly s: Subject,
    /** endpos */
    readonly end: number,
    groups: number,
  ) {
    this.marks = new Array(groups * 2).fill(-1);
  }

  private reset(): void {
    this.marks.fill(-1);
    this.lastindex = -1;
  }

  /** SRE(match) at `pos`: true when the pattern matches there (matchEnd, marks set). */
  matchAt(pos: number): boolean {
    this.reset();
    this.start = pos;
    return this.run(0, pos, (e) => {
      if (this.matchAll && e !== this.end) return false;
      if (this.mustAdvance && e === this.start) return false;
      this.matchEnd = e;
      return true;
    });
  }

  /** SRE(search) from `pos`: the start of the first match, or -1. */
  search(pos: number): number {
    // a pattern starting with a literal is only tried where that character is
    const first = this.code[0] === INFO ? 1 + this.code[1]! : 0;
    const lit = this.code[first] === LITERAL ? this.code[first + 1]! : -1;
    for (let p = pos; p <= this.end; p++) {
      if (lit >= 0 && (p >= this.end || this.s[p] !== lit)) continue;
      if (this.matchAt(p)) return p;
      this.mustAdvance = false;
    }
    return -1;
  }

  private snapshot(): number[] {
    const m = this.marks.slice();
    m.push(this.lastindex);
    return m;
  }

  private restore(snap: number[]): void {
    for (let i = 0; i < this.marks.length; i++) this.marks[i] = snap[i]!;
    this.lastindex = snap[this.marks.length]!;
  }

  /** Whether the single-character item at `pc` matches character `ch`. */
  private one(pc: number, ch: number): boolean {
    const c = this.code;
    switch (c[pc]) {
      case ANY: return ch !== 10;
      case ANY_ALL: return true;
      case LITERAL: return ch === c[pc + 1];
      case NOT_LITERAL: return ch !== c[pc + 1];
      case LITERAL_IGNORE: return lowerAscii(ch) === c[pc + 1];
      case NOT_LITERAL_IGNORE: return lowerAscii(ch) !== c[pc + 1];
      case LITERAL_UNI_IGNORE: return lowerUnicode(ch) === c[pc + 1];
      case NOT_LITERAL_UNI_IGNORE: return lowerUnicode(ch) !== c[pc + 1];
      case LITERAL_LOC_IGNORE: return locIgnoreEq(ch, c[pc + 1]!);
      case NOT_LITERAL_LOC_IGNORE: return !locIgnoreEq(ch, c[pc + 1]!);
      case IN: return this.charset(pc + 2, ch);
      case IN_IGNORE: return this.charset(pc + 2, lowerAscii(ch));
      case IN_UNI_IGNORE: return this.charset(pc + 2, lowerUnicode(ch));
      case IN_LOC_IGNORE: return this.charset(pc + 2, ch) || this.charset(pc + 2, lowerAscii(ch)) || this.charset(pc + 2, upperAscii(ch));
      case CATEGORY: return category(c[pc + 1]!, ch);
      default: throw new SreError(`internal error in regular expression engine: opcode ${c[pc]} is not a character item`);
    }
  }

  /** SRE(charset): whether `ch` is in the set starting at `pc` (ended by FAILURE). */
  private charset(pc: number, ch: number): boolean {
    const c = this.code;
    let ok = true;
    for (;;) {
      switch (c[pc]) {
        case FAILURE:
          return !ok;
        case LITERAL:
          if (ch === c[pc + 1]) return ok;
          pc += 2;
          break;
        case CATEGORY:
          if (category(c[pc + 1]!, ch)) return ok;
          pc += 2;
          break;
        case CHARSET:
          if (ch < 256 && (c[pc + 1 + (ch >> 5)]! >>> (ch & 31)) & 1) return ok;
          pc += 1 + 8;
          break;
        case RANGE:
          if (c[pc + 1]! <= ch && ch <= c[pc + 2]!) return ok;
          pc += 3;
          break;
        case RANGE_UNI_IGNORE: {
          if (c[pc + 1]! <= ch && ch <= c[pc + 2]!) return ok;
          const u = upperUnicode(ch);
          if (c[pc + 1]! <= u && u <= c[pc + 2]!) return ok;
          pc += 3;
          break;
        }
        case NEGATE:
          ok = !ok;
          pc += 1;
          break;
        case BIGCHARSET: {
          const blocks = c[pc + 1]!;
          if (ch < 65536) {
            const word = c[pc + 2 + (ch >> 10)]!;
            const block = (word >>> (((ch >> 8) & 3) * 8)) & 255;
            const base = pc + 2 + 64 + block * 8;
            if ((c[base + ((ch & 255) >> 5)]! >>> (ch & 31)) & 1) return ok;
          }
          pc += 2 + 64 + blocks * 8;
          break;
        }
        default:
          throw new SreError(`internal error in regular expression engine: opcode ${c[pc]} in a set`);
      }
    }
  }

  private isWordAt(pos: number, isWord: (ch: number) => boolean): boolean {
    return pos >= 0 && pos < this.end && isWord(this.s[pos]!);
  }

  /** SRE(at) */
  private at(code: number, pos: number): boolean {
    const s = this.s;
    const end = this.end;
    const boundary = (isWord: (ch: number) => boolean, want: boolean) => {
      if (end === 0) return false;
      return (this.isWordAt(pos - 1, isWord) !== this.isWordAt(pos, isWord)) === want;
    };
    switch (code) {
      case 0: case 2: return pos === 0;
      case 1: return pos === 0 || s[pos - 1] === 10;
      case 3: return boundary(isAsciiWord, true);
      case 4: return boundary(isAsciiWord, false);
      case 5: return pos === end || (pos + 1 === end && s[pos] === 10);
      case 6: return pos === end || s[pos] === 10;
      case 7: return pos === end;
      case 8: return boundary(isLocWord, true);
      case 9: return boundary(isLocWord, false);
      case 10: return boundary(isUniWord, true);
      case 11: return boundary(isUniWord, false);
      default: return false;
    }
  }

  /** How many times (up to max) the single-character item at `pc` matches from `pos`. */
  private count(pc: number, pos: number, max: number): number {
    const limit = max === MAXREPEAT ? this.end - pos : Math.min(max, this.end - pos);
    let n = 0;
    while (n < limit && this.one(pc, this.s[pos + n]!)) n++;
    return n;
  }

  /** Run the code from `pc` at `pos`; SUCCESS (and the UNTIL of a repeat body) hands over to `k`. */
  private run(pc: number, pos: number, k: Cont): boolean {
    const c = this.code;
    const s = this.s;
    for (;;) {
      const op = c[pc]!;
      switch (op) {
        case SUCCESS:
        case MAX_UNTIL:
        case MIN_UNTIL:
          return k(pos);
        case FAILURE:
          return false;
        case INFO:
        case JUMP:
          pc += 1 + c[pc + 1]!;
          break;
        case ANY: case ANY_ALL: case LITERAL: case NOT_LITERAL: case LITERAL_IGNORE: case NOT_LITERAL_IGNORE:
        case LITERAL_UNI_IGNORE: case NOT_LITERAL_UNI_IGNORE: case LITERAL_LOC_IGNORE: case NOT_LITERAL_LOC_IGNORE:
        case CATEGORY:
          if (pos >= this.end || !this.one(pc, s[pos]!)) return false;
          pos++;
          pc += op === ANY || op === ANY_ALL ? 1 : 2;
          break;
        case IN: case IN_IGNORE: case IN_UNI_IGNORE: case IN_LOC_IGNORE:
          if (pos >= this.end || !this.one(pc, s[pos]!)) return false;
          pos++;
          pc += 1 + c[pc + 1]!;
          break;
        case AT:
          if (!this.at(c[pc + 1]!, pos)) return false;
          pc += 2;
          break;
        case MARK: {
          const i = c[pc + 1]!;
          if (i & 1) this.lastindex = (i >> 1) + 1;
          this.marks[i] = pos;
          pc += 2;
          break;
        }
        case BRANCH: {
          let alt = pc + 1;
          while (c[alt] !== FAILURE) {
            const snap = this.snapshot();
            if (this.run(alt + 1, pos, k)) return true;
            this.restore(snap);
            alt += c[alt]!;
          }
          return false;
        }
        case REPEAT_ONE:
        case MIN_REPEAT_ONE:
        case POSSESSIVE_REPEAT_ONE: {
          const min = c[pc + 2]!;
          const max = c[pc + 3]!;
          const item = pc + 4;
          const next = pc + 1 + c[pc + 1]!;
          if (pos + min > this.end) return false;
          if (op === POSSESSIVE_REPEAT_ONE) {
            const n = this.count(item, pos, max);
            if (n < min) return false;
            pos += n;
            pc = next;
            break;
          }
          if (op === REPEAT_ONE) {
            const n = this.count(item, pos, max);
            if (n < min) return false;
            // the tail starts with a literal: only try counts followed by it
            const lit = c[next] === LITERAL ? c[next + 1]! : -1;
            for (let i = n; i >= min; i--) {
              if (lit >= 0 && (pos + i >= this.end || s[pos + i] !== lit)) continue;
              const snap = this.snapshot();
              if (this.run(next, pos + i, k)) return true;
              this.restore(snap);
            }
            return false;
          }
          let i = this.count(item, pos, min);
          if (i < min) return false;
          for (;;) {
            const snap = this.snapshot();
            if (this.run(next, pos + i, k)) return true;
            this.restore(snap);
            if ((max !== MAXREPEAT && i >= max) || pos + i >= this.end || !this.one(item, s[pos + i]!)) return false;
            i++;
          }
        }
        case REPEAT: {
          const min = c[pc + 2]!;
          const max = c[pc + 3]!;
          const body = pc + 4;
          const until = pc + 1 + c[pc + 1]!;
          const next = until + 1;
          const lazy = c[until] === MIN_UNTIL;
          const more = (count: number) => max === MAXREPEAT || count < max;
          // one iteration more, then the rest; an iteration that matched nothing ends the repeat
          const iterate = (count: number, at: number, last: number): boolean => {
            const body1 = () => {
              const snap = this.snapshot();
              if (this.run(body, at, (e) => iterate(count + 1, e, at))) return true;
              this.restore(snap);
              return false;
            };
            if (count < min) return body1();
            if (lazy) {
              const snap = this.snapshot();
              if (this.run(next, at, k)) return true;
              this.restore(snap);
              return more(count) && at !== last && body1();
            }
            if (more(count) && at !== last && body1()) return true;
            return this.run(next, at, k);
          };
          return iterate(0, pos, -1);
        }
        case POSSESSIVE_REPEAT: {
          const min = c[pc + 2]!;
          const max = c[pc + 3]!;
          const body = pc + 4;
          const next = pc + 1 + c[pc + 1]! + 1;
          let count = 0;
          while (max === MAXREPEAT || count < max) {
            const snap = this.snapshot();
            let e = -1;
            if (!this.run(body, pos, (p) => ((e = p), true))) {
              this.restore(snap);
              break;
            }
            count++;
            if (e === pos) break;
            pos = e;
          }
          if (count < min) return false;
          pc = next;
          break;
        }
        case ATOMIC_GROUP: {
          let e = -1;
          if (!this.run(pc + 2, pos, (p) => ((e = p), true))) return false;
          pos = e;
          pc += 1 + c[pc + 1]!;
          break;
        }
        case ASSERT:
        case ASSERT_NOT: {
          const back = c[pc + 2]!;
          const at = pos - back;
          let ok = at >= 0;
          if (ok) {
            const snap = this.snapshot();
            const saved = [this.matchAll, this.mustAdvance] as const;
            this.matchAll = false;
            this.mustAdvance = false;
            ok = this.run(pc + 3, at, () => true);
            [this.matchAll, this.mustAdvance] = saved;
            if (op === ASSERT_NOT) this.restore(snap);
          }
          if (ok !== (op === ASSERT)) return false;
          pc += 1 + c[pc + 1]!;
          break;
        }
        case GROUPREF: case GROUPREF_IGNORE: case GROUPREF_UNI_IGNORE: case GROUPREF_LOC_IGNORE: {
          const g = c[pc + 1]!;
          const a = this.marks[2 * g]!;
          const b = this.marks[2 * g + 1]!;
          if (a < 0 || b < 0 || b < a) return false;
          const fold = op === GROUPREF ? (x: number) => x : op === GROUPREF_UNI_IGNORE ? lowerUnicode : lowerAscii;
          if (pos + (b - a) > this.end) return false;
          for (let i = 0; i < b - a; i++) if (fold(s[a + i]!) !== fold(s[pos + i]!)) return false;
          pos += b - a;
          pc += 2;
          break;
        }
        case GROUPREF_EXISTS: {
          const g = c[pc + 1]!;
          const a = this.marks[2 * g]!;
          const b = this.marks[2 * g + 1]!;
          pc = a >= 0 && b >= 0 && a <= b ? pc + 3 : pc + 1 + c[pc + 2]!;
          break;
        }
        default:
          throw new SreError(`internal error in regular expression engine: unknown opcode ${op}`);
      }
    }
  }
}

function locIgnoreEq(ch: number, lit: number): boolean {
  return ch === lit || lowerAscii(ch) === lit || upperAscii(ch) === lit;
}
