// The threads `tspyc compile` compiles on (compileall's ProcessPoolExecutor for -j N, and one
// thread for -j1): each with a stack deep enough that a deeply nested source ends in the compiler's
// own RecursionError, as in CPython, and not in the main thread's stack limit. A job is one
// compile_file; its answer carries the file's output, printed by the main thread.
import { Worker } from 'node:worker_threads';
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

export interface WorkerJob {
  id: number;
  path: string;
  flags: CompileFileFlags;
}

export interface WorkerAnswer {
  id: number;
  ok: boolean;
  output: ['stdout' | 'stderr', string][];
}

interface Pending {
  job: WorkerJob;
  resolve: (a: WorkerAnswer) => void;
  reject: (e: Error) => void;
}

export class CompilePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const w = new Worker(new URL('./compile-worker.js', import.meta.url), { resourceLimits: { stackSizeMb: STACK_MB, maxYoungGenerationSizeMb: YOUNG_MB } });
      w.on('message', (a: WorkerAnswer) => {
        const p = this.running.get(w)!;
        this.running.delete(w);
        this.idle.push(w);
        p.resolve(a);
        this.dispatch();
      });
      const fail = (err: Error) => {
        const p = this.running.get(w);
        this.running.delete(w);
        p?.reject(err);
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`a compile thread exited with code ${code}`)));
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** compile_file(path) on the next free thread. */
  run(path: string, flags: CompileFileFlags): Promise<WorkerAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, path, flags }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.running.set(w, p);
      w.postMessage(p.job);
    }
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
