// Helpers the loader's oracle tests share: building trees on disk, asking python3.11's importlib
// (tools/oracle/loader_find_spec.py) in one batch, and having py_compile write reference pycs.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPyc, type CodeObject } from '@tspyc/bytecode';
import type { LoaderKind, ModuleSpec } from '@tspyc/loader';
import { runPython } from '../../tools/oracles.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIND_SPEC = join(ROOT, 'tools', 'oracle', 'loader_find_spec.py');

/** A tree: path → file contents, or null for an (empty) directory. */
export type Tree = Record<string, string | Uint8Array | null>;

export function makeTree(base: string, tree: Tree): void {
  for (const [rel, content] of Object.entries(tree)) {
    const p = join(base, rel);
    if (content === null) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
}

/** One batch of queries to importlib; one answer per query. `optimize` runs python with -O / -OO. */
export function askImportlib<T = Record<string, unknown>>(queries: object[], options: { optimize?: 0 | 1 | 2 } = {}): T[] {
  const flags = options.optimize === 1 ? ['-O'] : options.optimize === 2 ? ['-OO'] : [];
  const r = runPython('3.11', [...flags, FIND_SPEC], { input: queries.map((q) => JSON.stringify(q)).join('\n') + '\n' });
  if (r.status !== 0) throw new Error(`loader_find_spec.py failed: ${r.stderr}`);
  const answers = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as T);
  if (answers.length !== queries.length) throw new Error(`expected ${queries.length} answers, got ${answers.length}: ${r.stderr}`);
  return answers;
}

/** importlib's spec fields as loader_find_spec.py reports them. */
export interface OracleSpec {
  name: string;
  origin: string | null;
  cached: string | null;
  submoduleSearchLocations: string[] | null;
  hasLocation: boolean;
  parent: string;
  loader: string | null;
}

const LOADER_CLASS: Record<LoaderKind, string | null> = {
  source: 'SourceFileLoader',
  sourceless: 'SourcelessFileLoader',
  extension: 'ExtensionFileLoader',
  namespace: null,
};

/** Our spec in the oracle's shape, so the two compare field by field. */
export function asOracleSpec(spec: ModuleSpec | null): OracleSpec | null {
  if (spec === null) return null;
  return {
    name: spec.name,
    origin: spec.origin,
    cached: spec.cached,
    submoduleSearchLocations: spec.submoduleSearchLocations,
    hasLocation: spec.hasLocation,
    parent: spec.parent,
    loader: LOADER_CLASS[spec.loaderKind],
  };
}

export type InvalidationModeName = 'timestamp' | 'checked-hash' | 'unchecked-hash';

/** py_compile each source into `cfile` (default: its __pycache__ path), in the given mode. */
export function pyCompile(jobs: { source: string; cfile?: string; dfile?: string; mode?: InvalidationModeName; optimize?: number }[], env: Record<string, string | undefined> = {}): void {
  const script = [
    'import py_compile, sys, json',
    'M = {"timestamp": py_compile.PycInvalidationMode.TIMESTAMP, "checked-hash": py_compile.PycInvalidationMode.CHECKED_HASH, "unchecked-hash": py_compile.PycInvalidationMode.UNCHECKED_HASH}',
    'for line in sys.stdin:',
    '    j = json.loads(line)',
    '    py_compile.compile(j["source"], cfile=j.get("cfile"), dfile=j.get("dfile"), doraise=True, invalidation_mode=M[j.get("mode") or "timestamp"], optimize=j.get("optimize", -1))',
  ].join('\n');
  const input = jobs.map((j) => JSON.stringify(j)).join('\n') + '\n';
  const r = runPython('3.11', ['-c', script], { input, env: { PYTHONDONTWRITEBYTECODE: undefined, SOURCE_DATE_EPOCH: undefined, ...env } });
  if (r.status !== 0) throw new Error(`py_compile failed: ${r.stderr}`);
}

/** Every file and directory under `dir` (relative path → bytes and permission bits; directories end in '/'). */
export function snapshotTree(dir: string): Record<string, { bytes: string; mode: string }> {
  const out: Record<string, { bytes: string; mode: string }> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out[r + '/'] = { bytes: '', mode: (statSync(join(dir, r)).mode & 0o777).toString(8) };
        walk(r);
      }
      else out[r] = { bytes: Buffer.from(readFileSync(join(dir, r))).toString('hex'), mode: (statSync(join(dir, r)).mode & 0o777).toString(8) };
    }
  };
  walk('');
  return out;
}

/**
 * Code objects CPython compiled, to inject as our loader's `compile` (tspyc's compiler does not
 * exist yet): py_compile of `text` with dfile = `path`, read back with readPyc. Keyed by path and text.
 */
export function referenceCodes(work: string, jobs: { path: string; text: string }[], options: { optimize?: number } = {}): (source: Uint8Array, path: string) => CodeObject {
  mkdirSync(work, { recursive: true });
  const key = (path: string, text: string) => `${path}\0${text}`;
  const unique = [...new Map(jobs.map((j) => [key(j.path, j.text), j])).values()];
  unique.forEach((j, i) => writeFileSync(join(work, `src${i}.py`), j.text));
  pyCompile(unique.map((j, i) => ({ source: join(work, `src${i}.py`), cfile: join(work, `ref${i}.pyc`), dfile: j.path, optimize: options.optimize })));
  const codes = new Map(unique.map((j, i) => [key(j.path, j.text), readFileSync(join(work, `ref${i}.pyc`))]));
  return (source, path) => {
    const pyc = codes.get(key(path, new TextDecoder().decode(source)));
    if (!pyc) throw new Error(`test setup: no reference code for ${path}`);
    return readPyc(pyc).code; // a fresh object each time, as a compiler would give
  };
}
