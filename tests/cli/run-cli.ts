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

export function tspyc(args: string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 60_000, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
