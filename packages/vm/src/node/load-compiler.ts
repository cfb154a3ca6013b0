// Loads the compiler module `tspyc run` names, synchronously: the loader compiles in the middle of
// an import (require of an ES module, Node >= 20.19). tools/bundle.ts replaces this file in the
// bundled worker, which carries the compiler itself (evaluated on first use).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export function loadCompilerModule(url: string): unknown {
  return createRequire(import.meta.url)(fileURLToPath(url));
}
