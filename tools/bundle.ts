// Bundles the built CLI (packages/*/dist) into packages/cli/bundle/ with esbuild: a handful of ES
// modules instead of ~340, so that Node resolves and reads a few files at start-up instead of
// hundreds (most of `tspyc run hello.py`'s time was module resolution). bin/tspyc.js uses the bundle
// only while it is newer than every package's last build (see packages/cli/bin/tspyc.js); after a
// plain `tsc -b` it falls back to dist/ until this script runs again.
//   npx tsc -b && npx tsx tools/bundle.ts        (npm run build and npm ci do both)
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (pkg: string, file: string) => join(ROOT, 'packages', pkg, 'dist', file);
const OUT = join(ROOT, 'packages', 'cli', 'bundle');

/**
 * Every entry a `new URL('./x.js', import.meta.url)` or a module URL handed to a worker names. All
 * outputs, chunks included, sit in OUT itself, so those relative URLs resolve from any chunk.
 */
const entryPoints = {
  main: dist('cli', 'main.js'),
  'run-worker': dist('vm', 'node/run-worker.js'),
  'compile-worker': dist('cli', 'commands/compile-worker.js'),
  compiler: dist('compiler', 'index.js'),
};

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  logLevel: 'warning',
  plugins: [
    {
      // In the bundle, the compiler module `tspyc run` hands to its worker is OUT/compiler.js.
      name: 'compiler-url',
      setup(b) {
        b.onLoad({ filter: /[\\/]cli[\\/]dist[\\/]compiler-url\.js$/ }, () => ({
          contents: "export function compilerModuleUrl() { return new URL('./compiler.js', import.meta.url).href; }\n",
          loader: 'js',
        }));
      },
    },
  ],
  // commander and fast-glob are CommonJS: give their `require` calls one to use.
  banner: { js: "import { createRequire as __tspycCreateRequire } from 'node:module'; const require = __tspycCreateRequire(import.meta.url);" },
});
// The stamp bin/tspyc.js compares with each package's .tsbuildinfo.
writeFileSync(join(OUT, 'stamp'), `${new Date().toISOString()}\n`);
