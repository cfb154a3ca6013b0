import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../../../tools/oracles.js';
import { targetForVersion } from '../target.js';
import { CachePathError, cacheFromSource, legacyCachePath, sourceFromCache } from './cache-path.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../../../tools/oracle/cache_paths.py');

interface Case {
  fn: 'cache' | 'source';
  path: string;
  optimization: string | number | null;
  prefix: string | null;
}

function cases(tag: string): Case[] {
  const sources = [
    'foo.py', 'foo.pyw', 'foo.bar.py', 'foo', '.py', 'pkg/mod.py', 'pkg/sub/mod.py', '/abs/dir/mod.py',
    '/mod.py', 'a/b/', 'rel/x.py', './x.py', '../up/y.py', 'dir.with.dots/m.py', 'spaces in/na me.py',
    'üñí/çödé.py', 'trailing/slash//m.py', '/a//b/c.py', '__init__.py', 'x.tar.gz',
  ];
  const optimizations: (string | number | null)[] = [null, '', 0, 1, 2, 'x9', -1, 'a-b', 'é1'];
  const prefixes: (string | null)[] = [null, '/cache', '/cache/', 'relpfx'];
  const out: Case[] = [];
  for (const path of sources) for (const optimization of optimizations) for (const prefix of prefixes) out.push({ fn: 'cache', path, optimization, prefix });
  const caches = [
    `__pycache__/foo.${tag}.pyc`, `a/__pycache__/foo.${tag}.opt-1.pyc`, `a/__pycache__/foo.${tag}.opt-x.pyc`,
    `a/__pycache__/foo.${tag}.opt-.pyc`, `a/__pycache__/foo.${tag}.nop-1.pyc`, `a/foo.${tag}.pyc`,
    `a/__pycache__/foo.pyc`, `a/__pycache__/foo.bar.${tag}.opt-1.pyc`, `/cache/a/b/foo.${tag}.pyc`,
    `/cache/a/__pycache__/foo.${tag}.pyc`, `a/__pycache__/foo.cpython-27.pyc`, `/__pycache__/x.${tag}.pyc`,
  ];
  for (const path of caches) for (const prefix of [null, '/cache', '/cache/']) out.push({ fn: 'source', path, optimization: null, prefix });
  return out;
}

describe('cache paths agree with importlib.util', () => {
  for (const version of ['3.11', '3.12', '3.13'] as const) {
    it.skipIf(!oracle(version))(`${version}: cache_from_source and source_from_cache`, () => {
      const target = targetForVersion(version)!;
      const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'tspyc-cwd-')));
      const all = cases(target.cacheTag!);
      const out = runPython(version, [SCRIPT, cwd], { input: all.map((c) => JSON.stringify(c)).join('\n') + '\n' }).stdout.trim().split('\n');
      const ours = all.map((c) => {
        try {
          const ok =
            c.fn === 'cache'
              ? cacheFromSource(c.path, { target, optimization: c.optimization ?? undefined, pycachePrefix: c.prefix, cwd })
              : sourceFromCache(c.path, { pycachePrefix: c.prefix });
          return JSON.stringify({ ok });
        } catch (err) {
          if (err instanceof CachePathError) return JSON.stringify({ error: `ValueError: ${err.message}` });
          throw err;
        }
      });
      const theirs = out.map((l) => JSON.stringify(JSON.parse(l)));
      let same = 0;
      const diffs: string[] = [];
      ours.forEach((o, i) => (o === theirs[i] ? same++ : diffs.push(`${JSON.stringify(all[i])}\n  ours:   ${o}\n  python: ${theirs[i]}`)));
      console.log(`cache paths ${version}: ${same}/${all.length}`);
      expect(diffs.slice(0, 5)).toEqual([]);
    }, 60_000);
  }

  it('writes the legacy (-b, Python 2) name next to the source', () => {
    expect(legacyCachePath('pkg/mod.py')).toBe('pkg/mod.pyc');
  });
});
