// Node entry point: run a program in a worker thread, whose stack is large enough for
// sys.getrecursionlimit() Python frames (the main thread's ~1 MB is not). The one place, with
// host-node.ts, where the VM touches Node APIs.
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { CheckHashBasedPycs, LoaderConfig } from '@tspyc/loader/runtime';
import { runWorkerUrl } from './run-worker-url.js';

/** Stack for the VM thread: 1000+ Python frames, each a few JS frames of the eval loop. */
const STACK_MB = 512;

/** What runs as __main__: `python FILE.pyc`, `python FILE.py`, `python -c CODE`, `python -m MODULE`. */
export type MainProgram =
  | { kind: 'pyc'; path: string }
  | { kind: 'source'; path: string }
  | { kind: 'command'; code: string }
  | { kind: 'module'; name: string };

export interface RunFileOptions {
  main: MainProgram;
  /** sys.argv[1:] */
  args: string[];
  /**
   * URL of the compiler module (exports compileSource and PySyntaxError; the CLI
   * passes @tspyc/compiler's). Without one, only pycs and fresh caches can run.
   */
  compiler?: string | null;
  /** -B / PYTHONDONTWRITEBYTECODE, -O, PYTHONPYCACHEPREFIX */
  config: LoaderConfig;
  checkHashBasedPycs?: CheckHashBasedPycs;
  /** CPython's Lib/ directory (find-stdlib.ts), on sys.path after the script's directory; null: none */
  stdlib?: string | null;
}

/**
 * A worker started before its program is known (prestartRunWorker), so that its start-up — a Node
 * thread and the VM's modules, most of `tspyc run`'s time — overlaps the CLI's own argument parsing.
 */
let prestarted: Worker | null = null;

function startWorker(): Worker {
  return new Worker(runWorkerUrl(), {
    // The heap the process has, given explicitly: a worker with an explicit limit that exhausts it
    // is ended with ERR_WORKER_OUT_OF_MEMORY (see runProgram); without one, V8 aborts the process.
    resourceLimits: { stackSizeMb: STACK_MB, maxOldGenerationSizeMb: Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20) },
    stdout: false,
    stderr: false,
  });
}

/** Start the VM's worker now; the next runProgram uses it. */
export function prestartRunWorker(): void {
  prestarted ??= startWorker();
  // An idle prestarted worker (the command line turned out to be wrong) must not keep Node alive.
  prestarted.unref();
}

/**
 * Run the program as __main__ in a worker thread; resolves to the exit code. The worker posts it
 * when all is done (atexit handlers run, output written synchronously), so the process need not
 * wait for the thread's own teardown: the worker is unreferenced then, and Node ends it at exit.
 */
export function runProgram(options: RunFileOptions): Promise<number> {
  const worker = prestarted ?? startWorker();
  prestarted = null;
  worker.ref();
  return new Promise((resolve, reject) => {
    worker.on('message', (m: { exitCode?: number; internalError?: string }) => {
      if (typeof m.exitCode === 'number') {
        worker.unref();
        resolve(m.exitCode);
      }
      if (typeof m.internalError === 'string') reject(new Error(m.internalError));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(err);
      // what CPython's failed allocation ends in, without the traceback the lost thread had
      process.stderr.write(`MemoryError: tspyc's VM ran out of memory (a heap of ${Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20)} MB)\n`);
      resolve(1);
    });
    worker.on('exit', () => resolve(70));
    worker.postMessage(options);
  });
}

export { findStdlib, StdlibError } from './find-stdlib.js';
