// Where the VM's worker thread starts: run-worker.js beside this file. tools/bundle.ts replaces this
// file's body with the bundle's CommonJS boot (a worker reaches CommonJS code ~5 ms sooner than an
// ES module).
export function runWorkerUrl(): URL {
  return new URL('./run-worker.js', import.meta.url);
}
