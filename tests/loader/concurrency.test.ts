// Acceptance (issue 6, robustness): 8 processes loading the same tree through loadCode at once —
// while caches are deleted under them, and between rounds deleted, truncated, corrupted, given a
// wrong magic number or a stale hash — leave every .pyc valid (readPyc parses it, validatePyc finds
// it fresh, its code is the reference code) and no temp file behind; every load returns the right code.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumps, marshalOptionsFor, readPyc, targetForVersion } from '@tspyc/bytecode';
import { cachePathFor, validatePyc } from '@tspyc/loader';
import { oracle } from '../../tools/oracles.js';
import { makeTree, pyCompile, ROOT } from './oracle-helpers.js';

const target = targetForVersion('3.11')!;
const HAMMER = join(ROOT, 'tests', 'loader', 'fixtures', 'hammer.ts');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const PROCESSES = 8;

interface Counts { loads: number; fromCache: number; compiled: number; written: number; notWritten: number; deleted: number; mismatches: number; errors: string[]; misses: Record<string, number> }

function runChildren(config: object): Promise<Counts[]> {
  let ready = 0;
  const children: ReturnType<typeof spawn>[] = [];
  const results = Array.from({ length: PROCESSES }, (_, i) =>
    new Promise<Counts>((resolve, reject) => {
      const child = spawn(TSX, [HAMMER, JSON.stringify({ ...config, seed: 1 + i * 7919 })], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      children.push(child);
      let out = '';
      let err = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d;
        if (out.startsWith('ready\n') && !(child as { started?: boolean }).started) {
          (child as { started?: boolean }).started = true;
          // Everyone is ready: start them together, so they race for the same files.
          if (++ready === PROCESSES) for (const c of children) c.stdin!.end('go\n');
        }
      });
      child.stderr!.on('data', (d: Buffer) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as Counts) : reject(new Error(`hammer ${i} exited ${code}: ${err}`))));
    }),
  );
  return Promise.all(results);
}

