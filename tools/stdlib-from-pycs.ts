// Issue 4's stronger semantic acceptance: a CPython 3.11 whose whole standard library is loaded from
// pycs tspyc wrote (sources removed) boots and passes the issue's test modules as it does from
// CPython's own sourceless pycs.
//
// A private Python home per compiler: `HOME/lib/python3.11/` mirrors the oracle's stdlib (Lib/test
// included, site-packages left out) with every .py replaced by a legacy sourceless `X.pyc`, every
// other file a symlink, and `lib-dynload` a symlink to the oracle's extension modules.
// `HOME/bin/python3.11` is a copy of the oracle's binary: getpath finds the prefix from it through
// the `lib/python3.11/os.pyc` landmark (3.11 accepts os.pyc as well as os.py), so the children that
// tests start from sys.executable stay inside the home even with -E / -I (which drop PYTHONHOME;
// script_helper itself keeps the environment when PYTHONHOME is set). The interpreter runs with
// PYTHONHOME=HOME, `-s -P` (no user site, no cwd on sys.path) and `-X frozen_modules=off`, without
// which os, codecs, io, abc, site, stat, posixpath… would come from the binary's frozen copies
// (importlib._bootstrap, _bootstrap_external and zipimport stay frozen: they are the import system).
// The copy must find its libpython as the original does (an absolute RUNPATH, as pyenv builds have).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { canonicalizeRefs, targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';
import { stdlibDir } from './corpus.js';
import { oracle, oracleEnv, runPython } from './oracles.js';

/** The test modules issue 4 names. */
export const ISSUE_4_MODULES = [
  'test_grammar', 'test_opcodes', 'test_scope', 'test_class', 'test_exceptions', 'test_generators', 'test_with', 'test_patma',
  'test_unpack', 'test_listcomps', 'test_setcomps', 'test_dictcomps', 'test_contextlib', 'test_augassign', 'test_keywordonlyarg',
  'test_string_literals', 'test_fstring', 'test_int', 'test_list', 'test_dict', 'test_compile', 'test_coroutines',
  'test_named_expressions', 'test_positional_only_arg', 'test_exception_group', 'test_except_star', 'test_dataclasses',
  'test_enum', 'test_functools', 'test_itertools', 'test_collections', 'test_re', 'test_json',
] as const;

const STDLIB_SUBDIR = join('lib', 'python3.11');

/** Where each stdlib source goes in a home: `source` under the oracle's stdlib, `pyc` in the home. */
interface Placement {
  source: string;
  /** the path the source would have in the home: co_filename, as compileall -b in that tree records it */
  homeSource: string;
  pyc: string;
}

/**
 * Mirror the stdlib's directories into `lib`, symlinking every file that is not a .py (data files,
 * test fixtures) and `lib-dynload` whole; return where each .py's pyc goes.
 */
function mirrorStdlib(stdlib: string, lib: string): Placement[] {
  const placements: Placement[] = [];
  const visit = (dir: string): void => {
    const rel = relative(stdlib, dir);
    mkdirSync(join(lib, rel), { recursive: true });
    for (const name of readdirSync(dir).sort()) {
      const from = join(dir, name);
      const to = join(lib, rel, name);
      if (name === '__pycache__' || (rel === '' && name === 'site-packages')) continue;
      if (rel === '' && name === 'lib-dynload') {
        symlinkSync(from, to);
        continue;
      }
      const st = statSync(from);
      if (st.isDirectory()) visit(from);
      else if (name.endsWith('.py')) placements.push({ source: from, homeSource: to, pyc: to + 'c' });
      else symlinkSync(from, to);
    }
  };
  visit(stdlib);
  return placements;
}

/** Compile every source with tspyc in this process; a source tspyc rejects gets no pyc. */
function writeTspycPycs(placements: readonly Placement[]): number {
  const target = targetForVersion('3.11')!;
  let written = 0;
  for (const p of placements) {
    const st = statSync(p.source);
    let code;
    try {
      code = canonicalizeRefs(compileSource(readFileSync(p.source), p.homeSource, { onWarning: () => {} }));
    } catch {
      continue;
    }
    writeFileSync(p.pyc, writePyc({ target, header: timestampHeader(Math.floor(st.mtimeMs / 1000), st.size), code }));
    written++;
  }
  return written;
}

