#!/usr/bin/env node
// Entry point installed as `tspyc`; the real program is the compiled packages/cli/dist/main.js.
import('../dist/main.js').then(
  (m) => m.main(process.argv),
  (err) => {
    process.stderr.write(`tspyc: cannot start (${err && err.message ? err.message : err}); run \`npm install\` at the repository root to build it\n`);
    process.exitCode = 70;
  },
);
