// Non-ASCII parameter and keyword names whose text also appears as a literal: in CPython the
// literal can become the parser's identifier object (the constant cache meets the identifier
// first: an annotation's name, a keyword-only default's key, a keyword of a call with `**`), and
// marshal then flags it as shared. The compiler marks those constants for the reference model
// (identifier-hints.ts); tspyc's pyc of each module is byte for byte a fresh python3.11
// -m py_compile's. (The model alone, from a pyc's values, still cannot see it: marshal-refs'
// known gaps.)
import { describe, expect, it } from 'vitest';
import { oracle } from '../../tools/oracles.js';
import { modulesDifferingFromFreshPyCompile } from './modules-vs-fresh-py-compile.js';

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
    expect(await modulesDifferingFromFreshPyCompile('identifier-constants', CASES)).toEqual([]);
  }, 120_000);
});
