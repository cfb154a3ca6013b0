// The progress line of a long `tspyc compile` on a terminal: shown only when stdout is a TTY and
// the run has lasted a second, redrawn at most ten times a second, erased before every line of
// compileall's own output (which is printed unchanged) and at the end.
const DELAY_MS = 1000;
const REDRAW_MS = 100;

export class Progress {
  private done = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly start = Date.now();

  constructor(
    private total: number,
    private readonly stream: NodeJS.WriteStream = process.stdout,
    private readonly enabled: boolean = stream.isTTY === true,
  ) {}

  /** More files became known (another directory argument). */
  addTotal(n: number): void {
    this.total += n;
  }

  /** Print text of compileall's output without tearing the progress line. */
  write(text: string): void {
    this.clear();
    this.stream.write(text);
  }

  tick(path: string): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.start < DELAY_MS || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const pct = this.total ? Math.floor((100 * this.done) / this.total) : 100;
    const width = 20;
    const filled = Math.round((width * pct) / 100);
    let line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} ${pct}% ${path}`;
    const cols = this.stream.columns || 80;
    if (line.length > cols - 1) line = line.slice(0, cols - 2) + '…';
    this.stream.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