describe.skipIf(!oracle('3.11'))('8 processes on one tree', () => {
  let root = '';
  const sources: string[] = [];
  const refs: Record<string, string> = {};
  const expected = new Map<string, string>();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tspyc-hammer-'));
    const tree: Record<string, string> = {};
    for (let p = 0; p < 3; p++) {
      tree[`hpkg${p}/__init__.py`] = `n = ${p}\n`;
      for (let m = 0; m < 6; m++) tree[`hpkg${p}/m${m}.py`] = `def f${m}(x):\n    return x * ${m} + ${p}\nvalue = [f${m}(i) for i in range(${m + 3})]\n`.repeat(1 + m);
    }
    makeTree(root, tree);
    const refDir = join(root, '..', `${root.split('/').pop()}-ref`);
    Object.keys(tree).forEach((rel, i) => {
      const s = join(root, rel);
      sources.push(s);
      refs[s] = join(refDir, `r${i}.pyc`);
    });
    pyCompile(sources.map((s) => ({ source: s, cfile: refs[s], dfile: s }))); // CPython's code, as the injected compiler
    for (const s of sources) expected.set(s, Buffer.from(dumps(readPyc(readFileSync(refs[s]!)).code, marshalOptionsFor(target))).toString('hex'));
  }, 60_000);

  /** Every cache valid and fresh, its code the reference; no temp file anywhere. */
  function checkTree(): { valid: number; kinds: Record<string, number> } {
    const kinds: Record<string, number> = {};
    let valid = 0;
    for (const s of sources) {
      const c = cachePathFor(s, { target })!;
      if (!existsSync(c)) continue; // a child deleted it last; absence is not a torn file
      const data = readFileSync(c);
      const pyc = readPyc(data); // throws on a torn or corrupt file
      const st = statSync(s, { bigint: true });
      const verdict = validatePyc(data, { mtimeNs: st.mtimeNs, size: Number(st.size), bytes: () => readFileSync(s) }, target, { cacheMtimeNs: statSync(c, { bigint: true }).mtimeNs });
      expect({ c, verdict }).toMatchObject({ c, verdict: { fresh: true } });
      expect(Buffer.from(dumps(pyc.code, marshalOptionsFor(target))).toString('hex')).toBe(expected.get(s));
      kinds[verdict.fresh ? verdict.kind : 'stale'] = (kinds[verdict.fresh ? verdict.kind : 'stale'] ?? 0) + 1;
      valid++;
    }
    for (const dir of new Set(sources.map((s) => join(dirname(s), '__pycache__')))) {
      expect(readdirSync(dir).filter((f) => !f.endsWith('.pyc'))).toEqual([]);
    }
    return { valid, kinds };
  }

  const eachCache = (f: (cache: string, source: string, i: number) => void) =>
    sources.forEach((s, i) => {
      const c = cachePathFor(s, { target })!;
      if (existsSync(c)) f(c, s, i);
    });

  interface Round {
    name: string;
    before: () => void;
    /** children also delete random caches while the others load */
    chaos: boolean;
    /** what the tree must hold afterwards (without chaos every cache exists) */
    kind?: string;
    /** no process compiled anything */
    allFromCache?: boolean;
    /** the round leaves no cache broken, so a load that saw a broken one saw a torn write */
    intact?: boolean;
  }
  const rounds: Round[] = [
    { name: 'cold: no caches', before: () => {}, chaos: false, kind: 'timestamp', intact: true },
    { name: 'warm', before: () => {}, chaos: false, kind: 'timestamp', allFromCache: true, intact: true },
    { name: 'truncated headers and bodies', before: () => eachCache((c, _, i) => { const b = readFileSync(c); writeFileSync(c, b.subarray(0, i % 2 ? 10 : b.length - 9)); }), chaos: false, kind: 'timestamp' },
    { name: 'garbage bodies behind valid headers', before: () => eachCache((c) => { const b = readFileSync(c); writeFileSync(c, Buffer.concat([b.subarray(0, 16), Buffer.from('?garbage')])); }), chaos: false, kind: 'timestamp' },
    {
      name: 'wrong magic, and sources touched',
      before: () => {
        eachCache((c) => { const b = readFileSync(c); b[0] = 0x6f; writeFileSync(c, b); });
        sources.forEach((s, i) => utimesSync(s, 1_700_000_000 + i, 1_700_000_000 + i));
      },
      chaos: false,
      kind: 'timestamp',
    },
    { name: 'stale checked-hash pycs (rewritten checked-hash)', before: () => eachCache((c) => { const b = readFileSync(c); b.fill(0, 4, 16); b[4] = 3; writeFileSync(c, b); }), chaos: false, kind: 'checked-hash' },
    { name: 'warm checked-hash', before: () => {}, chaos: false, kind: 'checked-hash', allFromCache: true },
    { name: 'all deleted, and deleted under the loaders', before: () => eachCache((c) => rmSync(c)), chaos: true, intact: true },
    { name: 'truncated, and deleted under the loaders', before: () => eachCache((c) => { const b = readFileSync(c); writeFileSync(c, b.subarray(0, 20)); }), chaos: true },
  ];

  it('every round leaves every cache valid, and every load returned the right code', async () => {
    const summary: string[] = [];
    for (const { name, before, chaos, kind, allFromCache, intact } of rounds) {
      before();
      const counts = await runChildren({ sources, refs, ms: 1200, chaos });
      const total = counts.reduce((a, c) => ({ loads: a.loads + c.loads, compiled: a.compiled + c.compiled, written: a.written + c.written, deleted: a.deleted + c.deleted, mismatches: a.mismatches + c.mismatches, errors: a.errors + c.errors.length }), { loads: 0, compiled: 0, written: 0, deleted: 0, mismatches: 0, errors: 0 });
      expect(counts.flatMap((c) => c.errors)).toEqual([]);
      expect(total.mismatches).toBe(0);
      expect(total.loads).toBeGreaterThan(sources.length * PROCESSES);
      const state = checkTree();
      if (!chaos) expect(state.valid).toBe(sources.length);
      if (kind) expect(state.kinds).toEqual({ [kind]: state.valid });
      if (allFromCache) expect(total.compiled).toBe(0);
      const misses: Record<string, number> = {};
      for (const c of counts) for (const [k, v] of Object.entries(c.misses)) misses[k] = (misses[k] ?? 0) + v;
      if (intact) expect(Object.keys(misses).filter((k) => k !== 'missing')).toEqual([]);
      summary.push(`${name}: ${total.loads} loads (${total.compiled} compiled ${JSON.stringify(misses)}, ${total.written} written, ${total.deleted} deleted mid-run), ${state.valid}/${sources.length} caches valid ${JSON.stringify(state.kinds)}`);
    }
    console.log(`8 processes × ${rounds.length} rounds:\n  ${summary.join('\n  ')}`);
  }, 300_000);
});
