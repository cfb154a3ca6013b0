import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetForVersion } from '@tspyc/bytecode';
import { DirectoryCache, findSpec } from './finder.js';
import { MemoryFileSystem } from './fs-memory.js';
import { NodeFileSystem } from './fs-node.js';

const target = targetForVersion('3.11')!;

describe('DirectoryCache', () => {
  it('memory: a module added later is found (the directory changed)', () => {
    const fs = new MemoryFileSystem();
    fs.writeFile('/p/a.py', '');
    const directoryCache = new DirectoryCache();
    expect(findSpec(fs, 'b', ['/p'], { target, directoryCache })).toBeNull();
    fs.writeFile('/p/b.py', '');
    expect(findSpec(fs, 'b', ['/p'], { target, directoryCache })?.origin).toBe('/p/b.py');
  });

  it('node: lists once while the directory is unchanged, again after a change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-dircache-'));
    writeFileSync(join(dir, 'a.py'), '');
    // A directory mtime well in the past, so the next create surely changes it (file-system clocks are coarse).
    utimesSync(dir, 1_600_000_000, 1_600_000_000);
    const node = new NodeFileSystem();
    let listings = 0;
    const fs = Object.assign(Object.create(node) as NodeFileSystem, { listDir: (p: string) => (listings++, node.listDir(p)) });
    const directoryCache = new DirectoryCache();
    for (let i = 0; i < 5; i++) expect(findSpec(fs, 'a', [dir], { target, directoryCache })?.origin).toBe(join(dir, 'a.py'));
    expect(listings).toBe(1);
    writeFileSync(join(dir, 'b.py'), '');
    expect(findSpec(fs, 'b', [dir], { target, directoryCache })?.origin).toBe(join(dir, 'b.py'));
    expect(listings).toBe(2);
  });

  it('a path entry is checked to be a directory once (its FileFinder is kept), one that is not is asked again', () => {
    const fs = new MemoryFileSystem();
    fs.writeFile('/p/a.py', '');
    const stats: string[] = [];
    const stat = fs.stat.bind(fs);
    fs.stat = (p: string) => (stats.push(p), stat(p));
    const directoryCache = new DirectoryCache();
    expect(findSpec(fs, 'a', ['/missing', '/p'], { target, directoryCache })?.origin).toBe('/p/a.py');
    expect(stats.slice(0, 2)).toEqual(['/missing', '/p']);
    for (let i = 0; i < 2; i++) {
      stats.length = 0;
      expect(findSpec(fs, 'a', ['/missing', '/p'], { target, directoryCache })?.origin).toBe('/p/a.py');
      // /missing (not a directory: asked each time), /p's mtime (FileFinder's own check), /p/a.py
      expect(stats).toEqual(['/missing', '/p', '/p/a.py']);
    }
    fs.writeFile('/missing/a.py', '');
    expect(findSpec(fs, 'a', ['/missing', '/p'], { target, directoryCache })?.origin).toBe('/missing/a.py');
  });

  it("_path_join's rules: empty parts dropped, trailing separators stripped, a '/' entry joins as the root", () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-join-'));
    writeFileSync(join(dir, 'a.py'), '');
    const fs = new NodeFileSystem();
    expect(findSpec(fs, 'a', [`${dir}//`], { target })?.origin).toBe(join(dir, 'a.py'));
    const top = dir.split('/')[1]!; // the temp directory's first component: a directory at the root, no __init__
    expect(findSpec(fs, top, ['/'], { target })).toEqual(expect.objectContaining({ loaderKind: 'namespace', submoduleSearchLocations: [`/${top}`] }));
  });
});
