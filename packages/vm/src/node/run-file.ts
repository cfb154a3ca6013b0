// Node entry point: run a pyc file in a worker thread, whose stack is large enough for
// sys.getrecursionlimit() Python frames (the main thread's ~1 MB is not). The one place, with
// host-node.ts, where the VM touches Node APIs.
import { Worker } from 'node:worker_threads';

/** Stack for the VM thread: 1000+ Python frames, each a few JS frames of the eval loop. */
const STACK_MB = 512;

export interface RunFileOptions {
  /** the pyc file (already validated as a 3.11 pyc by the caller) */
  path: string;
  /** sys.argv */
  argv: string[];
}

/** Run the pyc as __main__ in a worker thread; resolves to the exit code. */
export function runPycFile(options: RunFileOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./run-worker.js', import.meta.url), {
      workerData: options,
      resourceLimits: { stackSizeMb: STACK_MB },
      stdout: false,
      stderr: false,
    });
    let code: number | null = null;
    worker.on('message', (m: { exitCode?: number; internalError?: string }) => {
      if (typeof m.exitCode === 'number') code = m.exitCode;
      if (typeof m.internalError === 'string') reject(new Error(m.internalError));
    });
    worker.on('error', reject);
    worker.on('exit', () => resolve(code ?? 70));
  });
}
