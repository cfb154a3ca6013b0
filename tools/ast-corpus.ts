// What python3.11's ast module says about each file of a corpus (a digest of `python -m ast -a`'s
// output, or the SyntaxError), computed once per machine by the oracle and cached in the OS temp dir.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPython, runPython } from './oracles.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'oracle', 'ast_dump.py');

export type OracleError = [type: string, msg: string, lineno: number | null, offset: number | null, endLineno: number | null, endOffset: number | null];

export interface AstOracleRecord {
  path: string;
  sha256?: string;
  dump?: string;
  error?: OracleError;
}

/** the oracle's records for `files` (`-a -i 3`, type comments on, as `python -m ast -a` parses) */
export function astOracle(files: string[], flags: string[] = ['-a'], full = false): AstOracleRecord[] {
  const exe = findPython('3.11');
  if (!exe) throw new Error('python3.11 is not available');
  const run = () => {
    const r = runPython('3.11', [SCRIPT, ...flags, ...(full ? ['--full'] : [])], { input: files.join('\n') + '\n' });
    if (r.status !== 0) throw new Error(`ast oracle failed: ${r.stderr}`);
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as AstOracleRecord);
  };
  if (full) return run();
  const key = createHash('sha1').update(`${exe}\0${flags.join(' ')}\0${files.join('\n')}\0v1`).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'tspyc-oracle-cache');
  const file = join(dir, `ast-${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as AstOracleRecord[];
  const records = run();
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(records));
  renameSync(tmp, file);
  return records;
}
