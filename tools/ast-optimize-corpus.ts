// What CPython 3.11's own AST optimizer makes of parsed trees (tools/oracle/ast_optimize.py):
// per request, the digest of ast.dump(optimized, include_attributes=True, indent=1) + "\n" (and
// the dump itself when asked), or the error. Corpus runs are cached per machine in the OS temp dir.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedOracleJson } from './oracle-cache.js';
import { findPython, runPython } from './oracles.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'oracle', 'ast_optimize.py');

export interface OptimizeRequest {
  path?: string;
  source?: string;
  optimize?: 0 | 1 | 2;
  mode?: 'exec' | 'eval' | 'single';
  full?: boolean;
}

export interface OptimizeRecord {
  sha256?: string;
  dump?: string;
  error?: [type: string, msg: string];
}

/** the text our side must hash to compare with a record */
export const DUMP_OPTIONS = { includeAttributes: true, indent: 1 } as const;

export function astOptimizeOracle(requests: OptimizeRequest[]): OptimizeRecord[] {
  const exe = findPython('3.11');
  if (!exe) throw new Error('python3.11 is not available');
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const run = () => {
    // PYTHONHASHSEED=0 (oracleEnv's default) makes frozensets of str iterate reproducibly
    const r = runPython('3.11', [SCRIPT], { input });
    if (r.status !== 0) throw new Error(`ast_optimize oracle failed: ${r.stderr}`);
    const out = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OptimizeRecord);
    if (out.length !== requests.length) throw new Error(`ast_optimize oracle answered ${out.length} of ${requests.length} requests`);
    return out;
  };
  return cachedOracleJson('ast-optimize', [exe, input, readFileSync(SCRIPT)], run);
}
