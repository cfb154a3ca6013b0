// A per-machine cache for oracle answers that are slow to compute (a whole corpus through
// CPython): JSON in the OS temp dir, keyed by a digest of everything the answer depends on,
// written atomically (a temp file renamed into place) so concurrent test workers never read a torn file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function cachedOracleJson<T>(name: string, keyParts: readonly (string | Buffer)[], compute: () => T): T {
  const hash = createHash('sha1');
  for (const part of keyParts) hash.update(part).update('\0');
  const dir = join(tmpdir(), 'tspyc-oracle-cache');
  const file = join(dir, `${name}-${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
  const value = compute();
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
  return value;
}
