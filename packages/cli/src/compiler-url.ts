// The URL of the compiler module `tspyc run` hands to its VM worker (the VM never imports the
// compiler itself). tools/bundle.ts replaces this file's body with the bundle's own compiler.js.
export function compilerModuleUrl(): string {
  return import.meta.resolve('@tspyc/compiler');
}
