// The pyc tspyc writes for a source, as a fresh `python3.11 -m py_compile` names it: compileSource,
// CPython's reference pattern (canonicalizeRefs), the timestamp header of the source.
import { readFileSync, statSync } from 'node:fs';
import { canonicalizeRefs, targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';

const TARGET = targetForVersion('3.11')!;

export function tspycPyc(path: string, optimize: 0 | 1 | 2 = 0): Uint8Array {
  const st = statSync(path);
  const code = canonicalizeRefs(compileSource(readFileSync(path), path, { optimize }));
  return writePyc({ target: TARGET, header: timestampHeader(Math.floor(st.mtimeMs / 1000), st.size), code });
}
