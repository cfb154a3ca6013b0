// A compile thread of `tspyc compile` (see compile-pool.ts): runs compile_file for each job and
// answers with the file's lines and the pycs it made, unwritten: the main thread writes them
// (compile-replay.ts), so this thread goes straight on to its next file. Answers go back a few at
// a time: each message wakes the main thread, and on a busy machine that wake-up could take the
// core from this thread for milliseconds.
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { compileOneFile } from './compile-file.js';
import { ANSWER_BATCH, type AnswerStep, type WorkerAnswer, type WorkerJob } from './compile-pool.js';

let answers: WorkerAnswer[] = [];
let transfer: ArrayBuffer[] = [];

function flush(): void {
  if (answers.length === 0) return;
  parentPort!.postMessage(answers, transfer);
  answers = [];
  transfer = [];
}

parentPort!.on('message', (first: WorkerJob) => {
  // the jobs already queued are taken here, without a turn of the event loop each
  for (let job: WorkerJob | undefined = first; job !== undefined; job = receiveMessageOnPort(parentPort!)?.message as WorkerJob | undefined) {
    answers.push(compileJob(job));
    if (answers.length >= ANSWER_BATCH) flush();
  }
  flush();
});

function compileJob(job: WorkerJob): WorkerAnswer {
  const steps: AnswerStep[] = [];
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
  return { id: job.id, ok, steps };
}
