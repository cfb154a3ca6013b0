// CPython's own test modules run by python3.11 three ways: from source, from sourceless pycs
// CPython wrote, and from sourceless pycs tspyc wrote (issue 4's semantic acceptance). A copy of
// Lib/test is made in a temporary directory (its `test` package shadows the installed one: the
// working directory comes first on sys.path); the chosen modules are compiled next to their sources
// as legacy `X.pyc` files, the sources are deleted, and `python3.11 -m unittest test.X` runs again.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalizeRefs, targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';
import { stdlibDir } from './corpus.js';
import { oracle, oracleEnv, runPython } from './oracles.js';

export interface UnittestResult {
  /** "Ran N tests" and the final OK / FAILED (...) line */
  summary: string;
  status: number | null;
}

function pySources(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((n) => pySources(join(path, n)));
  return path.endsWith('.py') ? [path] : [];
}

/**
 * Lib/test as symlinks, except the chosen modules, which are real copies (they get compiled and
 * deleted); a module that is a package is copied whole
 */
function linkTree(from: string, to: string, copied: ReadonlySet<string>): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const module = name.replace(/\.py$/, '');
    if (copied.has(module)) cpSync(join(from, name), join(to, name), { recursive: true });
    else symlinkSync(join(from, name), join(to, name));
  }
}

function runUnittest(exe: string, cwd: string, module: string): Promise<UnittestResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, ['-m', 'unittest', `test.${module}`], { cwd, env: oracleEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 900_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const lines = out.split('\n').map((l) => l.trim());
      const ran = lines.find((l) => /^Ran \d+ tests? in/.test(l))?.replace(/ in [\d.]+s$/, '') ?? '(no "Ran" line)';
      const verdict = [...lines].reverse().find((l) => /^(OK|FAILED)\b/.test(l)) ?? '(no verdict)';
      resolve({ summary: `${ran}; ${verdict}`, status });
    });
  });
}

export interface ModuleOutcome {
  module: string;
  source: UnittestResult;
  cpythonPyc: UnittestResult;
  tspycPyc: UnittestResult;
}

/** Run each module (a test_*.py file or test package of Lib/test) the three ways. */
export async function unittestThreeWays(modules: readonly string[]): Promise<ModuleOutcome[]> {
  const exe = oracle('3.11');
  if (!exe) throw new Error('python3.11 is not available');
  const work = mkdtempSync(join(tmpdir(), 'tspyc-unittest-'));
  const target = targetForVersion('3.11')!;
  try {
    // one copy of Lib/test per way; every chosen module compiled into it
    const trees = ['source', 'cpython', 'tspyc'].map((kind) => {
      const root = join(work, kind);
      linkTree(join(stdlibDir('3.11'), 'test'), join(root, 'test'), new Set(modules));
      return root;
    });
    const filesOf = (root: string, module: string) => {
      try {
        return pySources(join(root, 'test', module));
      } catch {
        return [join(root, 'test', `${module}.py`)];
      }
    };
    const cpyFiles = modules.flatMap((m) => filesOf(trees[1]!, m));
    const r = runPython('3.11', ['-c', 'import py_compile, sys\nfor f in sys.argv[1:]: py_compile.compile(f, cfile=f + "c", doraise=True)', ...cpyFiles]);
    if (r.status !== 0) throw new Error(`py_compile failed: ${r.stderr}`);
    for (const f of cpyFiles) rmSync(f);
    for (const f of modules.flatMap((m) => filesOf(trees[2]!, m))) {
      const st = statSync(f);
      const code = canonicalizeRefs(compileSource(readFileSync(f), f));
      writeFileSync(f + 'c', writePyc({ target, header: timestampHeader(Math.floor(st.mtimeMs / 1000), st.size), code }));
      rmSync(f);
    }
    const results: ModuleOutcome[] = [];
    for (const module of modules) {
      const [source, cpythonPyc, tspycPyc] = await Promise.all(trees.map((root) => runUnittest(exe, root, module)));
      results.push({ module, source: source!, cpythonPyc: cpythonPyc!, tspycPyc: tspycPyc! });
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// npx tsx tools/unittest-pycs.ts test_grammar test_scope …
if (import.meta.url === `file://${process.argv[1]}`) {
  const outcomes = await unittestThreeWays(process.argv.slice(2));
  for (const o of outcomes) {
    const same = o.tspycPyc.summary === o.cpythonPyc.summary ? 'same' : 'DIFFERENT';
    console.log(`${o.module}: source ${o.source.summary} | cpython pyc ${o.cpythonPyc.summary} | tspyc pyc ${o.tspycPyc.summary} [${same}]`);
  }
}
