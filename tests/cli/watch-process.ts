// A `tspyc watch` child process for tests and benchmarks: its stdout as lines, waiting for one that
// matches, and stopping it with SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './run-cli.js';

export interface WatchLine {
  text: string;
  /** performance.now() when the line arrived */
  at: number;
}

export class WatchProcess {
  readonly child: ChildProcess;
  readonly lines: WatchLine[] = [];
  stderr = '';
  private buffer = '';
  private waiters: { re: RegExp; from: number; resolve: (l: WatchLine) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(args: string[], cwd?: string) {
    this.child = spawn(process.execPath, [BIN, 'watch', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => {
      const at = performance.now();
      this.buffer += d.toString('utf8');
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push({ text: this.buffer.slice(0, nl), at });
        this.buffer = this.buffer.slice(nl + 1);
      }
      this.check();
    });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => {
      const hit = this.lines.slice(w.from).find((l) => w.re.test(l.text));
      if (hit) w.resolve(hit);
      return !hit;
    });
  }

  /** The first line from index `from` on (default: the next one to arrive) matching `re`. */
  waitFor(re: RegExp, timeoutMs = 20_000, from = this.lines.length): Promise<WatchLine> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${re} in ${timeoutMs} ms; got:\n${this.lines.map((l) => l.text).join('\n')}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ re, from, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      this.check();
    });
  }

  /** SIGINT (Ctrl-C); the exit code. */
  async stop(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}
