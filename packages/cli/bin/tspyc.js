#!/usr/bin/env node
// Entry point installed as `tspyc`. The program is packages/cli/bundle/main.js (tools/bundle.ts: a
// few modules, quick to load) while that bundle is newer than every package's last `tsc -b`;
// otherwise the compiled packages/cli/dist/main.js, so a rebuild is never hidden by a stale bundle.
import { statSync } from 'node:fs';

const here = new URL('..', import.meta.url);
const mtime = (rel) => {
  try {
    return statSync(new URL(rel, here)).mtimeMs;
  } catch {
    return -1;
  }
};
const stamp = mtime('bundle/stamp');
const fresh = stamp >= 0 && ['bytecode', 'compiler', 'loader', 'vm', 'cli'].every((p) => mtime(`../${p}/dist/.tsbuildinfo`) <= stamp);
import(fresh ? '../bundle/main.js' : '../dist/main.js').then(
  (m) => m.main(process.argv),
  (err) => {
    process.stderr.write(`tspyc: cannot start (${err && err.message ? err.message : err}); run \`npm install\` at the repository root to build it\n`);
    process.exitCode = 70;
  },
);
