// Whether tspyc's compiler can generate code yet (compileSource of `x = 1`). Tests of workflows that
// compile sources (run FILE.py, imports of stale modules, watch, compile) run as soon as it can, and
// are skipped with a loud message until then.
import { compileSource } from '@tspyc/compiler';

function probe(): string | null {
  try {
    compileSource(new TextEncoder().encode('x = 1\n'), '<probe>');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const failure = probe();

/** true once compileSource works */
export const CODEGEN = failure === null;

/** Say loudly (once per test file) why the tests that need code generation are skipped. */
export function warnIfNoCodegen(what: string): void {
  if (failure !== null) process.stderr.write(`\n*** SKIPPED: ${what} need tspyc's code generation, and compileSource('x = 1') fails: ${failure} ***\n\n`);
}
