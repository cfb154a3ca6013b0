// The bundled VM worker's entry (tools/bundle.ts): runs bundle/run-worker.cjs — the VM, the loader
// and, evaluated on first use, the compiler — through V8's code cache, so a start-up does not
// parse a megabyte of JavaScript again. The cache sits beside the bundle (written at build time by
// a warm-up run, rewritten when V8 rejects it, e.g. after a Node upgrade); when it cannot be
// written, the worker simply runs uncached. Node 20 has no code cache for ES modules, hence CJS.
// This file itself is bundled as CommonJS (bundle/run-worker-boot.cjs), hence __dirname.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const file = join(__dirname, 'run-worker.cjs');
const cacheFile = `${file}.v8-cache`;

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The file is ASCII (esbuild's charset 'ascii') and already wrapped as a CommonJS function
// expression; latin1 makes the string without UTF-8 decoding, which took a third of this start-up.
const source = readFileSync(file, 'latin1');
const script = new Script(source, { filename: file, cachedData });
const module = { exports: {} as { onBeforeExitCode?: (hook: () => void) => void } };
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
if (cachedData === undefined || script.cachedDataRejected === true) {
  // Written when the program has run, so the cache also holds the functions it compiled lazily;
  // before the exit code is posted, because the main thread does not wait for this thread to end.
  module.exports.onBeforeExitCode?.(() => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      rmSync(tmp, { force: true });
    }
  });
}
