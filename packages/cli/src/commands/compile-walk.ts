// compileall._walk_dir: the files under a directory, depth-first in sorted order, skipping
// __pycache__, not following symlinked directories, down to `maxlevels`. Each directory entered
// is an event too, since compileall prints "Listing '…'..." (or "Can't list '…'") as it goes.
import { readdirSync } from 'node:fs';
import { fsDecode } from './compile-fsdecode.js';
import { pathJoin } from './compile-paths.js';
import { isDir, isLink } from './compile-stat.js';

export type WalkEvent =
  | { kind: 'listing'; dir: string }
  | { kind: 'cant-list'; dir: string; errno: string }
  | { kind: 'file'; path: string }
  /** a name that is not UTF-8: `path` as Python spells it (surrogateescape), which Node cannot open */
  | { kind: 'undecodable'; path: string };

/** Python's sort of str: by code point (not UTF-16 unit, as JS's default sort). */
function byCodePoint(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = ca[i]!.codePointAt(0)! - cb[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

export function* walkDir(dir: string, maxlevels: number): Generator<WalkEvent> {
  yield { kind: 'listing', dir };
  let names: { name: string; utf8: boolean }[];
  try {
    names = readdirSync(dir, { encoding: 'buffer' }).map(fsDecode);
  } catch (err) {
    yield { kind: 'cant-list', dir, errno: (err as NodeJS.ErrnoException).code ?? 'EIO' };
    names = [];
  }
  names.sort((a, b) => byCodePoint(a.name, b.name));
  for (const { name, utf8 } of names) {
    if (name === '__pycache__') continue;
    const fullname = pathJoin(dir, name);
    if (!utf8) yield { kind: 'undecodable', path: fullname };
    else if (!isDir(fullname)) yield { kind: 'file', path: fullname };
    else if (maxlevels > 0 && name !== '.' && name !== '..' && !isLink(fullname)) yield* walkDir(fullname, maxlevels - 1);
  }
}
