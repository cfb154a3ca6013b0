// Bundles the built CLI (packages/*/dist) into packages/cli/bundle/ with esbuild: a handful of ES
// modules instead of ~340, so that Node resolves and reads a few files at start-up instead of
// hundreds (most of `tspyc run hello.py`'s time was module resolution). bin/tspyc.js uses the bundle
// only while it is newer than every package's last build (see packages/cli/bin/tspyc.js); after a
// plain `tsc -b` it falls back to dist/ until this script runs again.
//   npx tsc -b && npx tsx tools/bundle.ts        (npm run build and npm ci do both)
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  'compile-worker': dist('cli', 'commands/compile-worker.js'),
  compiler: dist('compiler', 'index.js'),
};

/** A plugin giving one built module new contents. */
const replace = (name: string, filter: RegExp, contents: string): Plugin => ({
  name,
  setup(b) {
    b.onLoad({ filter }, () => ({ contents, loader: 'js' }));
  },
});

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
  // In the bundle, the compiler module `tspyc run` names is OUT/compiler.js.
  plugins: [
    replace('compiler-url', /[\\/]cli[\\/]dist[\\/]compiler-url\.js$/, "export function compilerModuleUrl() { return new URL('./compiler.js', import.meta.url).href; }\n"),
    replace('run-worker-url', /[\\/]vm[\\/]dist[\\/]node[\\/]run-worker-url\.js$/, "export function runWorkerUrl() { return new URL('./run-worker-boot.cjs', import.meta.url); }\n"),
  ],
  // commander and fast-glob are CommonJS: give their `require` calls one to use.
  banner: { js: "import { createRequire as __tspycCreateRequire } from 'node:module'; const require = __tspycCreateRequire(import.meta.url);" },
});
// The worker's boot, CommonJS: it runs the VM's file below through V8's code cache.
await build({
  entryPoints: [dist('cli', 'bundle/run-worker-boot.js')],
  outfile: join(OUT, 'run-worker-boot.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// The VM worker as one CommonJS file (run through V8's code cache by run-worker-boot), carrying the
// compiler, which esbuild evaluates only when loadCompilerModule first requires it. The boot reads
// it as latin1 and runs it as a script, so it is ASCII, without comments and blank space (a smaller
// file to read), and wrapped as the function expression Node wraps CommonJS modules in.
await build({
  entryPoints: [dist('vm', 'node/run-worker.js')],
  outfile: join(OUT, 'run-worker.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  charset: 'ascii',
  minifyWhitespace: true,
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '\n})' },
  logLevel: 'warning',
  plugins: [replace('load-compiler', /[\\/]vm[\\/]dist[\\/]node[\\/]load-compiler\.js$/, "export function loadCompilerModule() { return require('@tspyc/compiler'); }\n")],
});
// esbuild's charset leaves regular-expression literals as they are (/ß/): escape what remains, as
// \uXXXX per UTF-16 unit, which means the same in a regular expression, a string or an identifier.
const workerFile = join(OUT, 'run-worker.cjs');
const workerSource = readFileSync(workerFile, 'utf8');
writeFileSync(workerFile, workerSource.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
// The stamp bin/tspyc.js compares with each package's .tsbuildinfo.
writeFileSync(join(OUT, 'stamp'), `${new Date().toISOString()}\n`);
// Warm-up runs write the worker's code cache: the first compiles a module and caches it, the second
// (whose exit writes the cache) compiles the main script and loads that module from its pyc, so the
// cache holds both the compiler's and the marshal reader's functions.
const warmDir = mkdtempSync(join(tmpdir(), 'tspyc-bundle-warm-'));
try {
  writeFileSync(join(warmDir, 'helper.py'), 'def greet(name):\n    return f"hello {name!r}"\n');
  writeFileSync(join(warmDir, 'main.py'), 'import helper\nprint(helper.greet("bundle"), sorted({3: [1.5, (2, "x")]}.items()))\n');
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '', PYTHONPYCACHEPREFIX: '' };
  for (const round of [1, 2]) {
    if (round === 2) rmSync(join(OUT, 'run-worker.cjs.v8-cache'), { force: true });
    const warm = spawnSync(process.execPath, [join(ROOT, 'packages', 'cli', 'bin', 'tspyc.js'), 'run', 'main.py'], { cwd: warmDir, env, encoding: 'utf8' });
    if (warm.status !== 0) throw new Error(`the bundled tspyc failed its warm-up run:\n${warm.stderr}`);
  }
} finally {
  rmSync(warmDir, { recursive: true, force: true });
}
