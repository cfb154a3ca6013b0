import { describe, expect, it } from 'vitest';
import { cacheBytecode, calcMode, setData } from './cache-write.js';
import { MemoryFileSystem } from './fs-memory.js';

describe('setData / cacheBytecode (importlib set_data, _calc_mode)', () => {
  it('creates every missing directory, one level at a time', () => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/r');
    expect(setData(fs, '/r/a/b/__pycache__/m.pyc', new Uint8Array([1]))).toEqual({ written: true, path: '/r/a/b/__pycache__/m.pyc' });
    expect(fs.stat('/r/a/b/__pycache__')?.isDirectory).toBe(true);
    expect(fs.stat('/r/a')?.mode).toBe(0o755); // 0o777 minus the umask 0o022
  });

  it('gives up quietly when a directory cannot be made', () => {
    const fs = new MemoryFileSystem();
    fs.writeFile('/r/m.py', 'x = 1\n');
    fs.injectFailures((op) => (op === 'mkdir' ? 'EACCES' : null));
    expect(setData(fs, '/r/__pycache__/m.pyc', new Uint8Array([1]))).toMatchObject({ written: false, reason: 'mkdir-failed', errno: 'EACCES' });
    expect(fs.listFiles()).toEqual(['/r/m.py']);
  });

  it('a file where __pycache__ should be: mkdir says it exists, the write fails', () => {
    const fs = new MemoryFileSystem();
    fs.writeFile('/r/__pycache__', 'blocker');
    expect(setData(fs, '/r/__pycache__/m.pyc', new Uint8Array([1]))).toMatchObject({ written: false, reason: 'write-failed', errno: 'ENOTDIR' });
  });

  it('the pyc mode is the source mode plus owner-write, within 0o666, minus the umask', () => {
    const fs = new MemoryFileSystem();
    fs.umask = 0;
    for (const [src, pyc] of [[0o444, 0o644], [0o400, 0o600], [0o640, 0o640], [0o755, 0o644], [0o700, 0o600], [0o666, 0o666]] as const) {
      fs.writeFile('/r/m.py', 'x\n', 0n, src);
      expect(calcMode(fs, '/r/m.py') & 0o666).toBe(pyc);
      cacheBytecode(fs, '/r/m.py', '/r/__pycache__/m.pyc', new Uint8Array([1]));
      expect(fs.stat('/r/__pycache__/m.pyc')?.mode).toBe(pyc);
    }
    expect(calcMode(fs, '/nowhere.py')).toBe(0o666);
  });
});
