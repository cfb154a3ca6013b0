// loadCode against python3.11's SourceFileLoader.get_code on the same files: the decision (use the
// cache or compile), and — with writing allowed — exactly what each leaves on disk afterwards
// (which file, its bytes and its mode; hash-based pycs rewritten in their own mode, prefixes,
// -B, a blocked __pycache__). tspyc's `compile` is injected with the code objects CPython itself
// compiled, so whole pycs can be compared byte for byte.
import { chmodSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { targetForVersion } from '@tspyc/bytecode';
import { cachePathFor, LoaderError, loadCode, NodeFileSystem, type CheckHashBasedPycs, type CompileFn } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';
import { pyCompile, referenceCodes, ROOT, snapshotTree, type InvalidationModeName } from './oracle-helpers.js';

const GET_CODE = join(ROOT, 'tools', 'oracle', 'loader_get_code.py');
const target = targetForVersion('3.11')!;
const fs = new NodeFileSystem();
const T0 = 1_700_000_000;
const ORIGINAL = 'x = 1\n';
const EDITED = 'x = 2\n'; // same size

interface Situation {
  name: string;
  /** the cache CPython writes first (py_compile), or none */
  initial: 'none' | InvalidationModeName;
  /** what happens to the source / cache after that */
  after?: (source: string, cache: string, dir: string) => void;
  mode?: CheckHashBasedPycs;
  prefix?: boolean;
  dontWrite?: boolean;
  sourceMode?: number;
}

const setMtime = (p: string, s: number) => utimesSync(p, s, s);
const patch = (cache: string, at: number, bytes: number[]) => {
  const b = readFileSync(cache);
  bytes.forEach((x, i) => (b[at + i] = x));
  writeFileSync(cache, b);
};
const edit = (source: string) => {
  writeFileSync(source, EDITED);
  setMtime(source, T0 + 5);
};

const SITUATIONS: Situation[] = [
  { name: 'no cache yet', initial: 'none' },
  { name: 'no cache, source mode 444', initial: 'none', sourceMode: 0o444 },
  { name: 'no cache, source mode 640', initial: 'none', sourceMode: 0o640 },
  { name: 'fresh timestamp pyc', initial: 'timestamp' },
  { name: 'timestamp pyc, source edited (mtime)', initial: 'timestamp', after: (s) => edit(s) },
  { name: 'timestamp pyc, source grew in the same second (size)', initial: 'timestamp', after: (s) => { writeFileSync(s, ORIGINAL + '# more\n'); setMtime(s, T0); } },
  { name: 'fresh checked-hash pyc, mtime moved', initial: 'checked-hash', after: (s) => setMtime(s, T0 + 99) },
  { name: 'checked-hash pyc, source edited (rewritten checked)', initial: 'checked-hash', after: (s) => edit(s) },
  { name: 'checked-hash pyc, edited, never', initial: 'checked-hash', after: (s) => edit(s), mode: 'never' },
  { name: 'unchecked-hash pyc, edited (trusted)', initial: 'unchecked-hash', after: (s) => edit(s) },
  { name: 'unchecked-hash pyc, edited, always (rewritten unchecked)', initial: 'unchecked-hash', after: (s) => edit(s), mode: 'always' },
  { name: 'checked-hash pyc, edited, always', initial: 'checked-hash', after: (s) => edit(s), mode: 'always' },
  { name: 'bad magic on a checked-hash pyc (rewritten timestamp)', initial: 'checked-hash', after: (s, c) => { edit(s); patch(c, 0, [0x0c]); } },
  { name: 'flags 5 on a hash pyc (rewritten timestamp)', initial: 'checked-hash', after: (_, c) => patch(c, 4, [0x05]) },
  { name: 'flags 2 on a stale timestamp pyc', initial: 'timestamp', after: (s, c) => { edit(s); patch(c, 4, [0x02]); } },
  { name: 'flags 2 on a fresh timestamp pyc', initial: 'timestamp', after: (_, c) => patch(c, 4, [0x02]) },
  { name: 'header truncated to 12 bytes (hash pyc)', initial: 'checked-hash', after: (_, c) => writeFileSync(c, readFileSync(c).subarray(0, 12)) },
  { name: 'empty cache file', initial: 'timestamp', after: (_, c) => writeFileSync(c, '') },
  { name: 'cache path is a directory', initial: 'none', after: (_, c) => mkdirSync(c, { recursive: true }) },
  { name: '__pycache__ is a regular file (cannot write)', initial: 'none', after: (_, __, d) => writeFileSync(join(d, '__pycache__'), 'blocker') },
  { name: 'dont_write_bytecode, no cache', initial: 'none', dontWrite: true },
  { name: 'dont_write_bytecode, stale timestamp pyc', initial: 'timestamp', after: (s) => edit(s), dontWrite: true },
  { name: 'pycache prefix, no cache there', initial: 'none', prefix: true },
  { name: 'pycache prefix, fresh pyc in __pycache__ is ignored', initial: 'timestamp', prefix: true },
];

describe.skipIf(!oracle('3.11'))('loadCode agrees with SourceFileLoader.get_code (3.11)', () => {
  let base = '';
  let compile: CompileFn;
  const caseDir = (i: number) => join(base, 'cases', `c${i}`);
  const sourceOf = (i: number) => join(caseDir(i), `mod${i}.py`);
  const prefixOf = (i: number) => (SITUATIONS[i]!.prefix ? join(base, 'cases', `pfx${i}`) : null);

  /** Build every situation from scratch (the same bytes and mtimes each time). */
  function setUp(): void {
    rmSync(join(base, 'cases'), { recursive: true, force: true });
    SITUATIONS.forEach((s, i) => {
      mkdirSync(caseDir(i), { recursive: true });
      writeFileSync(sourceOf(i), ORIGINAL);
      if (s.sourceMode !== undefined) chmodSync(sourceOf(i), s.sourceMode);
      setMtime(sourceOf(i), T0);
    });
    const jobs = SITUATIONS.flatMap((s, i) => (s.initial === 'none' ? [] : [{ source: sourceOf(i), mode: s.initial }]));
    pyCompile(jobs);
    SITUATIONS.forEach((s, i) => s.after?.(sourceOf(i), cachePathFor(sourceOf(i), { target })!, caseDir(i)));
  }

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'tspyc-getcode-'));
    compile = referenceCodes(join(base, 'ref'), SITUATIONS.flatMap((_, i) => [ORIGINAL, EDITED, ORIGINAL + '# more\n'].map((text) => ({ path: sourceOf(i), text }))));
  }, 60_000);

  it('the same decision and the same files afterwards (bytes and modes)', () => {
    setUp();
    const input = SITUATIONS.map((s, i) => JSON.stringify({ source: sourceOf(i), mode: s.mode ?? 'default', prefix: prefixOf(i), dont_write: !!s.dontWrite })).join('\n') + '\n';
    const r = runPython('3.11', [GET_CODE], { input, env: { PYTHONDONTWRITEBYTECODE: undefined } });
    expect(r.status, r.stderr).toBe(0);
    const theirs = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { decision: string }).decision);
    const theirFiles = snapshotTree(join(base, 'cases'));

    setUp();
    const ours = SITUATIONS.map((s, i) => {
      const got = loadCode(fs, sourceOf(i), {
        target,
        compile,
        checkHashBasedPycs: s.mode ?? 'default',
        pycachePrefix: prefixOf(i),
        dontWriteBytecode: !!s.dontWrite,
      });
      return got.from === 'cache' ? 'fresh' : 'recompile';
    });
    const ourFiles = snapshotTree(join(base, 'cases'));

    const rows = SITUATIONS.map((s, i) => {
      const files = (snap: typeof ourFiles) => Object.fromEntries(Object.entries(snap).filter(([k]) => k.startsWith(`c${i}/`) || k.startsWith(`pfx${i}/`)));
      return { name: s.name, decision: ours[i], files: files(ourFiles), theirs: { decision: theirs[i], files: files(theirFiles) } };
    });
    const agree = rows.filter((r) => r.decision === r.theirs.decision && JSON.stringify(r.files) === JSON.stringify(r.theirs.files)).length;
    console.log(`get_code: ${agree}/${rows.length} situations agree with importlib (decision, and every file's bytes and mode afterwards)`);
    for (const r of rows) expect({ name: r.name, decision: r.decision, files: r.files }).toEqual({ name: r.name, ...r.theirs });
    expect(new Set(theirs)).toEqual(new Set(['fresh', 'recompile']));
  }, 120_000);

  it("importlib's errors for a cache whose header is fresh but whose body is broken (onCorruptBody: 'raise')", () => {
    const dir = join(base, 'corrupt');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const bodies: [string, (pyc: Buffer) => Buffer][] = [
      ['truncated body', (p) => p.subarray(0, 16 + Math.floor((p.length - 16) / 2))],
      ['body is None', (p) => Buffer.concat([p.subarray(0, 16), Buffer.from('N')])],
      ['unknown type code', (p) => Buffer.concat([p.subarray(0, 16), Buffer.from('?')])],
      ['header only', (p) => p.subarray(0, 16)],
    ];
    const sources = bodies.map((_, i) => join(dir, `m${i}.py`));
    sources.forEach((s) => {
      writeFileSync(s, ORIGINAL);
      setMtime(s, T0);
    });
    pyCompile(sources.map((source) => ({ source })));
    bodies.forEach(([, f], i) => {
      const c = cachePathFor(sources[i]!, { target })!;
      writeFileSync(c, f(readFileSync(c)));
    });
    const input = sources.map((source) => JSON.stringify({ source, fullname: 'case_module', dont_write: true })).join('\n') + '\n';
    const theirs = runPython('3.11', [GET_CODE], { input }).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { decision: string }).decision);
    const ours = sources.map((s) => {
      try {
        loadCode(fs, s, { target, compile: () => { throw new Error('must not compile'); }, onCorruptBody: 'raise', fullname: 'case_module' });
        return 'fresh';
      } catch (err) {
        if (!(err instanceof LoaderError)) throw err;
        return `error: ${err.pythonType}: ${err.message}`;
      }
    });
    expect(ours).toEqual(theirs);
    expect(ours.every((o) => o.startsWith('error: '))).toBe(true);
    console.log(`corrupt bodies: ${ours.length}/${ours.length} raise importlib's exception with its message`);
  }, 60_000);

  it("tspyc's default for a broken body: recompile and rewrite (where importlib fails the import)", () => {
    const dir = join(base, 'corrupt-default');
    mkdirSync(dir, { recursive: true });
    const source = join(dir, 'm.py');
    writeFileSync(source, ORIGINAL);
    setMtime(source, T0);
    pyCompile([{ source }]);
    const cache = cachePathFor(source, { target })!;
    const good = readFileSync(cache);
    writeFileSync(cache, good.subarray(0, good.length - 7));
    const code = referenceCodes(join(dir, 'ref'), [{ path: source, text: ORIGINAL }]);
    const got = loadCode(fs, source, { target, compile: code });
    expect(got).toMatchObject({ from: 'source', miss: 'corrupt', write: { written: true } });
    expect(Buffer.from(readFileSync(cache)).equals(good)).toBe(true); // what CPython itself wrote
  }, 60_000);
});
