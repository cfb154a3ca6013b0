// Every file under a directory with what a rewrite would change — bytes, inode (an atomic rename
// gives a new one) and nanosecond mtime — so a test can show that nothing was rewritten.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function treeStamps(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const st = statSync(join(dir, rel), { bigint: true });
    if (!st.isFile()) continue;
    const sha = createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex').slice(0, 16);
    out[rel] = `${sha} ino=${st.ino} mtime=${st.mtimeNs} mode=${(st.mode & 0o777n).toString(8)}`;
  }
  return out;
}
