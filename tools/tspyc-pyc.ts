// The pyc tspyc writes for a source, as a fresh `python3.11 -m py_compile` names it: compileSource,
// CPython's reference pattern (canonicalizeRefs), the timestamp header of the source (or, in
// unchecked-hash mode, the header with the source's hash).
import { readFileSync, statSync } from 'node:fs';
import { canonicalizeRefs, hashHeader, sourceHash, targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';

const TARGET = targetForVersion('3.11')!;

export function tspycPyc(path: string, optimize: 0 | 1 | 2 = 0, mode: 'timestamp' | 'unchecked-hash' = 'timestamp'): Uint8Array {
  const st = statSync(path);
  const source = readFileSync(path);
  const code = canonicalizeRefs(compileSource(source, path, { optimize }));
  const header = mode === 'timestamp' ? timestampHeader(Math.floor(st.mtimeMs / 1000), st.size) : hashHeader(sourceHash(TARGET, source), false);
  return writePyc({ target: TARGET, header, code });
}
