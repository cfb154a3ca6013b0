// `tspyc dis FILE.py` against `python3.11 -m dis FILE.py`: the same disassembly of the same source
// once tspyc compiles (code addresses normalised), and a syntax error reported as compile() raises it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stdlibFiles } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { sample } from '../../tools/corpus.js';
import { CODEGEN, CODEGEN_SKIP_REASON, FIXTURE } from './compile-twins.js';
import { BUILT, tspyc } from './run-cli.js';

const READY = BUILT && oracle('3.11') !== null;
if (READY && !CODEGEN) console.warn(`\n${CODEGEN_SKIP_REASON}\n`);
const codeAddress = /(<code object [^\n]*?) at 0x[0-9a-f]+(, file ")/g;

describe.skipIf(!READY)('tspyc dis FILE.py = python3.11 -m dis FILE.py', () => {
  it('a syntax error: the report compile() raises, on stderr, exit 1', () => {
    for (const name of ['broken_syntax.py', 'pkg/bad_indent.py', 'pkg/sub/sub2/tabs.py']) {
      const file = join(FIXTURE, name);
      const py = runPython('3.11', ['-m', 'dis', file]);
      const ts = tspyc(['dis', file]);
      expect(ts.status).toBe(py.status);
      expect(ts.stdout).toBe('');
      // CPython prints a traceback through dis.py first; the report is what follows it.
      expect(py.stderr.endsWith(ts.stderr)).toBe(true);
      expect(ts.stderr).toMatch(/^  File "/);
    }
  });

  it.skipIf(!CODEGEN)('the same disassembly for the fixture tree and a sample of the stdlib', () => {
    const files = [join(FIXTURE, 'top.py'), join(FIXTURE, 'pkg/mod.py'), join(FIXTURE, 'same.py'), ...sample(stdlibFiles('3.11'), 6)];
    for (const file of files) {
      const py = runPython('3.11', ['-m', 'dis', file]);
      if (py.status !== 0) continue; // deliberately invalid test inputs
      const ts = tspyc(['dis', file]);
      expect(ts.stderr).toBe('');
      expect(ts.status).toBe(0);
      expect(ts.stdout.replace(codeAddress, '$1 at 0x?$2'), file).toBe(py.stdout.replace(codeAddress, '$1 at 0x?$2'));
    }
  });
});
