// Non-ASCII parameter and keyword names whose text also appears as a literal: in CPython the
// literal can become the parser's identifier object (the constant cache meets the identifier
// first: an annotation's name, a keyword-only default's key, a keyword of a call with `**`), and
// marshal then flags it as shared. The compiler marks those constants for the reference model
// (identifier-hints.ts); tspyc's pyc of each module is byte for byte a fresh python3.11
// -m py_compile's. (The model alone, from a pyc's values, still cannot see it: marshal-refs'
// known gaps.)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPycBytes } from '@tspyc/bytecode';
import { freshPycs } from '../../tools/fresh-pyc-corpus.js';
import { oracle } from '../../tools/oracles.js';
import { tspycPyc } from '../../tools/tspyc-pyc.js';

const CASES: Record<string, string> = {
  param_annotations: "def f(café: int, naïve: str = 'x') -> None: pass\ny = 'café'\nz = 'naïve'\n",
  kwonly_default_keys: "def f(*, café=1, naïve=2): pass\ny = 'café'\n",
  call_const_key_map: "f(**k, café=1, naïve=2)\ny = 'café'\n",
  literal_first: "y = 'café'\ndef f(café: int) -> None: pass\n",
  kwonly_mixed_ascii: "def f(*, café=1, b=2, naïve=3): pass\nz = 'naïve'\ng(**k, naïve=1)\n",
  annotation_strings: "def f(café: 'naïve', naïve: 'café'): pass\nx = ('café', 'naïve')\n",
  mangled_private_names: "class C:\n    def m(self, __café: int, *, __naïve=1): return __café\ns = '_C__café'\nf(**d, é=1)\nf(**d, é=1, ü=2)\nt = ('é', 'ü')\n",
  nested_function: "def outer():\n    def inner(ñ: int = 1, *, ő=2) -> 'ñ': return ñ + ő\n    return inner, 'ñ', 'ő'\n",
  future_annotations: "from __future__ import annotations\ndef f(café: naïve) -> 'x': pass\na = 'café'\nb = 'naïve'\n",
};

describe.skipIf(!oracle('3.11'))('non-ASCII identifier constants: pycs byte-identical to a fresh python3.11 -m py_compile', () => {
  it(`${Object.keys(CASES).length} modules`, async () => {
    const dir = join(tmpdir(), 'tspyc-oracle-cache', `identifier-constants-${createHash('sha1').update(JSON.stringify(CASES)).digest('hex').slice(0, 12)}`);
    mkdirSync(dir, { recursive: true });
    const files = Object.entries(CASES).map(([name, text]) => {
      const file = join(dir, `${name}.py`);
      // written once: the directory is named by the contents, and freshPycs keeps the pycs (their headers hold the mtime)
      if (!existsSync(file)) writeFileSync(file, text);
      return file;
    });
    const fresh = await freshPycs('3.11', files);
    const differing: string[] = [];
    expect(fresh).toHaveLength(files.length);
    for (const f of fresh) {
      expect(f.pyc, `${f.src} compiles`).not.toBeNull();
      // py_compile compiled the symlink beside its __pycache__: that path is co_filename
      const link = join(dirname(dirname(f.pyc!)), basename(f.src));
      const ours = tspycPyc(link, 0);
      const theirs = new Uint8Array(readFileSync(f.pyc!));
      // the bodies: the header's mtime is the source file's, which a cleaned temp directory renews
      if (Buffer.from(ours.subarray(16)).equals(theirs.subarray(16))) continue;
      const d = diffPycBytes(ours, theirs);
      differing.push(`${basename(f.src)}: ${d.code ? `${d.code.qualname} ${d.code.field}: ${d.code.detail}` : 'header only'}`);
    }
    expect(differing).toEqual([]);
  }, 120_000);
});