// compileall -b's per-file step (py_compile with the legacy cfile and the home's path as dfile), in
// one process reading its list from a file; a source CPython rejects gets no pyc
const PY_COMPILE_ALL = `
import py_compile, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    source, dfile, cfile = line.split("\\0")
    try:
        py_compile.compile(source, cfile=cfile, dfile=dfile, doraise=True)
        n += 1
    except py_compile.PyCompileError:
        pass
print(n)
`;

/** Start CPython writing the pycs (it runs while tspyc compiles the other home in this process). */
function startCpythonPycs(placements: readonly Placement[], listFile: string): Promise<number> {
  writeFileSync(listFile, placements.map((p) => `${p.source}\0${p.homeSource}\0${p.pyc}`).join('\n'));
  return new Promise((resolve, reject) => {
    const child = spawn(oracle('3.11')!, ['-W', 'ignore', '-c', PY_COMPILE_ALL, listFile], { env: oracleEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(Number(out.trim())) : reject(new Error(`py_compile failed: ${err.trim()}`))));
  });
}

export type Compiler = 'tspyc' | 'cpython';

export interface PythonHome {
  compiler: Compiler;
  home: string;
  /** the copied binary inside the home, and the oracle's binary it is a copy of */
  exe: string;
  binary: string;
  /** .py files of the stdlib, pycs written */
  sources: number;
  pycs: number;
  /** from the start of both builds to this home's last pyc */
  buildMs: number;
}

/** A home under `parent`: the binary and the mirrored stdlib, pycs not yet written. */
function layoutHome(parent: string, compiler: Compiler, binary: string): { home: string; exe: string; placements: Placement[] } {
  const home = join(parent, compiler);
  mkdirSync(join(home, 'bin'), { recursive: true });
  const exe = join(home, 'bin', 'python3.11');
  copyFileSync(binary, exe);
  return { home, exe, placements: mirrorStdlib(stdlibDir('3.11'), join(home, STDLIB_SUBDIR)) };
}

/** Build both homes under `parent`, CPython's py_compile and tspyc working at the same time. */
export async function buildHomes(parent: string): Promise<Record<Compiler, PythonHome>> {
  if (!oracle('3.11')) throw new Error('python3.11 is not available');
  // the interpreter itself, not a pyenv shim
  const binary = runPython('3.11', ['-c', 'import sys; print(sys.executable)']).stdout.trim();
  const started = Date.now();
  const cpy = layoutHome(parent, 'cpython', binary);
  const cpyPycs = startCpythonPycs(cpy.placements, join(parent, 'py-compile-list'));
  const ts = layoutHome(parent, 'tspyc', binary);
  const tsPycs = writeTspycPycs(ts.placements);
  const tspyc: PythonHome = { compiler: 'tspyc', home: ts.home, exe: ts.exe, binary, sources: ts.placements.length, pycs: tsPycs, buildMs: Date.now() - started };
  const cpyCount = await cpyPycs;
  const cpython: PythonHome = { compiler: 'cpython', home: cpy.home, exe: cpy.exe, binary, sources: cpy.placements.length, pycs: cpyCount, buildMs: Date.now() - started };
  return { tspyc, cpython };
}

/** The interpreter's arguments: the home's stdlib and nothing else (see the header comment). */
const FLAGS = ['-s', '-P', '-X', 'frozen_modules=off'];

function homeEnv(h: PythonHome): NodeJS.ProcessEnv {
  return oracleEnv({ PYTHONHOME: h.home });
}

// Where every module imported at startup (and by the named imports) was loaded from.
const BOOT_PROBE = `
import sys, encodings, site, os, re, json, collections, codecs, io, abc, importlib, unittest
out = {"version": sys.version, "prefix": sys.prefix, "exec_prefix": sys.exec_prefix, "path": sys.path, "origins": {}}
for name, m in sorted(sys.modules.items()):
    spec = getattr(m, "__spec__", None)
    out["origins"][name] = getattr(spec, "origin", None) if spec else None
import json as j
print(j.dumps(out))
`;

