// The threads `tspyc compile` compiles on (compileall's ProcessPoolExecutor for -j N, and one
// thread for -j1): each with a stack deep enough that a deeply nested source ends in the compiler's
// own RecursionError, as in CPython, and not in the main thread's stack limit. A job is one
// compile_file; its answer carries the file's lines and the pycs to write, which the main thread
// prints and writes (compile-replay.ts). Each thread has a few jobs queued, so it never waits for
// the main thread between two files.
import { Worker } from 'node:worker_threads';
import type { CompiledPyc } from '@tspyc/loader';
import type { CompileFileFlags } from './compile-file.js';

/** V8 stack of a compile thread (the main thread has about 1 MB) */
const STACK_MB = 256;
/**
 * V8 young generation of a compile thread. A compile allocates fast and keeps its trees alive for
 * a while: with V8's default a -j1 compile of the stdlib runs about 350 scavenges (about a tenth of
 * its time), each copying the live young trees again; with 128 MB (V8 caps it near there) about
 * 130, and their total time measured well under half. Peak RSS stays about 260-280 MB.
 */
const YOUNG_MB = 128;
/**
 * Jobs handed to a thread before its first answer comes back. With one, a thread waited for each
 * round trip through the main thread: about 3% of a -j1 run's compile thread. With 3, a -j0 run on
 * a loaded two-core machine still left each thread about 200 ms idle (the main thread runs late);
 * with 8, about 50 ms. More only lengthens the end of a -j N run, where a thread's queued files
 * cannot move to a thread that has finished (a few milliseconds each).
 */
const IN_FLIGHT = 8;
/**
 * Answers a thread sends in one message (fewer when it has no job left): half of IN_FLIGHT, so the
 * thread still holds jobs while its answers travel and new jobs come back.
 */
export const ANSWER_BATCH = IN_FLIGHT / 2;

export interface WorkerJob {
  id: number;
  path: string;
  flags: CompileFileFlags;
}

/** One step of compile_file as a compile thread ran it: a line, or a pyc to write (and the level before's pyc, for --hardlink-dupes). */
export type AnswerStep = ['stdout' | 'stderr', string] | ['write', CompiledPyc, string | null];

export interface WorkerAnswer {
  id: number;
  /** whether compile_file succeeded, if every write succeeds */
  ok: boolean;
  steps: AnswerStep[];
}

interface Pending {
  job: WorkerJob;
  resolve: (a: WorkerAnswer) => void;
  reject: (e: Error) => void;
}

export class CompilePool {
  private readonly workers: Worker[] = [];
  private readonly queue: Pending[] = [];
  /** each thread's jobs, oldest first (a thread answers in the order it was given them) */
  private readonly running = new Map<Worker, Pending[]>();
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const w = new Worker(new URL('./compile-worker.js', import.meta.url), { resourceLimits: { stackSizeMb: STACK_MB, maxYoungGenerationSizeMb: YOUNG_MB } });
      const mine: Pending[] = [];
      w.on('message', (answers: WorkerAnswer[]) => {
        const done = mine.splice(0, answers.length);
        this.dispatch(); // the thread's next jobs first, then these answers' writes
        answers.forEach((a, i) => {
          const p = done[i]!;
          if (p.job.id !== a.id) p.reject(new Error(`a compile thread answered job ${a.id} for job ${p.job.id}`));
          else p.resolve(a);
        });
      });
      // A lost thread fails its files and takes no more; with none left, the queued files fail too.
      const fail = (err: Error) => {
        for (const p of mine.splice(0)) p.reject(err);
        this.running.delete(w);
        if (this.running.size === 0) for (const p of this.queue.splice(0)) p.reject(err);
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`a compile thread exited with code ${code}`)));
      this.workers.push(w);
      this.running.set(w, mine);
    }
  }

  /** compile_file(path) on the next free thread. */
  run(path: string, flags: CompileFileFlags): Promise<WorkerAnswer> {
    if (this.running.size === 0) return Promise.reject(new Error('no compile thread is left'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, path, flags }, resolve, reject });
      this.dispatch();
    });
  }

  /** Queued jobs to the least busy threads, up to IN_FLIGHT each. */
  private dispatch(): void {
    while (this.queue.length) {
      let best: [Worker, Pending[]] | null = null;
      for (const entry of this.running) if (!best || entry[1].length < best[1].length) best = entry;
      if (!best || best[1].length >= IN_FLIGHT) return;
      const p = this.queue.shift()!;
      best[1].push(p);
      best[0].postMessage(p.job);
    }
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
