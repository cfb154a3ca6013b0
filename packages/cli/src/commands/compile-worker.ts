// A compile thread of `tspyc compile` (see compile-pool.ts): runs compile_file for each job and
// answers with the file's lines and the pycs it made, unwritten: the main thread writes them
// (compile-replay.ts), so this thread goes straight on to its next file.
import { parentPort } from 'node:worker_threads';
import { compileOneFile } from './compile-file.js';
import type { AnswerStep, WorkerAnswer, WorkerJob } from './compile-pool.js';

parentPort!.on('message', (job: WorkerJob) => {
  const steps: AnswerStep[] = [];
  const transfer: ArrayBuffer[] = [];
  let ok: boolean;
  try {
    ok = compileOneFile(
      job.path,
      job.flags,
      (text, stream) => steps.push([stream, text]),
      (pyc, previous) => {
        // hand the bytes over without a copy when they own their buffer (a pyc is a fresh array)
        const whole = pyc.data.byteOffset === 0 && pyc.data.byteLength === pyc.data.buffer.byteLength && pyc.data.buffer instanceof ArrayBuffer;
        const data = whole ? pyc.data : pyc.data.slice();
        transfer.push(data.buffer as ArrayBuffer);
        steps.push(['write', { ...pyc, data }, previous]);
      },
    );
  } catch (err) {
    steps.push(['stderr', `tspyc: cannot compile '${job.path}': ${(err as Error).message}\n`]);
    ok = false;
  }
  const answer: WorkerAnswer = { id: job.id, ok, steps };
  parentPort!.postMessage(answer, transfer);
});
