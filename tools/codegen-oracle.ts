// Our code generator against python3.11's compile(): the oracle's code objects for a batch of
// files (one python process), and a field-by-field comparison per file. Used by the codegen
// differential tests and by tools/codegen-compare.ts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalizeRefs, diffCode, Kind, loads, targetForVersion, type CodeDifference, type CodeObject } from '@tspyc/bytecode';
import { compileSource, PyRecursionError, PySyntaxError } from '@tspyc/compiler';
import { runPython } from './oracles.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'oracle', 'compile_code.py');
const TARGET = targetForVersion('3.11')!;

export type OracleError = [string, string, number | null, number | null, number | null, number | null];
export interface OracleRecord {
  path: string;
  code?: CodeObject;
  error?: OracleError;
}

/** compile() of each file by python3.11 (dont_inherit=True, the given -O level) */
export function oracleCode(paths: readonly string[], optimize: 0 | 1 | 2 = 0): Map<string, OracleRecord> {
  const input = paths.map((path) => JSON.stringify({ path, optimize })).join('\n') + '\n';
  const r = runPython('3.11', [SCRIPT], { input });
  if (r.status !== 0) throw new Error(`compile_code.py failed: ${r.stderr}`);
  const out = new Map<string, OracleRecord>();
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const rec = JSON.parse(line) as { path: string; marshal?: string; error?: OracleError };
    const code = rec.marshal ? (loads(Buffer.from(rec.marshal, 'base64')) as CodeObject) : undefined;
    if (code && code.kind !== Kind.Code) throw new Error(`not a code object for ${rec.path}`);
    out.set(rec.path, { path: rec.path, code, error: rec.error });
  }
  return out;
}

export type Outcome =
  | { status: 'identical' }
  | { status: 'different'; diff: CodeDifference }
  | { status: 'same-error' }
  | { status: 'error-mismatch'; ours: string; theirs: string }
  | { status: 'crash'; message: string };

function errorText(e: OracleError | null): string {
  return e ? `${e[0]}: ${e[1]} (${e[2]}, ${e[3]})` : 'no error';
}

/** compile one file ourselves and compare with the oracle's record */
export function compareWithOracle(path: string, rec: OracleRecord, optimize: 0 | 1 | 2 = 0): Outcome {
  let ours: CodeObject | null = null;
  let err: OracleError | null = null;
  try {
    ours = compileSource(readFileSync(path), path, { optimize });
  } catch (e) {
    if (e instanceof PySyntaxError) err = [e.type, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset];
    else if (e instanceof PyRecursionError) err = ['RecursionError', e.message, null, null, null, null];
    else return { status: 'crash', message: e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e) };
  }
  const theirs = rec.error ?? null;
  if (err || theirs) {
    if (err && theirs && JSON.stringify(err.slice(0, 4)) === JSON.stringify(theirs.slice(0, 4))) return { status: 'same-error' };
    return { status: 'error-mismatch', ours: errorText(err), theirs: errorText(theirs) };
  }
  // the oracle's code went through marshal, which orders set elements: ours goes through the same model
  const diff = diffCode(canonicalizeRefs(ours!), rec.code!, TARGET);
  return diff ? { status: 'different', diff } : { status: 'identical' };
}
