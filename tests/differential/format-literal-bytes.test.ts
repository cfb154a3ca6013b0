// optimize_format turns `'%%%s' % (x,)` into an f-string whose literal '%' is made by
// str.replace('%%', '%'): a new 1-character string, not the Latin-1 singleton a parsed '%' is, so
// marshal gives it no FLAG_REF — unless the constant cache makes it one object with another '%'.
// The compiler marks it for the reference model (new-object-hints.ts); tspyc's pyc of each module is
// byte for byte a fresh python3.11 -m py_compile's. (sympy/printing/tableform.py was the one
// site-packages file of 11,563 that differed.)
import { describe, expect, it } from 'vitest';
import { oracle } from '../../tools/oracles.js';
import { modulesDifferingFromFreshPyCompile } from './modules-vs-fresh-py-compile.js';

const CASES: Record<string, string> = {
  percent_alone: "def f(a, w):\n    return '%%%s%ss' % (a, str(w))\n",
  literal_before: "x = '%'\ndef f(a):\n    return '%%%s' % (a,)\n",
  literal_after: "def f(a):\n    return '%%%s' % (a,)\nx = '%'\n",
  same_function: "def f(a):\n    return ('%%%s' % (a,), '%')\n",
  two_formats: "def f(a):\n    return '%%%s' % (a,)\ndef g(a):\n    return '%s%%' % (a,)\n",
  longer_literal: "def f(a):\n    return 'a%%%s%%b' % (a,), '%'\n",
  constant_tuple: "x = '%%' % ()\ny = '%%%s' % ('a',)\n",
  module_level: "a = 1\nb = '%%%s' % (a,)\nc = ['%', '%%%r' % (a,)]\n",
};

describe.skipIf(!oracle('3.11'))("the '%' optimize_format makes: pycs byte-identical to a fresh python3.11 -m py_compile", () => {
  it(`${Object.keys(CASES).length} modules`, async () => {
    expect(await modulesDifferingFromFreshPyCompile('format-literals', CASES)).toEqual([]);
  }, 120_000);
});
