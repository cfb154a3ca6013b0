// `tspyc dis FILE.py` compiles on a worker thread with a deep stack (as `tspyc compile` does), so a
// deeply nested source ends in the compiler's RecursionError, not the main thread's stack limit.
// This module is both sides: compileForDis (main thread) and the worker's body.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { disassemble, DisError, targetForVersion } from '@tspyc/bytecode';
import { compileSource, formatSyntaxError, PyRecursionError, PySyntaxError, withProgramText, type CompileWarning } from '@tspyc/compiler';
import { stableAddresses } from '../code-address.js';
import { formatCompileWarning } from './compile-warning.js';

const STACK_MB = 256;

/** What `python3.11 -m dis FILE` shows for a source: stdout, stderr, exit status; or a one-line failure of tspyc's own. */
export interface DisOfSource {
  stdout: string;
  stderr: string;
  status: number;
  failure: string | null;
}

/** compile(source, FILE, 'exec') then dis.dis, on a compile thread. */
export function compileForDis(file: string, source: Uint8Array): Promise<DisOfSource> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { disSource: { file, source } }, resourceLimits: { stackSizeMb: STACK_MB } });
    w.once('message', (r: DisOfSource) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

function disOfSource(file: string, source: Uint8Array): DisOfSource {
  const target = targetForVersion('3.11')!;
  let stderr = '';
  const onWarning = (w: CompileWarning) => (stderr += formatCompileWarning(w) ?? '');
  try {
    const code = compileSource(source, file, { target, onWarning });
    return { stdout: disassemble(code, target, stableAddresses(code)), stderr, status: 0, failure: null };
  } catch (err) {
    if (err instanceof PySyntaxError) {
      err = withProgramText(err, source);
      // The uncaught error is printed by PyErr_Display, which ignores the end position of an
      // IndentationError or TabError (one caret) where traceback.format_exception_only draws a range.
      const e = err as PySyntaxError;
      const shown = e.type === 'IndentationError' || e.type === 'TabError' ? new PySyntaxError(e.type, e.msg, e.filename, e.lineno, e.offset, e.text, e.endLineno, null) : e;
      return { stdout: '', stderr: stderr + formatSyntaxError(shown), status: 1, failure: null };
    }
    if (err instanceof PyRecursionError) return { stdout: '', stderr: `${stderr}RecursionError: ${err.msg}\n`, status: 1, failure: null };
    const why = err instanceof DisError ? err.message : `cannot compile: ${(err as Error).message}`;
    return { stdout: '', stderr, status: 1, failure: `${file}: ${why}` };
  }
}

const job = isMainThread ? undefined : (workerData as { disSource?: { file: string; source: Uint8Array } } | null)?.disSource;
if (job && parentPort) parentPort.postMessage(disOfSource(job.file, job.source));
