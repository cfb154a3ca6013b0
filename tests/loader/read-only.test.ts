// Acceptance (issue 6, robustness): a tree whose caches cannot be written is used without writing
// and without error. On a real file system with chmod a-w when that stops writes (not as root:
// root ignores permission bits, so there the test says so and the memory file system's failure
// injection stands in for a read-only tree); on every system, a __pycache__ blocked by a file and
// a cache path that is a directory (the rename fails after the temp file was written).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CodeObject, readPyc, targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { cachePathFor, loadCode, MemoryFileSystem, NodeFileSystem, type CompileFn } from '@tspyc/loader';
import { oracle } from '../../tools/oracles.js';
import { makeTree, referenceCodes, ROOT, snapshotTree } from './oracle-helpers.js';

const target = targetForVersion('3.11')!;
const TREE = { 'ro_a.py': 'x = 1\n', 'ro_pkg/__init__.py': 'y = 2\n', 'ro_pkg/m.py': 'z = 3\n' };

/** Whether chmod a-w on a directory stops this process from creating files in it. */
function chmodStopsWrites(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'tspyc-chmod-probe-'));
  chmodSync(dir, 0o555);
  let stops = false;
  try {
    writeFileSync(join(dir, 'probe'), '');
  } catch {
    stops = true;
  }
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
  return stops;
}
const CHMOD_WORKS = chmodStopsWrites();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    try {
      chmodSync(d, 0o755);
    } catch {
      /* gone */
    }
  }
});

