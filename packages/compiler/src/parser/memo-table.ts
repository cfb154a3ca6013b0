// The parser's memo (CPython's per-token Memo chains) in a flat typed array indexed by
// token * slots + rule slot, reused from parse to parse: allocating and clearing fresh tables for
// every file cost more than many small files take to parse. Entry i is two numbers side by side
// (one cache line holds both):
//   entries[2i]:   0 no entry; 1 the rule failed here (a failure always ends where it started);
//                  end + 2 the rule matched up to token `end`, its result at values[entries[2i + 1]]
// The results themselves go in a plain array made per parse: a long-lived table holding young
// AST nodes would make the garbage collector keep and promote them.

export class MemoTable {
  entries: Int32Array;
  /** one past the highest entry written since the last clear */
  used = 0;

  constructor(size: number) {
    this.entries = new Int32Array(2 * size);
  }

  /** the number of entries */
  get size(): number {
    return this.entries.length >> 1;
  }

  grow(minSize: number): void {
    const size = Math.max(minSize, this.size * 2);
    const entries = new Int32Array(2 * size);
    entries.set(this.entries.subarray(0, 2 * this.used));
    this.entries = entries;
  }

  clear(): void {
    this.entries.fill(0, 0, 2 * this.used);
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
