// compileall._walk_dir: the files under a directory, depth-first in sorted order, skipping
// __pycache__, not following symlinked directories, down to `maxlevels`. Each directory entered
// is an event too, since compileall prints "Listing '…'..." (or "Can't list '…'") as it goes.
import { readdirSync, statSync, lstatSync } from 'node:fs';
import { pathJoin } from './compile-paths.js';

export type WalkEvent = { kind: 'listing'; dir: string } | { kind: 'cant-list'; dir: string; errno: string } | { kind: 'file'; path: string };

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

const isLink = (p: string): boolean => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

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
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    yield { kind: 'cant-list', dir, errno: (err as NodeJS.ErrnoException).code ?? 'EIO' };
    names = [];
  }
  names.sort(byCodePoint);
  for (const name of names) {
    if (name === '__pycache__') continue;
    const fullname = pathJoin(dir, name);
    if (!isDir(fullname)) yield { kind: 'file', path: fullname };
    else if (maxlevels > 0 && name !== '.' && name !== '..' && !isLink(fullname)) yield* walkDir(fullname, maxlevels - 1);
  }
}
