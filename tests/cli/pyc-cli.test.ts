// `tspyc dis` and `tspyc inspect` as a user runs them, on pycs written by each CPython.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describePyc, readPyc } from '@tspyc/bytecode';
import { corpusSelection, sample } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { stdlibPycs } from '../../tools/pyc-corpus.js';
import { BUILT, tspyc } from './run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = join(ROOT, 'fixtures', 'example', '__pycache__', 'hello.cpython-311.pyc');
const DIS_SCRIPT = join(ROOT, 'tools', 'oracle', 'dis_dump.py');
const codeAddress = /(<code object [^\n]*?) at 0x[0-9a-f]+(, file ")/g;

describe.skipIf(!BUILT)('tspyc dis', () => {
  for (const version of ['3.11', '3.12', '3.13']) {
    it.skipIf(!oracle(version))(`${version}: prints what dis.dis prints`, () => {
      const files = sample(stdlibPycs(version).entries, 4).map((e) => e.pyc);
      if (version === '3.11') files.push(EXAMPLE);
      const out = runPython(version, [DIS_SCRIPT, '16'], { input: files.join('\n') + '\n' }).stdout.trim().split('\n');
      out.forEach((line, i) => {
        const { text } = JSON.parse(line) as { text: string };
        const r = tspyc(['dis', files[i]!]);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout.replace(codeAddress, '$1 at 0x?$2')).toBe(text);
      });
    }, 120_000);
  }
});

describe.skipIf(!BUILT)('tspyc inspect', () => {
  it('shows the example: header, code objects, constants', () => {
    const r = tspyc(['inspect', EXAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^file: .*hello\.cpython-311\.pyc\nmagic: 3495 \(a70d0d0a\) = CPython 3\.11\nflags: 1 \(unchecked-hash\)/);
    expect(r.stdout).toMatch(/code object greet \(file "hello\.py", line 4\)/);
    expect(r.stdout).toMatch(/code object Counter\.add \(file "hello\.py", line 12\)/);
  });

  const VERSIONS = ['2.7', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];
  for (const version of VERSIONS) {
    it.skipIf(!oracle(version))(`${version}: --json on CPython's own pycs matches marshal.loads`, () => {
      const files = sample(stdlibPycs(version).entries, 2).map((e) => e.pyc);
      const script = 'import marshal,sys,json\nfor p in sys.argv[2:]:\n    c = marshal.loads(open(p,"rb").read()[int(sys.argv[1]):])\n    print(json.dumps([c.co_name if isinstance(c.co_name, str) else c.co_name.decode("latin-1"), c.co_firstlineno, len(c.co_consts)]))';
      const header = readPyc(readFileSync(files[0]!)).target.headerSize;
      const expected = runPython(version, ['-c', script, String(header), ...files]).stdout.trim().split('\n');
      files.forEach((file, i) => {
        const r = tspyc(['inspect', '--json', file]);
        expect(r.status).toBe(0);
        const doc = JSON.parse(r.stdout) as { header: { version: string }; code: { name: string; firstlineno: number; consts: unknown[] } };
        expect(doc.header.version).toBe(version);
        expect([doc.code.name, doc.code.firstlineno, doc.code.consts.length]).toEqual(JSON.parse(expected[i]!));
      });
    }, 120_000);

    it.skipIf(!oracle(version))(`${version}: describes every stdlib pyc without an error`, () => {
      const entries = corpusSelection(stdlibPycs(version).entries, 100);
      for (const { pyc } of entries) describePyc(readPyc(readFileSync(pyc)));
      console.log(`inspect ${version}: ${entries.length}/${entries.length} pycs described`);
    }, 300_000);
  }
});