describe.skipIf(!oracle('3.11'))('a tree whose caches cannot be written', () => {
  const tree = (label: string) => {
    const root = mkdtempSync(join(tmpdir(), `tspyc-ro-${label}-`));
    makeTree(root, TREE);
    const compile = referenceCodes(`${root}-ref`, Object.entries(TREE).map(([rel, text]) => ({ path: join(root, rel), text })));
    return { root, compile };
  };

  it.skipIf(!CHMOD_WORKS)('chmod a-w: loads every module, writes nothing, raises nothing', () => {
    const { root, compile } = tree('chmod');
    const before = snapshotTree(root);
    for (const d of [root, join(root, 'ro_pkg')]) {
      chmodSync(d, 0o555);
      dirs.push(d);
    }
    for (const rel of Object.keys(TREE)) {
      const got = loadCode(new NodeFileSystem(), join(root, rel), { target, compile });
      expect(got).toMatchObject({ from: 'source', write: { written: false, reason: 'mkdir-failed', errno: 'EACCES' } });
    }
    expect(snapshotTree(root)).toEqual(before);
  });

  // As root, chmod does not stop writes: drop to an unprivileged user in a child process instead.
  it.skipIf(CHMOD_WORKS || process.getuid?.() !== 0)('chmod a-w, run as an unprivileged user (the tests run as root)', () => {
    const { root, compile } = tree('nobody');
    const refDir = `${root}-refs`;
    mkdirSync(refDir, { recursive: true });
    const sources = Object.keys(TREE).map((rel) => join(root, rel));
    const refs: Record<string, string> = {};
    sources.forEach((s, i) => {
      refs[s] = join(refDir, `r${i}.pyc`);
      writeFileSync(refs[s]!, writePyc({ target, header: timestampHeader(0, 0), code: compile(readFileSync(s), s) }));
    });
    for (const d of [root, join(root, 'ro_pkg')]) chmodSync(d, 0o555);
    chmodSync(refDir, 0o755);
    const before = snapshotTree(root);
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'tests/loader/fixtures/as-nobody.ts'), JSON.stringify({ uid: 65534, gid: 65534, sources, refs })], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { uid: number; results: { source: string; from: string; write: { written: boolean; reason: string; errno: string }; filename: string }[] };
    expect(out.uid).toBe(65534);
    for (const res of out.results) {
      expect(res).toMatchObject({ from: 'source', write: { written: false, reason: 'mkdir-failed', errno: 'EACCES' }, filename: res.source });
    }
    expect(snapshotTree(root)).toEqual(before);
    console.log(`read-only tree: running as root, so chmod a-w was tested as uid 65534 in a child: ${out.results.length} modules loaded, nothing written, no error`);
  });

  const memoryTree = (compile: CompileFn, root: string) => {
    const mem = new MemoryFileSystem();
    for (const [rel, text] of Object.entries(TREE)) mem.writeFile(join(root, rel), text, 1_700_000_000_000_000_000n, 0o644);
    return mem;
  };

  it('memory file system, read-only (EROFS everywhere): loads, writes nothing, raises nothing', () => {
    const { root, compile } = tree('mem');
    const mem = memoryTree(compile, root);
    const before = mem.listFiles();
    mem.injectFailures(() => 'EROFS');
    for (const rel of Object.keys(TREE)) {
      const got = loadCode(mem, join(root, rel), { target, compile });
      expect(got).toMatchObject({ from: 'source', miss: 'missing', write: { written: false, reason: 'mkdir-failed', errno: 'EROFS' } });
      expect(got.code).toBeInstanceOf(CodeObject);
    }
    expect(mem.listFiles()).toEqual(before);
    expect(mem.tempFiles).toEqual([]);
  });

  it('memory file system: __pycache__ exists but refuses new files; a stale cache stays as it was and is not used', () => {
    const { root, compile } = tree('mem2');
    const mem = memoryTree(compile, root);
    const source = join(root, 'ro_a.py');
    const cache = cachePathFor(source, { target })!;
    const stale = new Uint8Array([...target.magicBytes, 0, 0, 0, 0, 1, 2, 3, 4, 6, 0, 0, 0, 0x4e]);
    mem.mkdir(join(root, '__pycache__'));
    mem.writeFile(cache, stale);
    mem.injectFailures((op) => (op === 'create' ? 'EACCES' : null));
    const got = loadCode(mem, source, { target, compile });
    expect(got).toMatchObject({ from: 'source', miss: 'mtime', write: { written: false, reason: 'write-failed', errno: 'EACCES' } });
    expect(mem.readFile(cache)).toEqual(stale);
  });

  it('memory file system: the rename fails after the temp file was written — temp removed, old cache intact', () => {
    const { root, compile } = tree('mem3');
    const mem = memoryTree(compile, root);
    const source = join(root, 'ro_pkg/m.py');
    const cache = cachePathFor(source, { target })!;
    mem.mkdir(join(root, 'ro_pkg/__pycache__'));
    mem.writeFile(cache, 'old');
    mem.injectFailures((op) => (op === 'rename' ? 'EIO' : null));
    const got = loadCode(mem, source, { target, compile });
    expect(got.write).toMatchObject({ written: false, reason: 'write-failed', errno: 'EIO' });
    expect(mem.tempFiles.length).toBe(1);
    expect(mem.stat(mem.tempFiles[0]!)).toBeNull();
    expect(new TextDecoder().decode(mem.readFile(cache))).toBe('old');
    expect(mem.listFiles().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('real file system: __pycache__ blocked by a file — not written, no error; cache path is a directory — temp file removed', () => {
    const { root, compile } = tree('blocked');
    writeFileSync(join(root, '__pycache__'), 'blocker');
    const fs = new NodeFileSystem();
    const a = loadCode(fs, join(root, 'ro_a.py'), { target, compile });
    expect(a).toMatchObject({ from: 'source', write: { written: false, reason: 'write-failed', errno: 'ENOTDIR' } });
    expect(readFileSync(join(root, '__pycache__'), 'utf8')).toBe('blocker');

    const m = join(root, 'ro_pkg/m.py');
    const cache = cachePathFor(m, { target })!;
    mkdirSync(join(cache, 'inside'), { recursive: true }); // rename(tmp, cache) fails: EISDIR
    const got = loadCode(fs, m, { target, compile });
    expect(got.write).toMatchObject({ written: false, reason: 'write-failed' });
    expect(['EISDIR', 'ENOTEMPTY', 'EEXIST']).toContain((got.write as { errno: string }).errno);
    expect(readdirSync(join(root, 'ro_pkg/__pycache__'))).toEqual([cache.split('/').pop()]);
    expect(statSync(cache).isDirectory()).toBe(true);
    // And with nothing in the way, the same call writes a valid cache.
    rmSync(cache, { recursive: true });
    expect(loadCode(fs, m, { target, compile }).write).toMatchObject({ written: true });
    expect(readPyc(readFileSync(cache)).code.coFilename).toBe(m);
    expect(existsSync(cache)).toBe(true);
  });

  it('dont_write_bytecode: reads fresh caches, never writes', () => {
    const { root, compile } = tree('dontwrite');
    const fs = new NodeFileSystem();
    const before = snapshotTree(root);
    for (const rel of Object.keys(TREE)) {
      expect(loadCode(fs, join(root, rel), { target, compile, dontWriteBytecode: true }).write).toMatchObject({ written: false, reason: 'dont-write-bytecode' });
    }
    expect(snapshotTree(root)).toEqual(before);
    for (const rel of Object.keys(TREE)) loadCode(fs, join(root, rel), { target, compile });
    for (const rel of Object.keys(TREE)) {
      expect(loadCode(fs, join(root, rel), { target, compile: () => { throw new Error('compiled'); }, dontWriteBytecode: true })).toMatchObject({ from: 'cache', write: null });
    }
  });
});
