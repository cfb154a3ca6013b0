// `tspyc verify`: on trees compiled by `tspyc compile` and by `python3.11 -m compileall` (every
// level, every invalidation mode, legacy -b names, -d's co_filename) every cache is identical; on
// caches made from a real CPython pyc by changing one thing (header magic or flags; mtime, size or
// hash — stale, so not verified; code bytes, constants, names, line table, exception table, only the
// marshal reference flags) each is reported with that difference; bad input is one line, exit 1 or 2.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Kind, PyBytes, PyStr, PyTuple, readPyc, writePyc, type Pyc, type PyValue } from '@tspyc/bytecode';
import { oracle, runPython } from '../../tools/oracles.js';
import { CODEGEN, codegenExactness, compileall, FIXTURE, MTIME, tspycCompile } from './compile-twins.js';
import { BUILT, tspyc } from './run-cli.js';

type Code = Extract<PyValue, { kind: Kind.Code }>;

interface VerdictJson {
  source: string;
  cache: string;
  status: 'identical' | 'different' | 'stale' | 'error';
  reason?: string;
  message?: string;
  settings?: { optimize: number; mode: string; filename: string };
  diff?: { header: { field: string; a: string; b: string }[]; code: { qualname: string; field: string; detail: string } | null };
}

interface VerifyJson {
  sources: number;
  uncached: number;
  counts: Record<'identical' | 'different' | 'stale' | 'error', number>;
  caches: VerdictJson[];
}

function verifyJson(args: string[], cwd?: string): { status: number | null; json: VerifyJson } {
  const r = tspyc(['verify', '--json', ...args], undefined, { cwd });
  expect(r.stderr).toBe('');
  return { status: r.status, json: JSON.parse(r.stdout) as VerifyJson };
}

/** a fresh copy of the compile fixture tree, every mtime fixed */
function tree(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'tspyc-verify-')), 'tree');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const EXACT = CODEGEN && oracle('3.11') ? codegenExactness() : { exact: false, report: 'no code generation or no python3.11' };

