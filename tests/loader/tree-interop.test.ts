// Acceptance (issue 6, interop) on a package tree: python3.11 imports a tree whose caches tspyc's
// loader wrote (timestamp, checked-hash and unchecked-hash) without compiling anything or touching
// a file; tspyc's loader uses the caches python3.11 wrote without compiling or rewriting; and
// legacy sourceless pycs load (or fail) as SourcelessFileLoader's do.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumps, Kind, marshalOptionsFor, readPyc, targetForVersion, type PyInt } from '@tspyc/bytecode';
import { cachePathFor, LoaderError, loadCode, loadSourceless, NodeFileSystem, type InvalidationMode } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';
import { makeTree, pyCompile, referenceCodes, ROOT } from './oracle-helpers.js';

const IMPORT_TREE = join(ROOT, 'tools', 'oracle', 'loader_import_tree.py');
const target = targetForVersion('3.11')!;
const fs = new NodeFileSystem();

const TREE: Record<string, string> = {
  'tsi_top.py': 'x = "top"\nassert __debug__ is False or True, "kept only without -O"\ndef doc():\n    "a docstring -OO drops"\n',
  'tsi_pkg/__init__.py': 'x = "pkg"\n',
  'tsi_pkg/a.py': 'def f(n):\n    return [i * i for i in range(n)]\nx = f(4)\n',
  'tsi_pkg/sub/__init__.py': 'from .. import a\nx = a.x[-1]\n',
  'tsi_pkg/sub/b.py': 'import tsi_top\nclass C:\n    y = tsi_top.x\nx = C.y + "!"\n',
};
const MODULES = ['tsi_top', 'tsi_pkg', 'tsi_pkg.a', 'tsi_pkg.sub', 'tsi_pkg.sub.b'];
const VALUES = { tsi_top: 'top', tsi_pkg: 'pkg', 'tsi_pkg.a': [0, 1, 4, 9], 'tsi_pkg.sub': 9, 'tsi_pkg.sub.b': 'top!' };

/** Every cache file: bytes and nanosecond mtime. */
function cacheState(root: string, optimization = 0): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of Object.keys(TREE)) {
    const c = cachePathFor(join(root, rel), { target, optimization })!;
    try {
      out[rel] = `${statSync(c, { bigint: true }).mtimeNs} ${readFileSync(c).toString('hex')}`;
    } catch {
      out[rel] = 'missing';
    }
  }
  return out;
}

