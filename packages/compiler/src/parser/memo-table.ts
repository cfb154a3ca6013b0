// The parser's memo (CPython's per-token Memo chains) in flat typed arrays indexed by
// token * slots + rule slot, reused from parse to parse: allocating and clearing fresh tables for
// every file cost more than many small files take to parse.
//   ends[i]: 0 no entry; 1 the rule failed here (a failure always ends where it started);
//            end + 2 the rule matched up to token `end`, its result at values[valueAt[i]]
// The results themselves go in a plain array made per parse: a long-lived table holding young
// AST nodes would make the garbage collector keep and promote them.

export class MemoTable {
  ends: Int32Array;
  valueAt: Int32Array;
  /** one past the highest entry written since the last clear */
  used = 0;

  constructor(size: number) {
    this.ends = new Int32Array(size);
    this.valueAt = new Int32Array(size);
  }

  grow(minSize: number): void {
    const size = Math.max(minSize, this.ends.length * 2);
    const ends = new Int32Array(size);
    ends.set(this.ends.subarray(0, this.used));
    this.ends = ends;
    const valueAt = new Int32Array(size);
    valueAt.set(this.valueAt.subarray(0, this.used));
    this.valueAt = valueAt;
  }

  clear(): void {
    this.ends.fill(0, 0, this.used);
    this.used = 0;
  }
}

const pool: MemoTable[] = [];

/** a cleared table (nested parses, such as f-string expressions, each take their own) */
export function acquireMemoTable(): MemoTable {
  return pool.pop() ?? new MemoTable(1 << 16);
}

export function releaseMemoTable(t: MemoTable): void {
  t.clear();
  // a few tables cover the nesting of f-strings in f-strings; the rest are left to the GC
  if (pool.length < 4) pool.push(t);
}
