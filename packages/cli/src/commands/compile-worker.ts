// A compile thread of `tspyc compile` (see compile-pool.ts): runs compile_file for each job and
// answers with the file's output and whether it compiled.
import { parentPort } from 'node:worker_threads';
import { compileOneFile } from './compile-file.js';
import type { WorkerAnswer, WorkerJob } from './compile-pool.js';

parentPort!.on('message', (job: WorkerJob) => {
  const output: WorkerAnswer['output'] = [];
  let ok: boolean;
  try {
    ok = compileOneFile(job.path, job.flags, (text, stream) => output.push([stream, text]));
  } catch (err) {
    output.push(['stderr', `tspyc: cannot compile '${job.path}': ${(err as Error).message}\n`]);
    ok = false;
  }
  const answer: WorkerAnswer = { id: job.id, ok, output };
  parentPort!.postMessage(answer);
});
