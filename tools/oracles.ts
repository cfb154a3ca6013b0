// The one place that finds CPython interpreters. CPython is a test oracle, never a dependency:
// only tests, benchmarks and tools/ import this module.
//
// Lookup order for version X.Y:
//   1. the environment variable TSPYC_PYTHON_X_Y (e.g. TSPYC_PYTHON_3_11=/opt/py/bin/python3.11)
//   2. `pythonX.Y` on PATH, if it really runs and reports X.Y (pyenv shims may not)
//   3. pyenv: $PYENV_ROOT, `pyenv root`, or ~/.pyenv, then versions/X.Y.*/bin/pythonX.Y
//
// TSPYC_REQUIRE_ORACLES=3.11,3.12,3.13 turns a missing oracle into a failure instead of a skip.
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const ORACLE_VERSIONS = ['2.7', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'] as const;

const found = new Map<string, string | null>();
const tried = new Map<string, string[]>();

function reportsVersion(exe: string, version: string): boolean {
  try {
    const out = execFileSync(exe, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 20_000,
    });
    return out.trim() === version;
  } catch {
    return false;
  }
}

function pyenvRoot(): string | null {
  if (process.env.PYENV_ROOT && existsSync(process.env.PYENV_ROOT)) return process.env.PYENV_ROOT;
  try {
    const out = execFileSync('pyenv', ['root'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (out && existsSync(out)) return out;
  } catch {
    /* no pyenv on PATH */
  }
  const fallback = join(homedir(), '.pyenv');
  return existsSync(fallback) ? fallback : null;
}

function patchOf(dirName: string): number {
  const m = /^\d+\.\d+\.(\d+)$/.exec(dirName);
  return m ? Number(m[1]) : -1;
}

/** Forget earlier lookups (tests change the environment). */
export function clearOracleCache(): void {
  found.clear();
  tried.clear();
}

/** Path of a working CPython X.Y, or null. Never throws. */
export function findPython(version: string): string | null {
  if (found.has(version)) return found.get(version)!;
  const attempts: string[] = [];
  let result: string | null = null;

  const envName = `TSPYC_PYTHON_${version.replace('.', '_')}`;
  const fromEnv = process.env[envName];
  if (fromEnv) {
    attempts.push(`${envName}=${fromEnv}`);
    if (reportsVersion(fromEnv, version)) result = fromEnv;
  }
  if (!result) {
    const onPath = `python${version}`;
    attempts.push(`${onPath} on PATH`);
    if (reportsVersion(onPath, version)) result = onPath;
  }
  if (!result) {
    const root = pyenvRoot();
    if (root) {
      const versionsDir = join(root, 'versions');
      const candidates = existsSync(versionsDir)
        ? readdirSync(versionsDir)
            .filter((d) => d.startsWith(version + '.') && patchOf(d) >= 0)
            .sort((a, b) => patchOf(b) - patchOf(a))
        : [];
      for (const dir of candidates) {
        const exe = join(versionsDir, dir, 'bin', `python${version}`);
        attempts.push(exe);
        if (existsSync(exe) && reportsVersion(exe, version)) {
          result = exe;
          break;
        }
      }
      if (candidates.length === 0) attempts.push(`${versionsDir}/${version}.*`);
    } else {
      attempts.push('pyenv (not installed)');
    }
  }
  found.set(version, result);
  tried.set(version, attempts);
  return result;
}

/** The versions listed in TSPYC_REQUIRE_ORACLES. */
export function requiredOracles(): Set<string> {
  const raw = process.env.TSPYC_REQUIRE_ORACLES ?? '';
  return new Set(raw.split(',').map((s) => s.trim()).filter(Boolean));
}

const warned = new Set<string>();

/**
 * The oracle for a test: its path, or null after a loud warning (the caller skips).
 * When the version is required by TSPYC_REQUIRE_ORACLES, a missing oracle throws instead.
 */
export function oracle(version: string): string | null {
  const exe = findPython(version);
  if (exe) return exe;
  const where = (tried.get(version) ?? []).join('; ');
  if (requiredOracles().has(version)) {
    throw new Error(`oracle python${version} is required (TSPYC_REQUIRE_ORACLES) but was not found; tried: ${where}`);
  }
  if (!warned.has(version)) {
    warned.add(version);
    console.warn(`\n*** ORACLE MISSING: python${version} not found (tried: ${where}); its parity tests are SKIPPED ***\n`);
  }
  return null;
}

export interface PythonResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Environment for oracle runs: the caller's, minus variables that change CPython's output. */
export function oracleEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONHASHSEED: '0' };
  delete env.PYTHONSTARTUP;
  delete env.PYTHONPATH;
  delete env.PYTHONHOME;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Run an oracle synchronously (text output). Throws when the oracle is missing. */
export function runPython(
  version: string,
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number } = {},
): PythonResult {
  const exe = oracle(version);
  if (!exe) throw new Error(`python${version} is not available`);
  const spawnOptions: SpawnSyncOptions = {
    input: options.input,
    env: oracleEnv(options.env),
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: options.timeoutMs ?? 600_000,
  };
  const r = spawnSync(exe, args, spawnOptions);
  if (r.error) throw r.error;
  return { stdout: String(r.stdout), stderr: String(r.stderr), status: r.status };
}
