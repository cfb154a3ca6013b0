// A worker thread of `tspyc compile -j N`: runs compile_file for each path the pool sends and
// answers with the file's output and whether it compiled.
import { parentPort, workerData } from 'node:worker_threads';
import { compileOneFile, type CompileFileFlags } from './compile-file.js';
import type { WorkerAnswer, WorkerJob } from './compile-pool.js';

const flags = workerData as CompileFileFlags;
parentPort!.on('message', (job: WorkerJob) => {
  const output: WorkerAnswer['output'] = [];
  let ok: boolean;
  try {
    ok = compileOneFile(job.path, flags, (text, stream) => output.push([stream, text]));
  } catch (err) {
    output.push(['stderr', `tspyc: cannot compile '${job.path}': ${(err as Error).message}\n`]);
    ok = false;
  }
  const answer: WorkerAnswer = { index: job.index, ok, output };
  parentPort!.postMessage(answer);
});
