// py_compile.compile in two steps, as `tspyc compile` runs it (compileFileToPyc on a compile
// thread, writeCompiledPyc / writeCompiledPycAsync on the main thread, later): the pyc describes
// the source as it was read, not as it is when written, and both writes give compileFile's file.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetForVersion } from '@tspyc/bytecode';
import { compileFile, compileFileToPyc, PyOSError, validatePyc, writeCompiledPyc, writeCompiledPycAsync } from '@tspyc/loader';

const target = targetForVersion('3.11')!;
const facts = (path: string) => {
  const st = statSync(path, { bigint: true });
  return { mtimeNs: st.mtimeNs, size: Number(st.size), bytes: () => readFileSync(path) };
};

describe('compileFileToPyc, then a write', () => {
  it('a source edited between the compile and the write: the pyc describes the old source, so it reads as stale', async () => {
    for (const write of ['sync', 'async'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'tspyc-split-'));
      const src = join(dir, 'm.py');
      writeFileSync(src, 'x = 1\n');
      utimesSync(src, 1_700_000_000, 1_700_000_000);
      const pyc = compileFileToPyc(src);
      writeFileSync(src, 'x = 22\n'); // edited mid-compile: a new size and mtime
      utimesSync(src, 1_700_000_100, 1_700_000_100);
      if (write === 'sync') writeCompiledPyc(pyc);
      else await writeCompiledPycAsync(pyc);
      const written = readFileSync(pyc.cfile);
      expect(written.readUInt32LE(8), write).toBe(1_700_000_000);
      expect(written.readUInt32LE(12), write).toBe(6);
      expect(validatePyc(written, facts(src), target).fresh, write).toBe(false);
    }
  });

  it('both writes give compileFile\'s bytes and mode, and leave no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-split-'));
    const src = join(dir, 'm.py');
    writeFileSync(src, 'def f(a):\n    return a + 1\n', { mode: 0o640 });
    const cfile = compileFile(src);
    const expected = { bytes: readFileSync(cfile), mode: statSync(cfile).mode };
    for (const write of ['sync', 'async'] as const) {
      const pyc = compileFileToPyc(src, { cfile: join(dir, `out-${write}`, 'm.pyc') });
      if (write === 'sync') writeCompiledPyc(pyc);
      else await writeCompiledPycAsync(pyc);
      expect(readFileSync(pyc.cfile).equals(expected.bytes), write).toBe(true);
      expect(statSync(pyc.cfile).mode, write).toBe(expected.mode);
    }
    expect(readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a write that fails: the same PyOSError from both, nothing left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-split-'));
    const src = join(dir, 'm.py');
    writeFileSync(src, 'x = 1\n');
    mkdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c', '__pycache__'), ''); // a file where the directory should be
    const pyc = compileFileToPyc(src, { cfile: join(dir, 'c', '__pycache__', 'm.pyc') });
    const errorOf = async (f: () => unknown) => {
      try {
        await f();
      } catch (err) {
        if (err instanceof PyOSError) return `${err.pythonType}: ${err.text.replace(/\.pyc\.[0-9a-z.]+'/, ".pyc.<tmp>'")}`;
        throw err;
      }
      return 'no error';
    };
    const sync = await errorOf(() => writeCompiledPyc(pyc));
    expect(sync).toMatch(/^NotADirectoryError: \[Errno 20\] Not a directory: /);
    expect(await errorOf(() => writeCompiledPycAsync(pyc))).toBe(sync);
    expect(readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