describe.skipIf(!BUILT || !oracle('3.11') || !CODEGEN)('tspyc verify on compiled trees', () => {
  it('a tree tspyc compiled: every level, mode and the legacy names are identical', () => {
    const runs: string[][] = [
      ['-q', '-o', '0', '-o', '1', '-o', '2', '.'],
      ['-q', '-f', '--invalidation-mode', 'checked-hash', '-o', '1', '.'],
      ['-q', '-f', '--invalidation-mode', 'unchecked-hash', '-o', '2', '.'],
      ['-q', '-b', '-o', '2', '.'], // legacy x.pyc: no level in the name; -O2 is found
    ];
    const dir = tree();
    for (const args of runs) tspycCompile(dir, args);
    const { status, json } = verifyJson(['.'], dir);
    // 12 valid sources: three __pycache__ levels and a legacy pyc each; the 3 invalid ones have none
    expect(json.counts).toEqual({ identical: 48, different: 0, stale: 0, error: 0 });
    expect(json.uncached).toBe(3);
    expect(status).toBe(0);
    const modes = new Set(json.caches.map((c) => `${c.cache.replace(/.*\//, '').replace(/^[^.]*\./, '')} ${c.settings!.mode} -O${c.settings!.optimize}`));
    // a legacy pyc is matched at the first level that reproduces it: -O2 where a docstring or an
    // assert tells the levels apart, a lower one where the code is the same at every level
    expect(modes).toEqual(new Set(['cpython-311.pyc timestamp -O0', 'cpython-311.opt-1.pyc checked-hash -O1', 'cpython-311.opt-2.pyc unchecked-hash -O2', 'pyc timestamp -O0', 'pyc timestamp -O1', 'pyc timestamp -O2']));
    const legacy = (name: string) => json.caches.find((c) => c.cache === `${name}.pyc`)!.settings!.optimize;
    expect([legacy('top'), legacy('same')]).toEqual([2, 0]);
  });

  it.skipIf(!EXACT.exact)('a tree python3.11 -m compileall compiled: every cache identical', () => {
    const dir = tree();
    for (const args of [
      ['-q', '-o', '0', '-o', '1', '-o', '2', '.'],
      ['-q', '-f', '--invalidation-mode', 'checked-hash', '-o', '1', '.'],
      ['-q', '-f', '--invalidation-mode', 'unchecked-hash', '-d', '/srv/app', '-o', '2', '.'],
      ['-q', '-b', '.'],
    ]) {
      compileall(dir, args);
    }
    const { status, json } = verifyJson(['.'], dir);
    expect(json.caches.filter((c) => c.status !== 'identical')).toEqual([]);
    expect(json.counts.identical).toBe(48);
    expect(status).toBe(0);
    // -d's name was compiled in, and verification compiled with it
    expect(json.caches.filter((c) => c.settings!.filename.startsWith('/srv/app/'))).toHaveLength(12);
  });

  it('text output: one line per cache, -q only the others, then the summary', () => {
    const dir = tree();
    tspycCompile(dir, ['-q', '.']);
    const r = tspyc(['verify', '.'], undefined, { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^identical: \.?\/?(\S+\/)?__pycache__\/\S+\.cpython-311\.pyc$/);
    expect(lines.at(-1)).toBe('12 caches of 15 sources: 12 identical, 0 different, 0 stale, 0 errors (3 sources without a cache)');
    expect(r.status).toBe(0);
    const q = tspyc(['verify', '-q', '.'], undefined, { cwd: dir });
    expect(q.stdout.trimEnd().split('\n')).toEqual([lines.at(-1)]);
    // a pyc whose source is gone cannot be recompiled: listed, counted, not failed
    writeFileSync(join(dir, 'pkg', '__pycache__', 'gone.cpython-311.pyc'), readFileSync(join(dir, 'pkg', '__pycache__', 'mod.cpython-311.pyc')));
    const o = tspyc(['verify', '.'], undefined, { cwd: dir });
    expect(o.stdout).toContain('orphan: pkg/__pycache__/gone.cpython-311.pyc: its source is gone, so it was not verified\n');
    expect(o.stdout.trimEnd().split('\n').at(-1)).toBe('12 caches of 15 sources: 12 identical, 0 different, 0 stale, 0 errors (3 sources without a cache; 1 cache without a source, not verified)');
    expect(o.status).toBe(0);
  });
});

/** The source the edited pairs start from: a try/except, arithmetic, a string constant, a method. */
const BASE = 'import os\n\ndef f(a, b):\n    x = a + b\n    try:\n        return g(x)\n    except ValueError:\n        return None\n\nclass C:\n    def m(self):\n        return "text" * 2\n';

describe.skipIf(!BUILT || !oracle('3.11') || !CODEGEN)('tspyc verify on caches that differ in one way', () => {
  const root = mkdtempSync(join(tmpdir(), 'tspyc-verify-pairs-'));
  const empty = join(root, '.cwd');
  mkdirSync(empty);

  /** a fresh python`version` -m py_compile of `source` at `dir/m.py` (or a -c program given the path); its pyc's bytes */
  function pyCompile(dir: string, source: string, version = '3.11', program: string[] = ['-m', 'py_compile']): Uint8Array {
    mkdirSync(dir, { recursive: true });
    const src = join(dir, 'm.py');
    writeFileSync(src, source);
    utimesSync(src, MTIME, MTIME);
    const tag = version.replace('.', '');
    const r = runPython(version, [...program, src], { cwd: empty });
    if (r.status !== 0) throw new Error(r.stderr);
    return readFileSync(join(dir, '__pycache__', `m.cpython-${tag}.pyc`));
  }

  let base: Uint8Array;
  /** columns differ from BASE's in f only: the grafted line table's source */
  let wider: Pyc;
  const fOf = (p: Pyc) => p.code.consts.items.find((c) => c.kind === Kind.Code && c.coName === 'f') as Code;
  const mOf = (p: Pyc) => {
    const c = p.code.consts.items.find((x) => x.kind === Kind.Code && x.coName === 'C') as Code;
    return c.consts.items.find((x) => x.kind === Kind.Code && x.coName === 'm') as Code;
  };

  /** case `name`: BASE as dir/m.py, and as its cache `bytes`, or the reference pyc with `edit` applied */
  function place(name: string, edit: ((p: Pyc) => void) | Uint8Array, source = BASE): void {
    const dir = join(root, 'cases', name);
    mkdirSync(join(dir, '__pycache__'), { recursive: true });
    writeFileSync(join(dir, 'm.py'), source);
    utimesSync(join(dir, 'm.py'), MTIME, MTIME);
    let bytes: Uint8Array;
    if (edit instanceof Uint8Array) bytes = edit;
    else {
      const p = readPyc(base);
      edit(p);
      bytes = writePyc(p);
    }
    writeFileSync(join(dir, '__pycache__', 'm.cpython-311.pyc'), bytes);
  }

  const setFlags = (flags: number) => {
    const b = Uint8Array.from(base);
    new DataView(b.buffer).setUint32(4, flags, true);
    return b;
  };
  let status: number | null = null;
  let json = { caches: [] } as unknown as VerifyJson;
  // built once the describe runs (not at collection, where a missing oracle would throw)
  beforeAll(() => {
    base = pyCompile(join(root, 'reference'), BASE);
    wider = readPyc(pyCompile(join(root, 'wider'), BASE.replace('x = a + b', 'x = a +  b')));
    place('identical', () => {});
    place('flags', setFlags(2)); // check_source without hash-based: importlib reads it as a timestamp pyc
    place('bad-flags', setFlags(4));
    place('mtime', (p) => void (p.header.kind === 'timestamp' && (p.header.mtime += 1)));
    place('size', (p) => void (p.header.kind === 'timestamp' && (p.header.size = (p.header.size ?? 0) + 1)));
    place('co_code', (p) => {
      const f = fOf(p);
      const code = Uint8Array.from(f.code.value);
      const at = code.findIndex((op, i) => i % 2 === 0 && op === 122 /* BINARY_OP */);
      code[at + 1] = 10; // + (0) becomes - (10)
      f.code = new PyBytes(code);
    });
    place('co_consts', (p) => {
      const m = mOf(p);
      m.consts = new PyTuple(m.consts.items.map((c) => (c.kind === Kind.Str && c.value === 'texttext' ? new PyStr('txettext') : c))); // "text" * 2, folded
    });
    place('co_names', (p) => {
      const f = fOf(p);
      f.names = new PyTuple(f.names.items.map((n) => (n.kind === Kind.Str && n.value === 'g' ? new PyStr('h') : n)));
    });
    place('co_linetable', (p) => void (fOf(p).linetable = fOf(wider).linetable));
    place('co_exceptiontable', (p) => {
      const f = fOf(p);
      const t = Uint8Array.from(f.exceptiontable!.value);
      t[t.length - 1] ^= 1; // depth/lasti of the last entry
      f.exceptiontable = new PyBytes(t);
    });
    place('reference flags', (p) => void (p.code.names.ref = !p.code.names.ref));
    place('garbage', new TextEncoder().encode('not a pyc at all'));
    // an unchecked-hash pyc whose hash is another source's: the source changed since
    place('hash', pyCompile(join(root, 'hashed'), BASE.replace('"text"', '"texts"'), '3.11', ['-c', 'import sys, py_compile as p; p.compile(sys.argv[1], doraise=True, invalidation_mode=p.PycInvalidationMode.UNCHECKED_HASH)']));
    // a source CPython rejects, beside a cache whose header matches it (so it is not stale)
    {
      const broken = 'def f(:\n    pass\n';
      const p = readPyc(base);
      if (p.header.kind === 'timestamp') p.header.size = broken.length;
      place('syntax-error', writePyc(p), broken);
    }
    if (oracle('3.12')) place('magic', pyCompile(join(root, 'v312'), BASE, '3.12'));
    ({ status, json } = verifyJson([join(root, 'cases')]));
  }, 300_000);
  const verdict = (name: string): VerdictJson => {
    const v = json.caches.find((c) => dirname(c.source).endsWith(`/cases/${name}`));
    expect(v, name).toBeDefined();
    return v!;
  };

  it('the unedited pyc is identical; anything else fails the run', () => {
    expect(verdict('identical').status).toBe('identical');
    expect(status).toBe(1);
  });

  it.skipIf(!oracle('3.12'))('header magic: another version wrote it', () => {
    const v = verdict('magic');
    expect(v.status).toBe('different');
    expect(v.diff!.header[0]).toMatchObject({ field: 'magic' });
  });

  it('header flags: read as the timestamp pyc importlib takes it for, and named', () => {
    const v = verdict('flags');
    expect(v.status).toBe('different');
    expect(v.diff!.header).toEqual([{ field: 'flags', a: '2 (timestamp)', b: '0 (timestamp)' }]);
    expect(v.diff!.code).toBeNull();
    expect(verdict('bad-flags')).toMatchObject({ status: 'error', message: 'unreadable pyc: invalid flags 4 (at byte 4)' });
  });

  it('header mtime, size, hash: stale, so not verified', () => {
    expect(verdict('mtime')).toMatchObject({ status: 'stale', reason: 'mtime' });
    expect(verdict('size')).toMatchObject({ status: 'stale', reason: 'size' });
    expect(verdict('hash')).toMatchObject({ status: 'stale', reason: 'hash' });
  });

  it('code fields: the code object and the field', () => {
    expect(verdict('co_code').diff!.code).toMatchObject({ qualname: 'f', field: 'co_code' });
    expect(verdict('co_code').diff!.code!.detail).toMatch(/^co_code differs at offset \d+ \(instruction \d+: BINARY_OP vs BINARY_OP/);
    expect(verdict('co_consts').diff!.code).toMatchObject({ qualname: 'C.m', field: 'co_consts', detail: "co_consts[1]: 'txettext' vs 'texttext' (2 vs 2 constants)" });
    expect(verdict('co_names').diff!.code).toMatchObject({ qualname: 'f', field: 'co_names' });
    expect(verdict('co_linetable').diff!.code).toMatchObject({ qualname: 'f', field: 'co_linetable', detail: 'co_positions() at offset 4: (4, 4, 13, 14) vs (4, 4, 12, 13)' });
    expect(verdict('co_exceptiontable').diff!.code).toMatchObject({ qualname: 'f', field: 'co_exceptiontable' });
    for (const name of ['co_code', 'co_consts', 'co_names', 'co_linetable', 'co_exceptiontable']) expect(verdict(name).diff!.header).toEqual([]);
  });

  it('reference flags only', () => {
    const v = verdict('reference flags');
    expect(v.status).toBe('different');
    expect(v.diff!.code).toMatchObject({ field: 'reference flags' });
    expect(v.diff!.code!.detail).toContain('<module>.co_names: FLAG_REF');
  });

  it('errors: an unreadable pyc, a source that does not compile', () => {
    expect(verdict('garbage')).toMatchObject({ status: 'error' });
    expect(verdict('garbage').message).toMatch(/^unreadable pyc: bad magic number/);
    expect(verdict('syntax-error')).toMatchObject({ status: 'error', message: "SyntaxError: invalid syntax (m.py, line 1)" });
  });

  it('text lines name each verdict', () => {
    const r = tspyc(['verify', '-q', join(root, 'cases')]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.includes('/cases/co_names/'))).toMatch(/^different: .*m\.cpython-311\.pyc: code f: co_names: co_names \(.*'h'.*\) vs \(.*'g'.*\)$/);
    expect(lines.find((l) => l.includes('/cases/flags/'))).toMatch(/: header flags: 2 \(timestamp\) vs 0 \(timestamp\)$/);
    expect(lines.find((l) => l.includes('/cases/mtime/'))).toMatch(/^stale: .*: its header's mtime is not the source's; .*not verified$/);
    expect(lines.find((l) => l.includes('/cases/garbage/'))).toMatch(/^error: /);
    expect(lines.some((l) => l.startsWith('identical: '))).toBe(false);
    expect(lines.at(-1)).toMatch(/^\d+ caches of \d+ sources: 1 identical, \d+ different, 3 stale, 3 errors$/);
  });
  it('a pyc named on the command line: that cache alone', () => {
    const pyc = (name: string) => join(root, 'cases', name, '__pycache__', 'm.cpython-311.pyc');
    let r = tspyc(['verify', pyc('identical')]);
    expect([r.status, r.stdout]).toEqual([0, `identical: ${pyc('identical')}\n1 cache of 1 source: 1 identical, 0 different, 0 stale, 0 errors\n`]);
    r = tspyc(['verify', '-q', pyc('co_names'), pyc('mtime')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^different: .*\n^stale: .*\n2 caches of 2 sources: 0 identical, 1 different, 1 stale, 0 errors\n$/m);
    r = tspyc(['verify', pyc('identical').replace('cpython-311.pyc', 'cpython-311.opt-3.pyc')]);
    expect(r.status).toBe(2); // no such file
    writeFileSync(pyc('identical').replace('cpython-311.pyc', 'cpython-311.opt-3.pyc'), base);
    r = tspyc(['verify', pyc('identical').replace('cpython-311.pyc', 'cpython-311.opt-3.pyc')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tspyc: cannot verify '.*': not the name of a CPython 3.11 cache/);
  });
});

describe.skipIf(!BUILT)('tspyc verify: usage', () => {
  it('a missing path, an unsupported target, no path: exit 2, one line', () => {
    for (const args of [['verify', join(tmpdir(), 'no-such-tspyc-path')], ['verify', '--target', '3.12', '.'], ['verify']]) {
      const r = tspyc(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
