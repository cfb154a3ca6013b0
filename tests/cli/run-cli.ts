// Runs the built `tspyc` binary (npm test builds it first) and captures what a user would see.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'packages', 'cli', 'bin', 'tspyc.js');
export const BUILT = existsSync(join(ROOT, 'packages', 'cli', 'dist', 'main.js'));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** variables to set, or to remove (undefined), on top of this process's environment */
  env?: Record<string, string | undefined>;
  /** run as this user (the tests may run as root) */
  uid?: number;
  gid?: number;
}

export function tspyc(args: string[], input?: string, options: CliOptions = {}): CliResult {
  const env = { ...process.env };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 60_000, maxBuffer: 1 << 28, cwd: options.cwd, env, uid: options.uid, gid: options.gid });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Whether the built binary has sub-command `name` (some arrive while tests for them are written). */
export function hasCommand(name: string): boolean {
  return BUILT && new RegExp(`^\\s+${name}\\b`, 'm').test(tspyc(['--help']).stdout);
}
