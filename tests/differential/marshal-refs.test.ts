// Acceptance for bytecode/marshal/ref-model: from the *values* of a pyc alone, canonicalizeRefs
// rebuilds the object identity, interning and FLAG_REF pattern CPython gives it, so MarshalWriter
// writes the very bytes of a fresh `python3.11 -m py_compile FILE` (the canonical reference setup,
// pyc-format.md §4.5). Each pyc is read, deep-cloned into objects that share nothing and carry no
// flags (frozenset elements reversed), rebuilt by the model, written, and compared byte for byte.
// Whole stdlib under CI=true, a sample otherwise.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalizeRefs,
  CodeObject,
  dumps,
  Kind,
  loadsAt,
  marshalOptionsFor,
  PyBytes,
  PyComplex,
  PyDict,
  PyFloat,
  PyFrozenSet,
  PyInt,
  PyList,
  PySet,
  PyStr,
  PyTuple,
  targetForVersion,
  type PyValue,
} from '@tspyc/bytecode';
import { corpusSelection, stdlibFiles } from '../../tools/corpus.js';
import { freshPycs } from '../../tools/fresh-pyc-corpus.js';
import { oracle } from '../../tools/oracles.js';

/** A copy in which every value is a distinct new object with no ref/interned flag. */
function unshared(v: PyValue): PyValue {
  switch (v.kind) {
    case Kind.Int:
      return new PyInt(v.value);
    case Kind.Float:
      return new PyFloat(v.value, false, v.bits);
    case Kind.Complex:
      return new PyComplex(v.real, v.imag, false, v.bits);
    case Kind.Str:
      return new PyStr(v.value, false, false, v.utf8);
    case Kind.Bytes:
      return new PyBytes(v.value.slice());
    case Kind.Tuple:
      return new PyTuple(v.items.map(unshared));
    case Kind.List:
      return new PyList(v.items.map(unshared));
    case Kind.Set:
      return new PySet(v.items.map(unshared).reverse());
    case Kind.FrozenSet:
      return new PyFrozenSet(v.items.map(unshared).reverse());
    case Kind.Dict:
      return new PyDict(v.keys.map(unshared), v.values.map(unshared));
    case Kind.Code: {
      const opt = <T extends PyValue>(x: T | null) => (x === null ? null : (unshared(x) as T));
      return new CodeObject({
        layout: v.layout,
        argcount: v.argcount,
        posonlyargcount: v.posonlyargcount,
        kwonlyargcount: v.kwonlyargcount,
        nlocals: v.nlocals,
        stacksize: v.stacksize,
        flags: v.flags,
        code: unshared(v.code) as PyBytes,
        consts: unshared(v.consts) as PyTuple,
        names: unshared(v.names) as PyTuple,
        localsplusnames: opt(v.localsplusnames),
        localspluskinds: opt(v.localspluskinds),
        varnames: opt(v.varnames),
        freevars: opt(v.freevars),
        cellvars: opt(v.cellvars),
        filename: unshared(v.filename) as PyStr,
        name: unshared(v.name) as PyStr,
        qualname: opt(v.qualname),
        firstlineno: v.firstlineno,
        linetable: unshared(v.linetable) as PyBytes,
        exceptiontable: opt(v.exceptiontable),
      });
    }
    default:
      return v;
  }
}

/** The model's bytes for a CPython pyc, and whether they equal the file's body. */
function rebuild(pyc: string, version: string): { same: boolean; flagged: number } {
  const target = targetForVersion(version)!;
  const options = marshalOptionsFor(target);
  const data = readFileSync(pyc);
  const { value } = loadsAt(data, target.headerSize, options);
  const out = dumps(canonicalizeRefs(unshared(value) as CodeObject, { target }), options);
  const body = data.subarray(target.headerSize);
  let flagged = 0;
  for (const b of body) if (b & 0x80) flagged++;
  return { same: Buffer.compare(Buffer.from(out), body) === 0, flagged };
}

describe('marshal ref model: fresh py_compile pycs from values alone', () => {
  it.skipIf(!oracle('3.11'))(
    '3.11: the stdlib',
    async () => {
      const sources = corpusSelection(stdlibFiles('3.11'), 60);
      const pycs = (await freshPycs('3.11', sources)).filter((p) => p.pyc !== null);
      const mismatched: string[] = [];
      for (const { pyc } of pycs) if (!rebuild(pyc!, '3.11').same) mismatched.push(pyc!);
      console.log(`ref model 3.11: ${pycs.length - mismatched.length}/${pycs.length} identical`);
      expect(pycs.length).toBeGreaterThan(sources.length * 0.9);
      expect(mismatched).toEqual([]);
    },
    600_000,
  );
});
