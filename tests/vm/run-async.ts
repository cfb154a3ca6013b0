// `tspyc run ...` as a child process, asynchronously, a few at a time: how the VM's program
// corpora (fixtures/vm, fixtures/vm-lib) run against the built binary.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { BIN } from '../cli/run-cli.js';

export interface Outcome {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** `tspyc run ARGS...` in `cwd`; killed after `timeoutMs`. */
export function tspycRun(args: string[], cwd?: string, timeoutMs = 120_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'run', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status });
    });
  });
}

/** Run `jobs` a few at a time (2 to 8, as the machine allows); results in order. */
export async function pool<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const limit = Math.max(2, Math.min(8, availableParallelism()));
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}
