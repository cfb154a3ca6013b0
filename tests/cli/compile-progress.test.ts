// The progress line of `tspyc compile` on a terminal: nothing for a short run or off a TTY; after a
// second, one line redrawn in place, erased before each line of compileall's output and at the end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../packages/cli/src/commands/compile-progress.js';

function fakeStream(isTTY: boolean, columns = 60): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, columns, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('compile progress line', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('draws nothing off a terminal', () => {
    const out = fakeStream(false);
    const p = new Progress(10, out);
    vi.setSystemTime(5000);
    for (let i = 0; i < 10; i++) p.tick(`f${i}.py`);
    p.write('Compiling...\n');
    p.clear();
    expect(out.text).toBe('Compiling...\n');
  });

  it('draws nothing in the first second', () => {
    const out = fakeStream(true);
    const p = new Progress(3, out);
    p.tick('a.py');
    vi.setSystemTime(999);
    p.tick('b.py');
    p.clear();
    expect(out.text).toBe('');
  });

  it('then redraws in place at most ten times a second, erases before output and at the end', () => {
    const out = fakeStream(true);
    const p = new Progress(4, out);
    vi.setSystemTime(1000);
    p.tick('a.py');
    expect(out.text).toBe('\r\x1b[2K[#####...............] 1/4 25% a.py');
    vi.setSystemTime(1050);
    p.tick('b.py'); // too soon: not drawn
    expect(out.text).not.toContain('b.py');
    p.write('*** Error compiling ...\n');
    expect(out.text.endsWith('a.py\r\x1b[2K*** Error compiling ...\n')).toBe(true);
    p.write('next\n'); // nothing shown, so nothing to erase
    expect(out.text.endsWith('...\nnext\n')).toBe(true);
    vi.setSystemTime(1200);
    p.tick('c.py');
    expect(out.text.endsWith('\r\x1b[2K[###############.....] 3/4 75% c.py')).toBe(true);
    p.clear();
    expect(out.text.endsWith('c.py\r\x1b[2K')).toBe(true);
  });

  it('keeps the line within the terminal width', () => {
    const out = fakeStream(true, 40);
    const p = new Progress(1, out);
    vi.setSystemTime(2000);
    p.tick('a/very/long/path/to/some/module/deep/inside.py');
    const line = out.text.replace('\r\x1b[2K', '');
    expect([...line].length).toBeLessThanOrEqual(39);
    expect(line.endsWith('…')).toBe(true);
  });
});
