// The command-line end of every generator in tools/: write the files, or with --check exit 1 when a
// committed file differs from what the oracles say today.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** `text` null means its oracle is missing: the file is left as it is, and that is said. */
export function writeOrCheck(files: { path: string; text: string | null }[], argv = process.argv): void {
  const check = argv.includes('--check');
  let problems = 0;
  for (const { path, text } of files) {
    if (text === null) {
      console.error(`an oracle is missing: ${path} left as it is`);
      problems++;
      continue;
    }
    const same = existsSync(path) && readFileSync(path, 'utf8') === text;
    if (check) {
      if (!same) {
        console.error(`stale: ${path}`);
        problems++;
      }
    } else if (!same) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
  }
  process.exitCode = problems ? 1 : 0;
}
