// The bundled VM worker's entry (tools/bundle.ts): runs bundle/run-worker.cjs — the VM, the loader
// and, evaluated on first use, the compiler — through V8's code cache, so a start-up does not
// parse a megabyte of JavaScript again. The cache sits beside the bundle (written at build time by
// a warm-up run, rewritten when V8 rejects it, e.g. after a Node upgrade); when it cannot be
// written, the worker simply runs uncached. Node 20 has no code cache for ES modules, hence CJS.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('./run-worker.cjs', import.meta.url));
const cacheFile = `${file}.v8-cache`;

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(file, 'utf8');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected === true) {
  // At exit the cache also holds the functions this run compiled lazily.
  process.once('exit', () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      rmSync(tmp, { force: true });
    }
  });
}
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
