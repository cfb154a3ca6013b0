// compileall's ProcessPoolExecutor, as worker threads: the files of one directory argument are
// handed out one at a time to idle workers; results come back with their output, which is printed
// in the files' order (compileall prints in completion order, which varies from run to run).
import { Worker } from 'node:worker_threads';
import type { CompileFileFlags, Output } from './compile-file.js';

export interface WorkerJob {
  index: number;
  path: string;
}

export interface WorkerAnswer {
  index: number;
  ok: boolean;
  output: ['stdout' | 'stderr', string][];
}

/** Compile `files` on `workers` threads; `onDone` sees each file once, in order. Resolves to overall success. */
export async function compileInPool(files: string[], flags: CompileFileFlags, workers: number, out: Output, onDone: (path: string) => void): Promise<boolean> {
  const count = Math.max(1, Math.min(workers, files.length));
  const pool = Array.from({ length: count }, () => new Worker(new URL('./compile-worker.js', import.meta.url), { workerData: flags }));
  const answers = new Map<number, WorkerAnswer>();
  let next = 0;
  let printed = 0;
  let success = true;
  try {
    await new Promise<void>((resolve, reject) => {
      if (files.length === 0) return resolve();
      const feed = (w: Worker) => {
        if (next < files.length) {
          const job: WorkerJob = { index: next, path: files[next]! };
          next++;
          w.postMessage(job);
        }
      };
      for (const w of pool) {
        w.on('message', (a: WorkerAnswer) => {
          answers.set(a.index, a);
          while (answers.has(printed)) {
            const done = answers.get(printed)!;
            answers.delete(printed);
            for (const [stream, text] of done.output) out(text, stream);
            if (!done.ok) success = false;
            onDone(files[printed]!);
            printed++;
          }
          if (printed === files.length) resolve();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (printed < files.length) reject(new Error(`a compile worker exited with code ${code}`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return success;
}
