import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem, tempPathFor } from './fs-node.js';

const fs = new NodeFileSystem();
const fresh = () => mkdtempSync(join(tmpdir(), 'tspyc-fsnode-'));

describe('NodeFileSystem writes', () => {
  it('temp names are <name>.<pid>.<random>.tmp beside the target', () => {
    expect(tempPathFor('/a/__pycache__/m.cpython-311.pyc', 123, 'ab12')).toBe('/a/__pycache__/m.cpython-311.pyc.123.ab12.tmp');
  });

  it('writes, replaces, and leaves no temp file', () => {
    const dir = fresh();
    const p = join(dir, 'f.pyc');
    expect(fs.writeFileAtomic(p, new Uint8Array([1, 2, 3]))).toEqual({ written: true, path: p });
    expect(fs.writeFileAtomic(p, new Uint8Array([4]), { fsync: true })).toEqual({ written: true, path: p });
    expect([...readFileSync(p)]).toEqual([4]);
    expect(readdirSync(dir)).toEqual(['f.pyc']);
  });

  it('applies the mode (masked with 0o666) and the umask', () => {
    const dir = fresh();
    const umask = process.umask();
    fs.writeFileAtomic(join(dir, 'a'), new Uint8Array(1), { mode: 0o755 | 0o200 });
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o644 & ~umask);
    fs.writeFileAtomic(join(dir, 'b'), new Uint8Array(1), { mode: 0o600 });
    expect(statSync(join(dir, 'b')).mode & 0o777).toBe(0o600 & ~umask);
  });

  it('a failed write is a result, not an exception, and removes its temp file', () => {
    const dir = fresh();
    expect(fs.writeFileAtomic(join(dir, 'missing', 'f'), new Uint8Array(1))).toMatchObject({ written: false, reason: 'write-failed', errno: 'ENOENT' });
    mkdirSync(join(dir, 'taken', 'x'), { recursive: true }); // rename over a non-empty directory fails
    const r = fs.writeFileAtomic(join(dir, 'taken'), new Uint8Array(1));
    expect(r.written).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['taken']);
  });

  it('mkdir: created, exists (also for a file), or the errno', () => {
    const dir = fresh();
    expect(fs.mkdir(join(dir, 'd'))).toEqual({ created: true });
    expect(fs.mkdir(join(dir, 'd'))).toEqual({ created: false, exists: true });
    writeFileSync(join(dir, 'file'), '');
    expect(fs.mkdir(join(dir, 'file'))).toEqual({ created: false, exists: true });
    expect(fs.mkdir(join(dir, 'no', 'such'))).toMatchObject({ created: false, exists: false, errno: 'ENOENT' });
  });
});