export interface BootFacts {
  /** `python -c 'import sys; print(sys.version)'` */
  version: string;
  prefix: string;
  path: string[];
  /** the named modules' spec origins */
  named: Record<string, string | null>;
  /** modules in sys.modules after the probe, and those loaded from a pyc in the home's stdlib */
  loaded: number;
  fromHomePycs: number;
  /** modules loaded from anywhere else: built-in, frozen, extension modules in lib-dynload */
  elsewhere: Record<string, string | null>;
  /** sys.prefix the copied binary finds with -I (no PYTHONHOME): getpath's os.pyc landmark */
  landmarkPrefix: string;
  /** os.__file__ when the oracle's own binary (not the copy) runs with PYTHONHOME=home */
  realBinaryOs: string;
}

export function bootFacts(h: PythonHome): BootFacts {
  const run = (args: string[], env: NodeJS.ProcessEnv, exe = h.exe) => {
    const r = spawnSync(exe, args, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${h.compiler} home does not boot (${args.join(' ')}): ${r.stderr.trim().split('\n').pop()}`);
    return r.stdout.trim();
  };
  const version = run([...FLAGS, '-c', 'import sys; print(sys.version)'], homeEnv(h));
  const probe = JSON.parse(run([...FLAGS, '-c', BOOT_PROBE], homeEnv(h))) as {
    prefix: string;
    path: string[];
    origins: Record<string, string | null>;
  };
  const lib = join(h.home, STDLIB_SUBDIR) + '/';
  const named: Record<string, string | null> = {};
  for (const m of ['os', 'encodings', 're', 'json', 'collections', 'site', 'codecs', 'io', 'abc', 'unittest']) named[m] = probe.origins[m] ?? null;
  const elsewhere: Record<string, string | null> = {};
  let fromHomePycs = 0;
  for (const [name, origin] of Object.entries(probe.origins)) {
    if (origin?.startsWith(lib) && origin.endsWith('.pyc') && !origin.startsWith(lib + 'lib-dynload/')) fromHomePycs++;
    else elsewhere[name] = origin;
  }
  const landmarkPrefix = run(['-I', '-c', 'import sys; print(sys.prefix)'], oracleEnv());
  const realBinaryOs = run([...FLAGS, '-c', 'import os; print(os.__file__)'], homeEnv(h), h.binary);
  return {
    version,
    prefix: probe.prefix,
    path: probe.path,
    named,
    loaded: Object.keys(probe.origins).length,
    fromHomePycs,
    elsewhere,
    landmarkPrefix,
    realBinaryOs,
  };
}

export interface UnittestSummary {
  /** "Ran N tests" and the final OK / FAILED (...) line */
  summary: string;
  /** the tests reported as FAIL: or ERROR:, sorted */
  failed: string[];
  status: number | null;
}

/**
 * What to pass to unittest for a module. A test package made of test_* submodules is named by
 * them: `unittest test.test_json` finds its tests through load_tests → discover, which wants an
 * `__init__.py` in the directory and so loads nothing from a sourceless tree (one import error in
 * both homes, a comparison of nothing); the package's own load_tests extras (json's doctests) are
 * left out that way. A package with its tests in `__init__` (test_dataclasses) is named as itself.
 */
export function unittestNames(h: PythonHome, module: string): string[] {
  const dir = join(h.home, STDLIB_SUBDIR, 'test', module);
  const submodules = existsSync(dir) ? readdirSync(dir).filter((n) => /^test_\w+\.pyc$/.test(n)).sort() : [];
  if (submodules.length === 0) return [`test.${module}`];
  return submodules.map((n) => `test.${module}.${n.slice(0, -4)}`);
}

/** The N of "Ran N tests" (0 when there is no such line). */
export function testsRan(r: UnittestSummary): number {
  return Number(/^Ran (\d+)/.exec(r.summary)?.[1] ?? 0);
}

export function runTestModule(h: PythonHome, module: string, timeoutMs = 600_000): Promise<UnittestSummary> {
  return new Promise((resolve, reject) => {
    const work = mkdtempSync(join(tmpdir(), 'tspyc-cwd-'));
    const child = spawn(h.exe, [...FLAGS, '-m', 'unittest', ...unittestNames(h, module)], { cwd: work, env: homeEnv(h), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      rmSync(work, { recursive: true, force: true });
      const lines = out.split('\n').map((l) => l.trim());
      const ran = lines.find((l) => /^Ran \d+ tests? in/.test(l))?.replace(/ in [\d.]+s$/, '') ?? '(no "Ran" line)';
      const verdict = [...lines].reverse().find((l) => /^(OK|FAILED)\b/.test(l)) ?? '(no verdict)';
      const failed = lines.filter((l) => /^(FAIL|ERROR): /.test(l)).sort();
      resolve({ summary: `${ran}; ${verdict}`, failed, status });
    });
  });
}

export interface StdlibOutcome {
  module: string;
  /** what unittest was given (a test package: its test_* submodules) */
  names: string[];
  cpython: UnittestSummary;
  tspyc: UnittestSummary;
}

export interface StdlibFromPycs {
  homes: Record<Compiler, PythonHome>;
  boot: Record<Compiler, BootFacts>;
  outcomes: StdlibOutcome[];
  /** running the modules in both homes */
  testMs: number;
}

/** Build both homes, check that they boot, run each module in both (two interpreters at a time). */
export async function stdlibFromPycs(modules: readonly string[], options: { keep?: boolean } = {}): Promise<StdlibFromPycs> {
  const parent = mkdtempSync(join(tmpdir(), 'tspyc-stdlib-home-'));
  if (options.keep) console.log(`homes kept in ${parent}`);
  try {
    const homes = await buildHomes(parent);
    const boot = { tspyc: bootFacts(homes.tspyc), cpython: bootFacts(homes.cpython) };
    const outcomes: StdlibOutcome[] = [];
    const started = Date.now();
    for (const module of modules) {
      const [tspyc, cpython] = await Promise.all([runTestModule(homes.tspyc, module), runTestModule(homes.cpython, module)]);
      outcomes.push({ module, names: unittestNames(homes.tspyc, module), tspyc: tspyc!, cpython: cpython! });
    }
    return { homes, boot, outcomes, testMs: Date.now() - started };
  } finally {
    if (!options.keep) rmSync(parent, { recursive: true, force: true });
  }
}

export function sameResult(o: StdlibOutcome): boolean {
  return (
    o.tspyc.summary === o.cpython.summary &&
    o.tspyc.status === o.cpython.status &&
    o.tspyc.failed.join('\n') === o.cpython.failed.join('\n')
  );
}

/** One module's line (and, when the homes disagree, the failing tests of each). */
export function describeOutcome(o: StdlibOutcome): string {
  const label = o.names.length > 1 ? `${o.module} (its ${o.names.length} test_* submodules)` : o.module;
  const line = `${sameResult(o) ? 'same' : 'DIFFERENT'} ${label}: CPython pycs ${o.cpython.summary} | tspyc pycs ${o.tspyc.summary}`;
  if (sameResult(o)) return line;
  return `${line}\n  failed with CPython pycs: ${o.cpython.failed.join('; ')}\n  failed with tspyc pycs: ${o.tspyc.failed.join('; ')}`;
}

// npx tsx tools/stdlib-from-pycs.ts [--keep] [test_grammar …]   (default: issue 4's list; --keep
// leaves both homes in the temp dir for a look)
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  const named = args.filter((a) => a !== '--keep');
  const r = await stdlibFromPycs(named.length > 0 ? named : ISSUE_4_MODULES, { keep });
  for (const c of ['tspyc', 'cpython'] as const) {
    const h = r.homes[c];
    const b = r.boot[c];
    console.log(`${c} home: ${h.pycs}/${h.sources} sources as pycs in ${(h.buildMs / 1000).toFixed(1)} s; ${b.version.split(' ')[0]}; prefix ${b.prefix === h.home ? 'the home' : b.prefix}; landmark prefix ${b.landmarkPrefix === h.home ? 'the home' : b.landmarkPrefix}; real binary's os ${b.realBinaryOs}; ${b.fromHomePycs}/${b.loaded} modules from the home's pycs; others: ${Object.entries(b.elsewhere).map(([n, o]) => `${n}=${o}`).join(', ')}`);
  }
  let same = 0;
  for (const o of r.outcomes) {
    if (sameResult(o)) same++;
    console.log(describeOutcome(o));
  }
  console.log(`whole stdlib from tspyc pycs: ${same}/${r.outcomes.length} modules with CPython's own result (tests ${(r.testMs / 1000).toFixed(0)} s)`);
}
