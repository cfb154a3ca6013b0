// Real-input corpora for parity tests: each oracle's own standard library (and 3.11's site-packages).
// Read in place, never copied into the repository.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runPython } from './oracles.js';

/** True when the whole corpus should be swept: in CI, or with TSPYC_FULL_CORPUS=1. */
export function fullCorpus(): boolean {
  return process.env.TSPYC_FULL_CORPUS === '1' || process.env.CI === 'true' || process.env.CI === '1';
}

const stdlibCache = new Map<string, string>();

/** The stdlib directory of an oracle (sysconfig's "stdlib" path). */
export function stdlibDir(version: string): string {
  let dir = stdlibCache.get(version);
  if (!dir) {
    const r = runPython(version, ['-c', 'import sysconfig; print(sysconfig.get_path("stdlib"))']);
    dir = r.stdout.trim();
    stdlibCache.set(version, dir);
  }
  return dir;
}

/** site-packages (purelib) of an oracle. */
export function sitePackagesDir(version: string): string {
  return runPython(version, ['-c', 'import sysconfig; print(sysconfig.get_path("purelib"))']).stdout.trim();
}

function walk(dir: string, out: string[], skip: (rel: string) => boolean, root: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  entries.sort();
  for (const name of entries) {
    const full = join(dir, name);
    const rel = relative(root, full);
    if (skip(rel)) continue;
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(full, out, skip, root);
    else if (name.endsWith('.py')) out.push(full);
  }
}

/** Every .py file of an oracle's stdlib outside site-packages (Lib/test included), sorted. */
export function stdlibFiles(version: string): string[] {
  const root = stdlibDir(version);
  const out: string[] = [];
  walk(root, out, (rel) => rel.split(sep)[0] === 'site-packages' || rel.includes('__pycache__'), root);
  return out;
}

/** Every .py file under site-packages of an oracle, sorted. */
export function sitePackagesFiles(version: string): string[] {
  const root = sitePackagesDir(version);
  const out: string[] = [];
  walk(root, out, (rel) => rel.includes('__pycache__'), root);
  return out;
}

/** A deterministic spread-out sample of n items (all of them when n >= length). */
export function sample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return items.slice();
  const out: T[] = [];
  const step = items.length / n;
  for (let i = 0; i < n; i++) out.push(items[Math.floor(i * step)]!);
  return out;
}

/** The whole list in CI / full mode, a sample of `n` otherwise. */
export function corpusSelection<T>(items: readonly T[], n: number): T[] {
  return fullCorpus() ? items.slice() : sample(items, n);
}
