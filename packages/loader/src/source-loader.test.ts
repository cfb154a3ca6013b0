import { describe, expect, it } from 'vitest';
import { targetForVersion } from '@tspyc/bytecode';
import { MemoryFileSystem } from './fs-memory.js';
import { moduleCode } from './module-code.test-support.js';
import { loadCode } from './source-loader.js';

const target = targetForVersion('3.11')!;
const code = moduleCode;
const S = 1_700_000_000_000_000_000n;

describe('loadCode (memory file system)', () => {
  it('does not cache code whose source changed while it was compiled', () => {
    const fs = new MemoryFileSystem();
    fs.writeFile('/p/m.py', 'x = 1\n', S + 100n);
    const edited = loadCode(fs, '/p/m.py', {
      target,
      compile: (_, path) => {
        fs.writeFile('/p/m.py', 'x = 2\n', S + 200n); // an editor saves during the compile: same second, same size
        return code(path);
      },
    });
    expect(edited).toMatchObject({ from: 'source', write: { written: false, reason: 'source-changed' } });
    expect(fs.stat('/p/__pycache__/m.cpython-311.pyc')).toBeNull();
    let compiled = 0;
    const next = loadCode(fs, '/p/m.py', { target, compile: (_, path) => (compiled++, code(path)) });
    expect(next).toMatchObject({ from: 'source', miss: 'missing', write: { written: true } });
    expect(loadCode(fs, '/p/m.py', { target, compile: (_, path) => (compiled++, code(path)) }).from).toBe('cache');
    expect(compiled).toBe(1);
  });

  it('a missing source is an OSError-like LoaderError', () => {
    expect(() => loadCode(new MemoryFileSystem(), '/p/none.py', { target, compile: (_, p) => code(p) })).toThrow(expect.objectContaining({ code: 'source-unreadable', pythonType: 'OSError' }));
  });
});