const importTree = (root: string, optimize = 0) => {
  const flags = optimize ? ['-' + 'O'.repeat(optimize)] : [];
  const r = runPython('3.11', [...flags, IMPORT_TREE, root, ...MODULES], { env: { PYTHONDONTWRITEBYTECODE: undefined } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { compiled: string[]; values: Record<string, unknown> };
};

describe.skipIf(!oracle('3.11'))('tree interop with python3.11', () => {
  for (const mode of ['timestamp', 'checked-hash', 'unchecked-hash'] as InvalidationMode[]) {
    it(`python3.11 imports a tree cached by tspyc (${mode}) without compiling or rewriting`, () => {
      const root = mkdtempSync(join(tmpdir(), `tspyc-ours-${mode}-`));
      makeTree(root, TREE);
      const compile = referenceCodes(join(root, '..', `${root.split('/').pop()}-ref`), Object.entries(TREE).map(([rel, text]) => ({ path: join(root, rel), text })));
      for (const rel of Object.keys(TREE)) {
        const got = loadCode(fs, join(root, rel), { target, compile, invalidationMode: mode });
        expect(got).toMatchObject({ from: 'source', miss: 'missing', write: { written: true } });
      }
      const flags = Object.keys(TREE).map((rel) => readFileSync(cachePathFor(join(root, rel), { target })!)[4]);
      expect(new Set(flags)).toEqual(new Set([{ timestamp: 0, 'checked-hash': 3, 'unchecked-hash': 1 }[mode]]));
      const before = cacheState(root);
      const result = importTree(root);
      expect(result.compiled).toEqual([]);
      expect(result.values).toEqual(VALUES);
      expect(cacheState(root)).toEqual(before);
      console.log(`${mode}: python3.11 imported ${MODULES.length} modules from tspyc's ${Object.keys(TREE).length} caches, compiled none, rewrote none`);
    }, 60_000);
  }

  for (const mode of ['timestamp', 'checked-hash', 'unchecked-hash'] as InvalidationMode[]) {
    it(`tspyc's loader uses the caches python3.11 wrote (${mode}) without compiling or rewriting`, () => {
      const root = mkdtempSync(join(tmpdir(), `tspyc-theirs-${mode}-`));
      makeTree(root, TREE);
      if (mode === 'timestamp') {
        const result = importTree(root); // the import system writes the caches itself
        expect(result.compiled.length).toBe(Object.keys(TREE).length);
      } else {
        pyCompile(Object.keys(TREE).map((rel) => ({ source: join(root, rel), mode })));
      }
      const before = cacheState(root);
      expect(Object.values(before).filter((v) => v === 'missing')).toEqual([]);
      for (const rel of Object.keys(TREE)) {
        const source = join(root, rel);
        const got = loadCode(fs, source, { target, compile: () => { throw new Error(`compiled ${rel}`); } });
        expect(got).toMatchObject({ from: 'cache', cacheKind: mode, write: null });
        // The code is the one in CPython's file.
        const inFile = readPyc(readFileSync(cachePathFor(source, { target })!)).code;
        expect(Buffer.from(dumps(got.code, marshalOptionsFor(target))).equals(Buffer.from(dumps(inFile, marshalOptionsFor(target))))).toBe(true);
      }
      expect(cacheState(root)).toEqual(before);
      console.log(`${mode}: tspyc used python3.11's ${Object.keys(TREE).length} caches, compiled none, rewrote none`);
    }, 60_000);
  }

  for (const optimize of [1, 2]) {
    it(`python3.11 -${'O'.repeat(optimize)} imports a tree cached by tspyc at that level (.opt-${optimize}.pyc) without compiling or rewriting`, () => {
      const root = mkdtempSync(join(tmpdir(), `tspyc-opt${optimize}-`));
      makeTree(root, TREE);
      const compile = referenceCodes(`${root}-ref`, Object.entries(TREE).map(([rel, text]) => ({ path: join(root, rel), text })), { optimize });
      for (const rel of Object.keys(TREE)) {
        expect(loadCode(fs, join(root, rel), { target, compile, optimization: optimize }).write).toMatchObject({ written: true, path: expect.stringMatching(new RegExp(`\\.opt-${optimize}\\.pyc$`)) });
      }
      const before = cacheState(root, optimize);
      const result = importTree(root, optimize);
      expect(result.compiled).toEqual([]);
      expect(result.values).toEqual(VALUES);
      expect(cacheState(root, optimize)).toEqual(before);
      expect(cacheState(root)).toEqual(Object.fromEntries(Object.keys(TREE).map((k) => [k, 'missing']))); // no level-0 caches
      console.log(`-O${optimize}: python3.11 imported ${MODULES.length} modules from tspyc's .opt-${optimize} caches, compiled none, rewrote none`);
    }, 60_000);
  }

  it('sourceless pycs: the code, or the error SourcelessFileLoader raises', () => {
    const root = mkdtempSync(join(tmpdir(), 'tspyc-sourceless-'));
    writeFileSync(join(root, 'src.py'), 'x = 42\n');
    const pyc = join(root, 'good.pyc');
    pyCompile([{ source: join(root, 'src.py'), cfile: pyc }]);
    const good = readFileSync(pyc);
    const variants: Record<string, Buffer> = {
      good,
      'bad magic': Buffer.concat([Buffer.from([0x6f, 0x0d, 0x0d, 0x0a]), good.subarray(4)]),
      'too short for magic': good.subarray(0, 3),
      'short header': good.subarray(0, 10),
      'invalid flags': Buffer.concat([good.subarray(0, 4), Buffer.from([8, 0, 0, 0]), good.subarray(8)]),
      'truncated body': good.subarray(0, good.length - 5),
      'hash flags, stale hash (not checked)': Buffer.concat([good.subarray(0, 4), Buffer.from([3, 0, 0, 0]), good.subarray(8)]),
    };
    const names = Object.keys(variants);
    names.forEach((n, i) => writeFileSync(join(root, `v${i}.pyc`), variants[n]!));
    const script = [
      'import importlib.machinery, json, sys',
      'for p in sys.argv[1:]:',
      '    try:',
      '        code = importlib.machinery.SourcelessFileLoader("sl_mod", p).get_code("sl_mod")',
      '        ns = {}; exec(code, ns); r = "ok x=%r file=%s" % (ns["x"], code.co_filename)',
      '    except Exception as e:',
      '        r = "%s: %s" % (type(e).__name__, e)',
      '    print(json.dumps(r))',
    ].join('\n');
    const theirs = runPython('3.11', ['-c', script, ...names.map((_, i) => join(root, `v${i}.pyc`))]).stdout.trim().split('\n').map((l) => JSON.parse(l) as string);
    const ours = names.map((_, i) => {
      try {
        const code = loadSourceless(fs, join(root, `v${i}.pyc`), { target, fullname: 'sl_mod' });
        const x = code.consts.items.find((c): c is PyInt => c.kind === Kind.Int);
        return `ok x=${String(x?.value)} file=${code.coFilename}`;
      } catch (err) {
        if (!(err instanceof LoaderError)) throw err;
        return `${err.pythonType}: ${err.message}`;
      }
    });
    expect(names.map((n, i) => `${n}: ${ours[i]}`)).toEqual(names.map((n, i) => `${n}: ${theirs[i]}`));
    console.log(`sourceless: ${names.length}/${names.length} variants agree with SourcelessFileLoader`);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
